//! The validator on planted errors: each kind of problem is reported with its
//! exact `file:line:col` and message, and all problems are reported at once.

use std::path::{Path, PathBuf};

use boussole::content::{self, LoadError};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

/// Copies the valid fixture into a temporary directory.
fn copy_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    copy_dir(&fixture(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Replaces `from` by `to` (exactly once) in `file` of the directory.
fn plant(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} must occur once in {file}"
    );
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

/// Problems as `relative/path:line:col: message`.
fn problems(dir: &Path) -> Vec<String> {
    match content::load_dir(dir) {
        Ok(_) => Vec::new(),
        Err(LoadError::Content(e)) => {
            let prefix = format!("{}/", dir.display());
            e.problemes
                .iter()
                .map(|p| p.to_string().replace(&prefix, ""))
                .collect()
        }
        Err(LoadError::Dir(e)) => vec![e.to_string()],
    }
}

fn one_problem(file: &str, from: &str, to: &str) -> String {
    let dir = copy_fixture();
    plant(dir.path(), file, from, to);
    let found = problems(dir.path());
    assert_eq!(
        found.len(),
        1,
        "expected exactly one problem, got {found:#?}"
    );
    found[0].clone()
}

#[test]
fn the_fixture_is_valid() {
    let loaded = content::load_dir(&fixture()).expect("the fixture is valid");
    assert_eq!(loaded.content.metiers.len(), 2);
    assert!(
        loaded.avertissements.is_empty(),
        "{:?}",
        loaded.avertissements
    );
}

#[test]
fn syntax_error() {
    assert_eq!(
        one_problem("formations/elec.toml", "niveau = 3\n", "niveau = = 3\n"),
        "formations/elec.toml:7:10: syntaxe TOML : « = » en trop"
    );
}

#[test]
fn wrong_type() {
    assert_eq!(
        one_problem(
            "formations/elec.toml",
            "niveau = 3\n",
            "niveau = \"trois\"\n"
        ),
        "formations/elec.toml:7:10: type incorrect : le texte \"trois\" alors qu'il faut un nombre entier de 0 à 255"
    );
}

#[test]
fn unknown_key() {
    let p = one_problem(
        "formations/elec.toml",
        "niveau = 3\n",
        "niveau = 3\nnivaeu = 3\n",
    );
    assert!(
        p.starts_with("formations/elec.toml:8:1: champ inconnu « nivaeu » (champs possibles : id, intitule, type, niveau"),
        "{p}"
    );
}

#[test]
fn missing_field() {
    assert_eq!(
        one_problem(
            "formations/elec.toml",
            "duree_mois = 24\nvoies = [\"scolaire\", \"apprentissage\"]\nacces = [\"3e\"]\npoursuites = [\"bac-pro-melec\"]\n",
            "voies = [\"scolaire\", \"apprentissage\"]\nacces = [\"3e\"]\npoursuites = [\"bac-pro-melec\"]\n"
        ),
        "formations/elec.toml:3:1: champ obligatoire manquant : « duree_mois »"
    );
}

#[test]
fn unknown_top_level_key() {
    assert_eq!(
        one_problem(
            "rome.toml",
            "sources = [\"Fixture de test\"]\n",
            "sources = [\"Fixture de test\"]\nversion = 2\n"
        ),
        "rome.toml:2:1: clé inconnue « version » (clés possibles : sources, fiche)"
    );
}

#[test]
fn duplicate_id() {
    assert_eq!(
        one_problem(
            "metiers/f.toml",
            "id = \"technicien-maintenance\"",
            "id = \"electricien\""
        ),
        "metiers/f.toml:20:6: id « electricien » en double (première définition : metiers/f.toml:3)"
    );
}

#[test]
fn dangling_formation_of_a_metier() {
    assert_eq!(
        one_problem(
            "metiers/f.toml",
            "formations = [\"bts-electrotechnique\"]",
            "formations = [\"bts-electrotech\"]"
        ),
        "metiers/f.toml:30:15: formation inconnue « bts-electrotech »"
    );
}

#[test]
fn dangling_poursuite() {
    assert_eq!(
        one_problem(
            "formations/elec.toml",
            "poursuites = [\"bts-electrotechnique\"]",
            "poursuites = [\"bts-electro\"]"
        ),
        "formations/elec.toml:22:15: formation inconnue « bts-electro »"
    );
}

#[test]
fn unknown_rome_code() {
    assert_eq!(
        one_problem("metiers/f.toml", "rome = [\"F1602\"]", "rome = [\"F1699\"]"),
        "metiers/f.toml:6:9: code ROME inconnu « F1699 » (voir rome.toml)"
    );
}

#[test]
fn unknown_situation_in_acces() {
    assert_eq!(
        one_problem(
            "formations/elec.toml",
            "acces = [\"bac-pro\", \"bac-general-techno\"]",
            "acces = [\"bac-pro\", \"terminale\"]"
        ),
        "formations/elec.toml:32:21: situation inconnue « terminale » (voir situations.toml)"
    );
}

#[test]
fn cycle_in_poursuites() {
    assert_eq!(
        one_problem(
            "formations/elec.toml",
            "acces = [\"bac-pro\", \"bac-general-techno\"]\n",
            "acces = [\"bac-pro\", \"bac-general-techno\"]\npoursuites = [\"cap-elec\"]\n"
        ),
        "formations/elec.toml:33:15: cycle dans les poursuites : cap-elec → bac-pro-melec → bts-electrotechnique → cap-elec"
    );
}

#[test]
fn riasec_out_of_range() {
    assert_eq!(
        one_problem("metiers/f.toml", "R = 7,", "R = 9,"),
        "metiers/f.toml:8:16: RIASEC R = 9 : chaque valeur va de 1 à 7"
    );
}

#[test]
fn flat_riasec_profile() {
    assert_eq!(
        one_problem(
            "metiers/f.toml",
            "riasec = { R = 6, I = 5, A = 1, S = 2, E = 2, C = 4 }",
            "riasec = { R = 3, I = 3, A = 3, S = 3, E = 3, C = 4 }"
        ),
        "metiers/f.toml:24:10: profil RIASEC trop plat : l'écart entre la plus forte et la plus faible valeur doit être d'au moins 2"
    );
}

#[test]
fn level_out_of_range() {
    assert_eq!(
        one_problem("formations/elec.toml", "niveau = 5\n", "niveau = 9\n"),
        "formations/elec.toml:29:10: niveau 9 impossible : de 3 (CAP) à 8 (doctorat)"
    );
}

#[test]
fn empty_text() {
    assert_eq!(
        one_problem(
            "metiers/f.toml",
            "resume = \"Répare les machines.\"",
            "resume = \"  \""
        ),
        "metiers/f.toml:25:10: texte vide"
    );
}

#[test]
fn text_not_in_nfc() {
    assert_eq!(
        one_problem(
            "metiers/f.toml",
            "resume = \"Répare les machines.\"",
            "resume = \"Re\u{301}pare les machines.\""
        ),
        "metiers/f.toml:25:10: texte pas en forme normalisée NFC (accents décomposés) : écrivez « Répare les machines. »"
    );
}

#[test]
fn wide_character() {
    assert_eq!(
        one_problem(
            "metiers/f.toml",
            "resume = \"Répare les machines.\"",
            "resume = \"Répare les machines 🔧\""
        ),
        "metiers/f.toml:25:10: caractère « 🔧 » (U+1F527) de largeur 2 à l'écran : il décale l'affichage sur certains terminaux"
    );
}

#[test]
fn not_utf8() {
    let dir = copy_fixture();
    let path = dir.path().join("contacts.toml");
    let mut bytes = std::fs::read(&path).expect("read");
    bytes.extend_from_slice(b"\n# caf\xe9\n");
    std::fs::write(&path, bytes).expect("write");
    assert_eq!(
        problems(dir.path()),
        vec![
            "contacts.toml:14:1: le fichier n'est pas en UTF-8 : enregistrez-le en UTF-8"
                .to_string()
        ]
    );
}

#[test]
fn missing_file_and_empty_or_missing_directory() {
    let dir = copy_fixture();
    std::fs::remove_file(dir.path().join("contacts.toml")).expect("remove");
    assert_eq!(
        problems(dir.path()),
        vec!["contacts.toml: fichier manquant".to_string()]
    );

    let empty = tempfile::tempdir().expect("tempdir");
    let found = problems(empty.path());
    assert_eq!(found.len(), 8, "{found:#?}");

    let missing = empty.path().join("absent");
    assert_eq!(
        problems(&missing),
        vec![format!(
            "{}: ce dossier de contenu n'existe pas",
            missing.display()
        )]
    );
}

#[test]
fn apprenticeship_flag_needs_an_apprenticeship_formation() {
    assert_eq!(
        one_problem(
            "metiers/f.toml",
            "apprentissage = false",
            "apprentissage = true"
        ),
        "metiers/f.toml:31:17: apprentissage = true, mais aucune de ses formations n'est ouverte à l'apprentissage"
    );
}

#[test]
fn unreachable_formation_is_a_warning() {
    let dir = copy_fixture();
    plant(
        dir.path(),
        "formations/elec.toml",
        "poursuites = [\"bts-electrotechnique\"]",
        "poursuites = []",
    );
    let loaded = content::load_dir(dir.path()).expect("still valid");
    let warnings: Vec<String> = loaded
        .avertissements
        .iter()
        .map(|w| w.to_string())
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].ends_with("formations/elec.toml:26:6: « bts-electrotechnique » n'est atteinte depuis « 3e » par aucune chaîne de poursuites"), "{warnings:?}");
}

