//! Overlays over the bundled content: the quick way (compiled content, one
//! record parsed at a time) must give exactly what the slow way gives (the
//! bundled TOML parsed again, every problem with its `file:line:col`), and
//! must hand every doubtful file to the slow way.

use std::path::Path;

use boussole::content::{self, LoadDirError, Loaded};
use proptest::prelude::*;

fn write(dir: &Path, file: &str, text: &str) {
    let path = dir.join(file);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("create dir");
    std::fs::write(path, text).expect("write");
}

fn quick(dir: &Path) -> Result<Loaded, LoadDirError> {
    content::overlay::load_over_bundled(&[dir])
}

fn slow(dir: &Path) -> Result<Loaded, LoadDirError> {
    content::overlay::load_with(&content::bundled_sources(), "content", &[dir])
}

/// Both ways agree: the same content, or the same problems. A sound overlay
/// of the kinds the quick way reads is loaded the quick way.
fn same(dir: &Path) -> Result<Loaded, Vec<String>> {
    let quick_alone = content::overlay::load_quick(&[dir]).expect("readable");
    let problems = |e: LoadDirError| match e {
        LoadDirError::Content(c) => c.problemes.iter().map(|p| p.to_string()).collect(),
        LoadDirError::Dir(d) => vec![d.to_string()],
    };
    match (quick(dir), slow(dir)) {
        (Ok(q), Ok(s)) => {
            assert!(
                q.content == s.content,
                "the two ways give different content"
            );
            let only_quick_kinds = !dir.join("questionnaire.toml").exists()
                && std::fs::read_to_string(dir.join("etablissements/14-test.toml"))
                    .map_or(true, |t| !t.contains("\"\"\""));
            if only_quick_kinds {
                assert!(quick_alone.is_some(), "a sound overlay went the slow way");
            }
            Ok(q)
        }
        (Err(q), Err(s)) => {
            assert!(quick_alone.is_none(), "the quick way took a wrong overlay");
            let (q, s) = (problems(q), problems(s));
            assert_eq!(q, s);
            Err(q)
        }
        (q, s) => panic!(
            "one way loads, the other does not: quick {:?}, slow {:?}",
            q.err().map(problems),
            s.err().map(problems)
        ),
    }
}

const CFA: &str = r#"sources = ["Test"]

[[etablissement]]
id = "cfa-test-vire"
nom = "CFA de test"
type = "cfa"
commune = "Vire Normandie"
departement = "14"
offre = [
  { formation = "cap-electricien", voies = ["apprentissage"] },
  { formation = "bp-electricien", voies = ["apprentissage"] },
]
sources = ["Test"]
"#;

#[test]
fn adds_replaces_and_hides_as_the_slow_way_does() {
    let dir = tempfile::tempdir().expect("temporary directory");
    write(dir.path(), "etablissements/14-test.toml", CFA);
    write(
        dir.path(),
        "contacts.toml",
        r#"sources = ["Test"]
retirer = ["onisep"]

[[contact]]
id = "region-normandie"
nom = "Région Normandie"
offre = "Une offre réécrite."
public = "Tout le monde"
publics = ["tous"]
"#,
    );
    write(
        dir.path(),
        "formations/cacher.toml",
        "sources = [\"Test\"]\nretirer = [\"bac-pro-melec\"]\n",
    );
    let loaded = same(dir.path()).expect("a sound overlay loads");
    let c = &loaded.content;
    assert!(c.etablissement("cfa-test-vire").is_some());
    assert!(c.formations.iter().all(|f| f.id != "bac-pro-melec"));
    assert!(c.contacts.iter().all(|x| x.id != "onisep"));
    let region = c.contacts.iter().find(|x| x.id == "region-normandie");
    assert_eq!(
        region.map(|x| x.offre.as_str()),
        Some("Une offre réécrite.")
    );
    let places: Vec<&str> = c
        .lieux("cap-electricien")
        .map(|(e, _)| e.id.as_str())
        .collect();
    assert!(places.contains(&"cfa-test-vire"));
}

#[test]
fn a_problem_is_named_at_the_overlay_line() {
    let dir = tempfile::tempdir().expect("temporary directory");
    write(
        dir.path(),
        "etablissements/14-test.toml",
        &CFA.replace("bp-electricien", "bp-inconnu"),
    );
    let problems = same(dir.path()).expect_err("an unknown formation");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("14-test.toml:11:"), "{problems:?}");
    assert!(problems[0].contains("bp-inconnu"), "{problems:?}");
}

