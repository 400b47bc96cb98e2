//! The plain command line, run as a real process.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use boussole::content::{self, Theme};

fn boussole(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_boussole"))
        .args(args)
        .env_remove("BOUSSOLE_CONTENT")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    if let Some(mut input) = child.stdin.take() {
        // The process may stop reading early (end of questionnaire): ignore EPIPE.
        let _ = input.write_all(stdin.as_bytes());
    }
    child.wait_with_output().expect("the binary ends")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn check_prints_a_summary() {
    let o = boussole(&["check"], "");
    assert!(o.status.success());
    assert!(
        stdout(&o).contains("Contenu valide : 14 domaines, 1584 fiches ROME"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn check_on_a_broken_directory_lists_problems_and_exits_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("rome.toml"),
        "sources = [\"x\"]\n[[fiche]]\ncode = 12\n",
    )
    .expect("write");
    let o = boussole(
        &["check", "--content", &dir.path().display().to_string()],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("rome.toml:3:8: type incorrect"), "{out}");
    assert!(out.contains("domaines.toml: fichier manquant"), "{out}");
    // The guide itself refuses a broken directory with the same messages, on stderr.
    let o = boussole(&["--content", &dir.path().display().to_string()], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("rome.toml:3:8:"));
}

#[test]
fn export_json_has_every_kind() {
    let o = boussole(&["export", "--format", "json"], "");
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["rome"].as_array().map(Vec::len), Some(1584));
    assert_eq!(v["domaines"].as_array().map(Vec::len), Some(14));
    for key in [
        "metiers",
        "formations",
        "situations",
        "questionnaire",
        "apprentissage",
        "contacts",
    ] {
        assert!(!v[key].is_null(), "{key}");
    }
}

#[test]
fn search_lists_electricien_first() {
    let o = boussole(&["search", "electricien"], "");
    assert!(o.status.success());
    let first = stdout(&o).lines().next().unwrap_or_default().to_string();
    assert!(
        first.contains("Électricien du bâtiment") && first.contains("(electricien)"),
        "{first}"
    );
    let o = boussole(&["search", "--json", "--limit", "3", "macon"], "");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v[0]["kind"], "metier");
    assert_eq!(v[0]["id"], "macon");
    assert!(v[0]["score"].is_i64());
    let o = boussole(&["search", "qsdfghjklm"], "");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn show_a_metier_a_rome_code_and_a_formation() {
    let o = boussole(&["show", "electricien"], "");
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("Formations :") && out.contains("Parcours depuis la 3e"),
        "{out}"
    );
    let o = boussole(&["show", "A1423"], "");
    assert!(stdout(&o).contains("fiche courte"), "{}", stdout(&o));
    let o = boussole(&["show", "nimporte-quoi"], "");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn parcours_from_3e() {
    let o = boussole(&["parcours", "--from", "3e", "--to", "electricien"], "");
    assert!(o.status.success());
    assert!(stdout(&o).contains("1. "), "{}", stdout(&o));
    let o = boussole(
        &["parcours", "--from", "3e", "--to", "electricien", "--json"],
        "",
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert!(!v["routes"].as_array().expect("routes").is_empty());
    let o = boussole(&["parcours", "--from", "lune", "--to", "electricien"], "");
    assert_eq!(o.status.code(), Some(1));
}

/// Answers for the quick form: 4 to `theme`'s items, 1 to the others.
fn answers_for(theme: Theme) -> String {
    let c = content::load_bundled().expect("bundled").content;
    boussole::quiz::items(&c.questionnaire, boussole::quiz::Form::Rapide)
        .iter()
        .map(|i| if i.theme == theme { "4\n" } else { "1\n" })
        .collect()
}

#[test]
fn quiz_gives_sensible_results_for_each_dominant_theme() {
    let c = content::load_bundled().expect("bundled").content;
    for theme in Theme::ALL {
        let o = boussole(
            &["quiz", "--plain", "--quick", "--json"],
            &answers_for(theme),
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let v: serde_json::Value =
            serde_json::from_slice(&o.stdout).expect("stdout holds only JSON");
        assert_eq!(
            v["code"].as_str().and_then(|c| c.chars().next()),
            Some(theme.letter())
        );
        assert_eq!(v["flat"], false);
        let matches = v["matches"].as_array().expect("matches");
        assert_eq!(matches.len(), 10);
        // The top métiers have the theme as their strongest value.
        for m in &matches[..3] {
            let id = m["id"].as_str().unwrap_or_default();
            let metier = c.metier(id).expect("a known métier");
            let best = metier.riasec.values().into_iter().max().unwrap_or(0);
            assert_eq!(
                metier.riasec.get(theme),
                best,
                "{id} for theme {}",
                theme.letter()
            );
            assert!(
                !m["reasons"]["themes"]
                    .as_array()
                    .expect("themes")
                    .is_empty()
            );
        }
    }
}

#[test]
fn quiz_reasks_on_bad_input_and_stops_on_end_of_input() {
    let mut input = String::from("7\nbof\n");
    input.push_str(&answers_for(Theme::S));
    let o = boussole(&["quiz", "--plain", "--quick"], &input);
    assert!(o.status.success());
    let out = stdout(&o);
    assert_eq!(out.matches("Réponse non comprise").count(), 2, "{out}");
    assert!(out.contains("Ton code : S"), "{out}");
    let o = boussole(&["quiz", "--plain", "--quick"], "4\n3\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("Fin des réponses"), "{}", stdout(&o));
}

#[test]
fn a_bad_config_file_names_its_line_and_exits_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "theme = \"mono\"\nsouris = \"oui\"\n").expect("write");
    let o = boussole(&["--config", &cfg.display().to_string()], "");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("{}:2:10: type incorrect", cfg.display())),
        "{err}"
    );
}

