//! Plain mode (`--plain`, TERM=dumb): the whole guide as a linear dialogue,
//! driven through standard input, with nothing but text on standard output.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], env_term: &str, input: &str) -> (i32, String) {
    // A home of its own: an export never lands in the real Documents.
    let home = tempfile::tempdir().expect("temp dir");
    run_in(home.path(), args, env_term, input)
}

/// Runs the guide with `home` as its home folder.
fn run_in(home: &std::path::Path, args: &[&str], env_term: &str, input: &str) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_boussole"))
        .args(args)
        .env("TERM", env_term)
        .env("HOME", home)
        .env_remove("BOUSSOLE_CONTENT")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    if let Some(mut i) = child.stdin.take() {
        let _ = i.write_all(input.as_bytes());
    }
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn assert_plain(out: &str) {
    assert!(!out.contains('\x1b'), "escape sequence in plain mode");
    for c in out.chars() {
        let code = c as u32;
        assert!(
            !(0x2500..=0x25FF).contains(&code) && !(0x2190..=0x21FF).contains(&code),
            "drawing character {c:?} in plain mode"
        );
    }
}

#[test]
fn search_open_a_fiche_and_its_formation() {
    // Menu without results: 4 = Rechercher.
    let input = "4\nelectricien\n1\n1\n0\n\n0\n";
    let (code, out) = run(&["--plain"], "xterm", input);
    assert_eq!(code, 0);
    assert_plain(&out);
    assert!(
        out.contains("1. Électricien du bâtiment / Électricienne du bâtiment (métier)"),
        "{out}"
    );
    assert!(
        out.contains("Parcours depuis ta situation (Je suis en 3e) :"),
        "{out}"
    );
    assert!(out.contains("Formations de ce métier"), "{out}");
    assert!(out.contains("Au revoir."), "{out}");
}

#[test]
fn questionnaire_results_reasons_and_rejection() {
    let mut input = String::from("1\n");
    for _ in 0..30 {
        input.push_str("4\n");
    }
    // Reject the first suggestion, then leave.
    input.push_str("101\n0\n0\n");
    let (code, out) = run(&["--plain"], "xterm", &input);
    assert_eq!(code, 0);
    assert_plain(&out);
    assert!(out.contains("Ton profil :"), "{out}");
    assert!(
        out.contains("Ton profil est peu différencié"),
        "all answers equal: {out}"
    );
    assert!(out.contains("Pourquoi : "), "{out}");
    assert!(
        out.contains("C'est noté : ce métier sort de ta liste."),
        "{out}"
    );
}

#[test]
fn apprenticeship_simulator_contacts_and_situation() {
    // 5 = apprentissage (age 17, year 1), 6 = contacts, 7 = situation (10th:
    // "J'ai un CAP"), 0 = quit.
    let input = "5\n17\n1\n6\n7\n10\n0\n";
    let (code, out) = run(&["--plain"], "xterm", input);
    assert_eq!(code, 0);
    assert_plain(&out);
    assert!(
        out.contains("27 % du SMIC, soit au moins 492,22 € brut par mois"),
        "{out}"
    );
    assert!(out.contains("0800 050 000"), "{out}");
    assert!(out.contains("Ta situation : J'ai un CAP."), "{out}");
}

#[test]
fn term_dumb_chooses_plain_mode_and_end_of_input_leaves_cleanly() {
    let (code, out) = run(&[], "dumb", "12\n");
    assert_eq!(code, 0);
    assert_plain(&out);
    // 8 = Mes favoris, 9 = export (a home where it may write).
    assert!(
        out.contains("Je n'ai pas compris. Tape seulement un nombre de 0 à 9"),
        "{out}"
    );
    assert!(out.contains("Au revoir."), "{out}");
}

#[test]
fn questionnaire_goes_back_with_r_and_stops_with_q() {
    // 1 = quick questionnaire; answer, go back, answer again, stop; quit.
    let input = "1\n4\nr\nn\n2\nq\n0\n";
    let (code, out) = run(&["--plain"], "xterm", input);
    assert_eq!(code, 0);
    assert_plain(&out);
    assert!(
        out.contains("r : revenir à la question précédente"),
        "{out}"
    );
    // The first activity is asked twice (r), then the second, then q stops.
    assert_eq!(out.matches("[1/").count(), 2, "{out}");
    assert_eq!(out.matches("[2/").count(), 2, "{out}");
    assert!(out.contains("Questionnaire arrêté."), "{out}");
    assert!(!out.contains("Ton profil :"), "{out}");
    assert!(out.contains("Au revoir."), "{out}");
}

#[test]
fn menu_numbers_do_not_move_after_the_questionnaire() {
    let mut input = String::from("1\n");
    for _ in 0..30 {
        input.push_str("4\n");
    }
    // Leave the results, then 4 is still Rechercher.
    input.push_str("0\n4\nelectricien\n0\n0\n");
    let (code, out) = run(&["--plain"], "xterm", &input);
    assert_eq!(code, 0);
    assert!(out.contains("Ton profil :"), "{out}");
    let after = out.split("Ton profil :").nth(1).expect("after the profile");
    assert!(
        after.contains("1. Électricien du bâtiment / Électricienne du bâtiment (métier)"),
        "{after}"
    );
    // 8 = Mes favoris, 9 = export, then the results.
    assert!(after.contains("10. Revoir mes résultats"), "{after}");
}

#[test]
fn favourites_and_export_in_plain_mode() {
    let c = boussole::content::load_bundled().expect("bundled").content;
    let m = c.metier("electricien").expect("electricien");
    let k = m
        .formations
        .iter()
        .filter(|f| c.formation(f).is_some())
        .count()
        + 1;
    let home = tempfile::tempdir().expect("temp dir");
    let config = home.path().join("config.toml");
    std::fs::write(&config, "dossier_export = \"resumes\"\n").expect("config");
    // Search, open the fiche, keep it (last number), back; 8 = Mes favoris,
    // back; 9 = export, twice; quit.
    let input = format!("4\nelectricien\n1\n{k}\n0\n\n8\n0\n9\n9\n0\n");
    let config = config.to_string_lossy().into_owned();
    let (code, text) = run_in(
        home.path(),
        &["--plain", "--config", &config],
        "xterm",
        &input,
    );
    assert_eq!(code, 0, "{text}");
    assert_plain(&text);
    assert!(text.contains("Ajouté à tes favoris."), "{text}");
    assert!(text.contains("Mes favoris (1) :"), "{text}");
    assert!(
        text.contains("1. Électricien du bâtiment / Électricienne du bâtiment"),
        "{text}"
    );
    assert_eq!(text.matches("Résumé enregistré").count(), 2, "{text}");
    // Two exports, two names; the favourite is in the summary.
    let dir = home.path().join("resumes");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("export folder")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    assert_eq!(names.len(), 4, "{names:?}");
    let md = names
        .iter()
        .find(|n| n.ends_with(".md"))
        .expect("a Markdown file");
    let summary = std::fs::read_to_string(dir.join(md)).expect("read");
    assert!(summary.contains("### Électricien du bâtiment"), "{summary}");
}
