//! Opt-in saving (atomic, versioned, damaged files moved aside) and the
//! printable summary (Markdown and self-contained HTML).

use boussole::content::{self, Content};
use boussole::quiz::{self, Answer, Answers, Form};
use boussole::session::{self, LoadError, Opened, Saved, Store};

fn bundled() -> Content {
    content::load_bundled().expect("bundled").content
}

fn sample(c: &Content) -> Saved {
    let mut answers = Answers::new();
    for i in quiz::items(&c.questionnaire, Form::Rapide) {
        let note = if i.theme == boussole::content::Theme::R {
            4
        } else {
            1
        };
        answers.set(&i.id, Answer::Note(note));
    }
    answers.set("i-volcans", Answer::NeSaitPas);
    Saved::new(
        "3e",
        Some(Form::Rapide),
        &answers,
        &["electricien".to_string(), "macon".to_string()],
        &["couvreur".to_string()],
    )
}

#[test]
fn saving_round_trips_atomically() {
    let c = bundled();
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("boussole"));
    assert!(matches!(store.open("x").expect("open"), Opened::Empty));
    let saved = sample(&c);
    let path = store.save(&saved).expect("save");
    assert!(path.ends_with(session::FILE_NAME));
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path().join("boussole"))
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, [session::FILE_NAME]);
    match store.open("x").expect("open") {
        Opened::Loaded(back) => {
            assert_eq!(back, saved);
            assert_eq!(back.answers().get("i-volcans"), Some(Answer::NeSaitPas));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(store.erase().expect("erase"), 1);
    assert!(!dir.path().join("boussole").exists());
}

#[test]
fn a_damaged_file_is_moved_aside_not_deleted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path());
    std::fs::write(store.path(), "{ pas du json").expect("write");
    match store.open("20261128-101500").expect("open") {
        Opened::MovedAside { error, moved_to } => {
            assert!(matches!(error, LoadError::Corrupt { .. }), "{error}");
            assert!(error.to_string().contains("fichier abîmé"), "{error}");
            assert_eq!(
                std::fs::read_to_string(&moved_to).expect("kept"),
                "{ pas du json"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(!store.path().exists());
    assert!(matches!(store.open("y").expect("open"), Opened::Empty));
    // Erasing also removes what was moved aside.
    assert_eq!(store.erase().expect("erase"), 1);
}

#[test]
fn a_file_from_a_newer_version_is_moved_aside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path());
    std::fs::write(
        store.path(),
        r#"{"version": 7, "situation": "3e", "nouveau": true}"#,
    )
    .expect("write");
    match store.open("s").expect("open") {
        Opened::MovedAside { error, .. } => {
            assert!(matches!(error, LoadError::Newer { found: 7, .. }));
            assert!(
                error.to_string().contains("version plus récente"),
                "{error}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn markdown_summary_has_its_sections() {
    let c = bundled();
    let md = boussole::export::markdown(&c, &sample(&c), "2026-11-28");
    for heading in [
        "# Boussole : mon résumé",
        "## Mon profil",
        "## Mes métiers favoris",
        "## À qui parler",
    ] {
        assert!(md.lines().any(|l| l == heading), "missing {heading:?}");
    }
    assert!(md.contains("Date : 28 novembre 2026"), "{md}");
    assert!(md.contains("Code : **R"), "{md}");
    assert!(md.contains("### Électricien du bâtiment / Électricienne du bâtiment"));
    assert!(md.contains("- Parcours : "));
    assert!(md.contains("0800 050 000"));
    // Rejected métiers and non-favourites are not listed.
    assert!(!md.contains("### Couvreur"));
}

/// Checks that every opened tag is closed in order (void elements aside).
fn well_formed(html: &str) -> Result<(), String> {
    const VOID: [&str; 3] = ["meta", "br", "!DOCTYPE"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').ok_or("unclosed <")? + start;
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '/')
            .collect();
        if VOID.contains(&name.as_str()) || tag.ends_with('/') {
            continue;
        }
        if tag.starts_with('/') {
            let open = stack.pop().ok_or(format!("</{name}> without opening"))?;
            if open != name {
                return Err(format!("<{open}> closed by </{name}>"));
            }
        } else {
            stack.push(name);
        }
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("unclosed: {stack:?}"))
    }
}

#[test]
fn html_summary_is_well_formed_and_self_contained() {
    let c = bundled();
    let html = boussole::export::html(&c, &sample(&c), "2026-11-28");
    well_formed(&html).expect("well-formed HTML");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@page{size:A4"));
    for forbidden in ["<script", "src=", "<link", "url(", "@import", "http:"] {
        assert!(
            !html.contains(forbidden),
            "the page must not load anything: found {forbidden:?}"
        );
    }
    assert!(html.contains("<h2>Mes métiers favoris</h2>"));
    // Printed, the bars keep their colour; the value is written too.
    assert!(html.contains("print-color-adjust:exact"));
    assert!(html.contains("-webkit-print-color-adjust:exact"));
    // Addresses are links.
    assert!(
        html.contains("<a href=\"https://onisep.fr\">onisep.fr</a>"),
        "{html}"
    );
    assert_eq!(
        boussole::export::escape("<a & \"b\">"),
        "&lt;a &amp; &quot;b&quot;&gt;"
    );
}

#[test]
fn export_command_reads_a_session_file() {
    let c = bundled();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("s.json");
    std::fs::write(&file, sample(&c).to_json()).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_boussole"))
        .args(["export", "--format", "md", "--session"])
        .arg(&file)
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("## Mes métiers favoris"));
    std::fs::write(&file, "{").expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_boussole"))
        .args(["export", "--format", "html", "--session"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("fichier abîmé"));
}

#[test]
fn summary_lists_places_for_favourites_the_persons_departement_first() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    let c = content::load_dir(&dir).expect("fixture").content;
    let mut saved = Saved::new(
        "3e",
        None,
        &Answers::new(),
        &["electricien".to_string()],
        &[],
    );
    let line = |md: &str| {
        md.lines()
            .find(|l| l.starts_with("- Où se former : "))
            .map(str::to_string)
    };
    let md = boussole::export::markdown(&c, &saved, "2026-12-01");
    assert_eq!(
        line(&md).as_deref(),
        Some(
            "- Où se former : CFA de test à Évreux (27 Eure) : CAP Électricien, en apprentissage ; \
             Lycée professionnel de test à Rouen (76 Seine-Maritime) : CAP Électricien, en apprentissage ; \
             Lycée professionnel de test à Rouen (76 Seine-Maritime) : Bac pro Métiers de l'électricité et de ses environnements connectés"
        )
    );
    saved.departement = Some("76".into());
    let md = boussole::export::markdown(&c, &saved, "2026-12-01");
    assert!(
        line(&md)
            .is_some_and(|l| l.starts_with("- Où se former : Lycée professionnel de test à Rouen")),
        "{md}"
    );
    let html = boussole::export::html(&c, &saved, "2026-12-01");
    assert!(html.contains("<li>Où se former : Lycée professionnel de test à Rouen"));
}

#[test]
fn summary_carries_the_comparison_and_the_contacts_for_the_situation() {
    let c = bundled();
    let mut saved = sample(&c);
    saved.comparaison = vec![
        "electricien".to_string(),
        "plombier-chauffagiste".to_string(),
    ];
    saved.departement = Some("14".to_string());
    let md = boussole::export::markdown(&c, &saved, "2026-11-30");
    assert!(md.contains("Date : 30 novembre 2026"));
    // A favourite whose family has a published figure says so, with its year.
    saved.favoris.push("vendeur-en-magasin".to_string());
    let with_family = boussole::export::markdown(&c, &saved, "2026-11-30");
    let vendeur = with_family
        .split("### Vendeur en magasin")
        .nth(1)
        .expect("the favourite's section");
    assert!(
        vendeur.contains("- Recrute en Normandie : Vente, tourisme et services"),
        "{vendeur}"
    );
    assert!(vendeur.contains("(BMO 20"), "{vendeur}");
    let comparaison = md
        .split("## Ma comparaison")
        .nth(1)
        .and_then(|rest| rest.split("## À qui parler").next())
        .expect("a comparison section");
    assert!(comparaison.contains("### Électricien du bâtiment / Électricienne du bâtiment"));
    for champ in [
        "- Niveau d'entrée : ",
        "- Études : ",
        "- Apprentissage : oui",
        "- Lieux de formation : ",
        "(département : Calvados)",
        "- Avec mon profil : ",
    ] {
        assert!(
            comparaison.contains(champ),
            "missing {champ:?} in {comparaison}"
        );
    }
    // A pupil in 3e: the CIO comes before the contacts for adults.
    let contacts = md.split("## À qui parler").nth(1).expect("contacts");
    let cio = contacts.find("CIO").expect("CIO listed");
    let autres = contacts.find("Autres contacts").expect("other contacts");
    assert!(cio < autres, "{contacts}");
    let html = boussole::export::html(&c, &saved, "2026-11-30");
    well_formed(&html).expect("well-formed HTML");
    assert!(html.contains("<h2>Ma comparaison</h2>"));
    // Without a comparison, no empty section.
    saved.comparaison.clear();
    let md = boussole::export::markdown(&c, &saved, "2026-11-30");
    assert!(!md.contains("## Ma comparaison"));
}

#[test]
fn a_saved_comparison_survives_a_round_trip_and_old_files_still_read() {
    let c = bundled();
    let mut saved = sample(&c);
    saved.comparaison = vec!["macon".to_string()];
    let json = saved.to_json();
    let back: Saved = serde_json::from_str(&json).expect("read back");
    assert_eq!(back.comparaison, vec!["macon".to_string()]);
    // A file written before comparisons were saved has no such field.
    let old = sample(&c).to_json();
    assert!(!old.contains("comparaison"));
}