#[test]
fn completions_and_man_page() {
    let o = boussole(&["completions", "bash"], "");
    assert!(o.status.success());
    assert!(stdout(&o).contains("_boussole()"));
    let o = boussole(&["man"], "");
    assert!(o.status.success());
    assert!(stdout(&o).contains(".TH boussole 1"));
    let o = boussole(&["--version"], "");
    assert!(stdout(&o).starts_with("boussole "));
}

#[test]
fn version_names_the_content_date() {
    let o = boussole(&["--version"], "");
    assert!(o.status.success());
    let loaded = content::load_bundled().expect("bundled content");
    let date = loaded.content.apprentissage.date();
    assert_eq!(
        stdout(&o),
        format!(
            "boussole {} (contenu intégré du {date})\n",
            env!("CARGO_PKG_VERSION")
        )
    );
    // The newest dated figure or rule of apprentissage.toml: today the SMIC.
    let a = &loaded.content.apprentissage;
    assert!(a.regle.iter().all(|r| r.date.as_str() <= date));
    assert!(a.smic.date.as_str() <= date && a.remuneration.date.as_str() <= date);
    assert_eq!(date.len(), 10, "YYYY-MM-DD: {date}");
}

fn boussole_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_boussole"));
    cmd.args(args).env_remove("BOUSSOLE_CONTENT");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.stdin(Stdio::null()).output().expect("the binary runs")
}

#[test]
fn an_overlay_adds_a_local_cfa_over_the_bundled_content() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("etablissements")).expect("mkdir");
    std::fs::write(
        dir.path().join("etablissements/14-local.toml"),
        "sources = [\"Conseillère du bassin\"]\n\n[[etablissement]]\nid = \"cfa-du-bassin\"\nnom = \"CFA du bassin\"\ntype = \"cfa\"\ncommune = \"Vire Normandie\"\ndepartement = \"14\"\noffre = [{ formation = \"cap-electricien\", voies = [\"apprentissage\"] }]\nsources = [\"Conseillère du bassin\"]\n",
    )
    .expect("write");
    let overlay = dir.path().to_str().expect("utf-8 path");
    let base = boussole(&["check"], "");
    let count = |o: &Output| {
        let text = stdout(o);
        text.split(" établissements")
            .next()
            .and_then(|s| s.rsplit(' ').next())
            .and_then(|n| n.parse::<usize>().ok())
    };
    let o = boussole(&["check", "--overlay", overlay], "");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(count(&o), count(&base).map(|n| n + 1), "{}", stdout(&o));
    let o = boussole(&["show", "cfa-du-bassin", "--overlay", overlay], "");
    assert!(stdout(&o).contains("CAP Électricien"), "{}", stdout(&o));
    let o = boussole(&["search", "vire", "--overlay", overlay], "");
    assert!(stdout(&o).contains("cfa-du-bassin"), "{}", stdout(&o));

    // A mistake in the overlay is reported at the overlay's file:line:col.
    std::fs::write(
        dir.path().join("etablissements/14-local.toml"),
        "sources = [\"x\"]\n\n[[etablissement]]\nid = \"cfa-du-bassin\"\nnom = \"CFA du bassin\"\ntype = \"cfa\"\ncommune = \"Vire\"\ndepartement = \"14\"\noffre = [{ formation = \"cap-inconnu\", voies = [\"apprentissage\"] }]\nsources = [\"x\"]\n",
    )
    .expect("write");
    let o = boussole(&["check", "--overlay", overlay], "");
    assert_eq!(o.status.code(), Some(1));
    let expected = format!(
        "{}:9:24: formation inconnue « cap-inconnu »",
        dir.path().join("etablissements/14-local.toml").display()
    );
    assert!(stdout(&o).contains(&expected), "{}", stdout(&o));
}

#[test]
fn a_kiosk_ignores_content_chosen_by_the_environment() {
    let env = [("BOUSSOLE_CONTENT", "/nonexistent-boussole-content")];
    let o = boussole_env(&["check"], &env);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the variable is honoured outside the kiosk"
    );
    let o = boussole_env(&["--kiosk", "check"], &env);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Contenu valide"));
}

#[test]
fn recrute_lists_families_with_their_year_and_their_metiers() {
    let o = boussole(&["recrute"], "");
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("projets de recrutement en Normandie"),
        "{text}"
    );
    assert!(text.contains("BMO 20"), "{text}");
    assert!(text.contains("(vendeur-en-magasin)"), "{text}");
    let o = boussole(&["recrute", "--json"], "");
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert!(
        v["enquete"]["annee"].as_u64().is_some_and(|y| y >= 2025),
        "{v}"
    );
    let familles = v["familles"].as_array().expect("families");
    assert!(!familles.is_empty());
    // Every métier listed has a fiche (boussole show finds it).
    for f in familles {
        for m in f["metiers"].as_array().expect("métiers") {
            let id = m.as_str().expect("id");
            assert!(boussole(&["show", id], "").status.success(), "{id}");
        }
    }
}
