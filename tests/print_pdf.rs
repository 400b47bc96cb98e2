//! The exported summary printed by a real browser: Debian's chromium prints
//! the HTML to PDF headless, poppler-utils read it back. The page must be A4,
//! carry its text, draw the profile bars when printed, and never cut a fiche
//! across two pages.
//!
//! Needs `chromium`, `pdfinfo`, `pdftotext` and `pdftoppm` (`.ci/run`
//! installs them); without them the test says so and passes, unless
//! `BOUSSOLE_PRINT_TEST=1` asks for it (CI sets it).

use std::path::{Path, PathBuf};
use std::process::Command;

use boussole::content::{self, Content};
use boussole::quiz::{self, Answer, Answers, Form};
use boussole::session::Saved;

fn tool(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    })
}

/// A pupil with a profile, six favourites and a comparison of three.
fn session(c: &Content) -> Saved {
    let mut answers = Answers::new();
    for (i, item) in quiz::items(&c.questionnaire, Form::Rapide)
        .iter()
        .enumerate()
    {
        answers.set(&item.id, Answer::Note((i % 5) as u8));
    }
    let favoris: Vec<String> = [
        "electricien",
        "plombier-chauffagiste",
        "macon",
        "aide-soignant",
        "boulanger",
        "developpeur",
    ]
    .iter()
    .filter(|id| c.metier(id).is_some())
    .map(|s| (*s).to_string())
    .collect();
    assert!(
        favoris.len() >= 4,
        "the sample favourites exist: {favoris:?}"
    );
    let mut saved = Saved::new("3e", Some(Form::Rapide), &answers, &favoris, &[]);
    saved.comparaison = favoris.iter().take(3).cloned().collect();
    saved.departement = Some("76".to_string());
    saved
}

fn print(chromium: &Path, html: &Path, pdf: &Path, profile: &Path) {
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("run chromium");
    assert!(
        pdf.is_file(),
        "chromium printed nothing: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run a poppler tool");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Dark pixels on page 1, rendered in grey at 40 dpi.
fn dark_pixels(pdftoppm: &Path, pdf: &Path, dir: &Path, name: &str) -> usize {
    let stem = dir.join(name);
    run(Command::new(pdftoppm)
        .args(["-gray", "-r", "40", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(&stem));
    let bytes = std::fs::read(stem.with_extension("pgm")).expect("rendered page");
    // Binary PGM: "P5", width, height, maxval, then one byte per pixel.
    let mut fields = 0;
    let mut i = 0;
    while fields < 4 && i < bytes.len() {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        fields += 1;
    }
    bytes[i + 1..].iter().filter(|&&b| b < 80).count()
}

#[test]
fn the_summary_prints_on_a4_with_its_bars_and_no_fiche_cut() {
    let tools = ["chromium", "pdfinfo", "pdftotext", "pdftoppm"].map(tool);
    let [
        Some(chromium),
        Some(pdfinfo),
        Some(pdftotext),
        Some(pdftoppm),
    ] = tools
    else {
        assert!(
            std::env::var_os("BOUSSOLE_PRINT_TEST").is_none(),
            "BOUSSOLE_PRINT_TEST is set but chromium or poppler-utils is missing"
        );
        eprintln!("chromium or poppler-utils missing: print test skipped");
        return;
    };
    let c = content::load_bundled().expect("bundled").content;
    let saved = session(&c);
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let html = boussole::export::html(&c, &saved, "2026-11-30");
    std::fs::write(d.join("resume.html"), &html).expect("write");
    print(
        &chromium,
        &d.join("resume.html"),
        &d.join("resume.pdf"),
        &d.join("p1"),
    );
    let pdf = d.join("resume.pdf");

    // A4: 595 × 842 points.
    let info = run(Command::new(&pdfinfo).arg(&pdf));
    assert!(info.contains("(A4)"), "{info}");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");

    // The text is there.
    let text = run(Command::new(&pdftotext)
        .args(["-layout"])
        .arg(&pdf)
        .arg("-"));
    for needle in [
        "Boussole : mon résumé",
        "30 novembre 2026",
        "Mon profil",
        "Mes métiers favoris",
        "Ma comparaison",
        "À qui parler",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }

    // The bars are drawn when printed: the same page without them is lighter.
    // (Headless chromium prints backgrounds even without the page's
    // `print-color-adjust: exact`, which browsers' print dialogs need; that
    // rule is checked in tests/session_export.rs.)
    let with = dark_pixels(&pdftoppm, &pdf, d, "avec");
    let sans = html.replace(
        "class=\"barre\" style=\"width:",
        "class=\"barre\" style=\"width:0px;x:",
    );
    std::fs::write(d.join("sans.html"), sans).expect("write");
    print(
        &chromium,
        &d.join("sans.html"),
        &d.join("sans.pdf"),
        &d.join("p2"),
    );
    let without = dark_pixels(&pdftoppm, &d.join("sans.pdf"), d, "sans");
    eprintln!("dark pixels on page 1: {with} with the bars, {without} without");
    assert!(
        with > without + 100,
        "bars not drawn in print: {with} dark pixels with, {without} without"
    );

    // No fiche is cut: each favourite's title and its last line are on the
    // same page.
    let page_text: Vec<String> = (1..=pages)
        .map(|p| {
            run(Command::new(&pdftotext)
                .args(["-f", &p.to_string(), "-l", &p.to_string()])
                .arg(&pdf)
                .arg("-"))
        })
        .collect();
    let favoris = text.split("Mes métiers favoris").nth(1).unwrap_or("");
    let favoris = favoris.split("Ma comparaison").next().unwrap_or("");
    for id in &saved.favoris {
        let m = c.metier(id).expect("favourite");
        let masc = m.titre.masculin.as_str();
        let page = page_text
            .iter()
            .position(|t| {
                t.split("Ma comparaison")
                    .next()
                    .is_some_and(|f| f.contains(masc))
            })
            .unwrap_or_else(|| panic!("{masc} on no page; favourites:\n{favoris}"));
        let t = &page_text[page];
        let after = t.find(masc).map_or("", |i| &t[i + masc.len()..]);
        // The section ends where the next fiche (or the comparison) begins.
        let end = saved
            .favoris
            .iter()
            .filter(|o| *o != id)
            .filter_map(|o| c.metier(o))
            .filter_map(|o| after.find(o.titre.masculin.as_str()))
            .chain(after.find("Ma comparaison"))
            .min()
            .unwrap_or(after.len());
        let section = &after[..end];
        assert!(
            section.contains("Apprentissage :"),
            "the fiche of {masc} is cut across pages {} and {}:\n{}\n-----\n{}",
            page + 1,
            page + 2,
            page_text[page],
            page_text.get(page + 1).map_or("", String::as_str)
        );
    }
}