#[test]
fn every_planted_problem_is_reported_at_once() {
    let dir = copy_fixture();
    let d = dir.path();
    plant(
        d,
        "metiers/f.toml",
        "rome = [\"F1602\"]",
        "rome = [\"F1699\"]",
    );
    plant(d, "metiers/f.toml", "R = 7,", "R = 9,");
    plant(
        d,
        "formations/elec.toml",
        "poursuites = [\"bts-electrotechnique\"]",
        "poursuites = [\"bts-electro\"]",
    );
    plant(d, "formations/elec.toml", "niveau = 5\n", "niveau = 9\n");
    plant(d, "rome.toml", "code = \"I1309\"", "code = \"I13\"");
    plant(
        d,
        "contacts.toml",
        "telephone = \"0800 050 000\"",
        "telephone = 800050000",
    );
    let found = problems(d);
    assert_eq!(found.len(), 7, "{found:#?}");
    for expected in [
        "metiers/f.toml:6:9:",
        "metiers/f.toml:8:16:",
        "formations/elec.toml:22:15:",
        "formations/elec.toml:29:10:",
        "metiers/f.toml:22:9:",
        "rome.toml:8:8:",
        "contacts.toml:11:13:",
    ] {
        assert!(
            found.iter().any(|p| p.starts_with(expected)),
            "{expected} not in {found:#?}"
        );
    }
}

#[test]
fn smic_amounts_must_be_finite_and_plausible() {
    for bad in ["inf", "1e308", "nan", "-12.02"] {
        let found = one_problem(
            "apprentissage.toml",
            "horaire_brut = 12.02",
            &format!("horaire_brut = {bad}"),
        );
        assert!(
            found.contains("les montants du SMIC doivent être positifs et réalistes"),
            "{bad}: {found}"
        );
    }
}

#[test]
fn every_pay_band_has_a_rate_per_contract_year() {
    assert_eq!(
        one_problem(
            "apprentissage.toml",
            "taux = [43, 51, 67]",
            "taux = [43, 51]"
        ),
        "apprentissage.toml:24:1: « taux » : 2 pourcentages ici, 3 dans la première tranche ; chaque tranche donne un taux par année de contrat"
    );
}

#[test]
fn titles_hold_on_one_line() {
    let found = one_problem(
        "apprentissage.toml",
        "titre = \"Après 29 ans\"",
        "titre = \"Après\\n29 ans\"",
    );
    assert!(
        found.ends_with("un titre tient sur une ligne : pas de retour à la ligne"),
        "{found}"
    );
}