#[test]
fn a_replacement_that_breaks_bundled_records_is_named_in_the_bundled_file() {
    // The CAP fleuriste is no longer offered by apprenticeship: the bundled
    // places that teach it that way are now wrong, and said so where they are.
    let dir = tempfile::tempdir().expect("temporary directory");
    let all = content::load_bundled().expect("bundled content");
    let mut cap = all
        .content
        .formations
        .iter()
        .find(|f| f.id == "cap-fleuriste")
        .expect("the CAP fleuriste")
        .clone();
    cap.voies.retain(|v| *v != content::Voie::Apprentissage);
    let text = toml::to_string(&CapFile {
        sources: vec!["Test".into()],
        formation: vec![cap],
    })
    .expect("serialise");
    write(dir.path(), "formations/cap.toml", &text);
    let problems = same(dir.path()).expect_err("broken offers");
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("content/etablissements/")
                && p.contains("cap-fleuriste")
                && p.contains("apprentissage")),
        "{problems:?}"
    );
}

#[derive(serde::Serialize)]
struct CapFile {
    sources: Vec<String>,
    formation: Vec<content::Formation>,
}

#[test]
fn files_the_quick_way_cannot_read_go_the_slow_way() {
    // A header-like line inside a multi-line string: valid TOML.
    let dir = tempfile::tempdir().expect("temporary directory");
    let tricky = CFA.replace(
        "nom = \"CFA de test\"",
        "nom = \"CFA de test\"\nsite = \"\"\"\n[[etablissement]]\n\"\"\"",
    );
    write(dir.path(), "etablissements/14-test.toml", &tricky);
    // The site is not a URL: the slow way says so, at the right line.
    let problems = same(dir.path()).expect_err("a bad site");
    assert!(
        problems.iter().any(|p| p.contains("14-test.toml:6:")),
        "{problems:?}"
    );

    // A list written inline, then a table of the same list: invalid as a
    // whole although each record alone would parse.
    let dir = tempfile::tempdir().expect("temporary directory");
    let inline = CFA.replace(
        "sources = [\"Test\"]\n\n[[etablissement]]",
        "sources = [\"Test\"]\netablissement = []\n\n[[etablissement]]",
    );
    write(dir.path(), "etablissements/14-test.toml", &inline);
    assert!(same(dir.path()).is_err());

    // A whole questionnaire in an overlay: read the slow way, loaded alike.
    let dir = tempfile::tempdir().expect("temporary directory");
    let questionnaire = content::bundled_files()
        .iter()
        .find(|(name, _)| *name == "questionnaire.toml")
        .expect("the questionnaire")
        .1;
    write(dir.path(), "questionnaire.toml", questionnaire);
    same(dir.path()).expect("the bundled questionnaire is sound");
}

/// A random overlay of places: known or unknown formations, possible or
/// impossible routes, a duplicate id, hidden places.
fn places() -> impl Strategy<Value = String> {
    let formation = prop::sample::select(vec![
        "cap-electricien",
        "bp-electricien",
        "bac-pro-melec",
        "bts-electrotechnique",
        "bac-general",
        "cap-inconnu",
    ]);
    let voie = prop::sample::select(vec!["scolaire", "apprentissage", "continue"]);
    let offre = prop::collection::vec((formation, voie), 1..4);
    let place = (0u8..6, offre);
    (
        prop::collection::vec(place, 0..6),
        prop::collection::vec(
            prop::sample::select(vec![
                "lycee-agricole-le-robillard-saint-pierre-en-auge",
                "lycee-gt-institut-lemonnier-caen",
                "nulle-part",
            ]),
            0..2,
        ),
    )
        .prop_map(|(places, hidden)| {
            let mut text = String::from("sources = [\"Test\"]\n");
            if !hidden.is_empty() {
                text.push_str(&format!("retirer = {hidden:?}\n"));
            }
            for (n, offre) in places {
                text.push_str(&format!(
                    "\n[[etablissement]]\nid = \"test-{n}\"\nnom = \"Lieu {n}\"\ntype = \"cfa\"\ncommune = \"Caen\"\ndepartement = \"14\"\noffre = [\n"
                ));
                for (f, v) in offre {
                    text.push_str(&format!("  {{ formation = \"{f}\", voies = [\"{v}\"] }},\n"));
                }
                text.push_str("]\nsources = [\"Test\"]\n");
            }
            text
        })
}

#[test]
fn both_ways_agree_on_random_overlays() {
    // A fixed number of cases, whatever PROPTEST_CASES asks (CI asks for
    // thousands): each case loads the bundled content twice.
    let config = ProptestConfig {
        cases: 32,
        ..ProptestConfig::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let result = runner.run(&places(), |text| {
        let dir = tempfile::tempdir().expect("temporary directory");
        write(dir.path(), "etablissements/14-test.toml", &text);
        let _ = same(dir.path());
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
