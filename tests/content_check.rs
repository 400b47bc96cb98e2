//! The validator on planted errors: each kind of problem is reported with its
//! exact `file:line:col` and message, and all problems are reported at once.

use std::path::{Path, PathBuf};

use boussole::content::{self, LoadDirError};

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
        Err(LoadDirError::Content(e)) => {
            let prefix = format!("{}/", dir.display());
            e.problemes
                .iter()
                .map(|p| p.to_string().replace(&prefix, ""))
                .collect()
        }
        Err(LoadDirError::Dir(e)) => vec![e.to_string()],
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
fn etablissement_problems_each_at_their_place_all_at_once() {
    let dir = copy_fixture();
    let file = "etablissements/76-seine-maritime.toml";
    plant(
        dir.path(),
        file,
        "{ formation = \"bac-pro-melec\", voies = [\"scolaire\"] }",
        "{ formation = \"bac-pro-inconnu\", voies = [\"scolaire\"] },\n  { formation = \"cap-elec\", voies = [\"continue\"] }",
    );
    plant(dir.path(), file, "uai = \"0760000A\"", "uai = \"076000A\"");
    plant(
        dir.path(),
        file,
        "id = \"cfa-test-evreux\"",
        "id = \"lycee-test-rouen\"",
    );
    plant(
        dir.path(),
        file,
        "departement = \"27\"",
        "departement = \"2C\"",
    );
    plant(
        dir.path(),
        file,
        "offre = [{ formation = \"cap-elec\", voies = [\"apprentissage\"] }]\nsources = [\"Fixture\"]",
        "offre = []\nsources = []",
    );
    assert_eq!(
        problems(dir.path()),
        [
            "etablissements/76-seine-maritime.toml:9:7: code UAI mal formé « 076000A » (attendu : 7 chiffres et une lettre majuscule, par exemple 0141274A)",
            "etablissements/76-seine-maritime.toml:12:17: formation inconnue « bac-pro-inconnu »",
            "etablissements/76-seine-maritime.toml:13:17: formation « cap-elec » déjà citée dans cette offre",
            "etablissements/76-seine-maritime.toml:13:38: « cap-elec » ne se prépare pas par la voie « continue » (voies de la formation : scolaire, apprentissage)",
            "etablissements/76-seine-maritime.toml:18:6: id « lycee-test-rouen » en double (première définition : etablissements/76-seine-maritime.toml:3)",
            "etablissements/76-seine-maritime.toml:22:15: département « 2C » : un code de département français (14, 27, 50, 61 ou 76 en Normandie)",
            "etablissements/76-seine-maritime.toml:23:9: « offre » est vide : indiquez au moins une formation enseignée ici",
            "etablissements/76-seine-maritime.toml:24:11: « sources » est vide : citez au moins une source",
        ]
    );
}

#[test]
fn etablissements_are_optional_and_loaded() {
    let loaded = content::load_dir(&fixture()).expect("the fixture is valid");
    let c = &loaded.content;
    assert_eq!(c.etablissements.len(), 2);
    let places: Vec<&str> = c.lieux("cap-elec").map(|(e, _)| e.id.as_str()).collect();
    assert_eq!(places, ["lycee-test-rouen", "cfa-test-evreux"]);
    let dir = copy_fixture();
    std::fs::remove_dir_all(dir.path().join("etablissements")).expect("remove");
    assert!(problems(dir.path()).is_empty());
}

fn overlay_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/surcouche")
}

fn with_overlays(base: &Path, overlays: &[&Path]) -> Result<content::Loaded, LoadDirError> {
    let files = content::read_dir(base).map_err(LoadDirError::Dir)?;
    content::overlay::load_with(&files, &base.display().to_string(), overlays)
}

#[test]
fn an_overlay_adds_replaces_and_hides_records() {
    let base = fixture();
    let loaded = with_overlays(&base, &[&overlay_fixture()]).expect("overlay applies");
    let c = &loaded.content;
    // Added: a local CFA; replaced: the Région's contact; added: a CIO.
    assert!(c.etablissement("cfa-local-caen").is_some());
    let region = c
        .contacts
        .iter()
        .find(|x| x.id == "region-normandie")
        .expect("contact");
    assert!(region.offre.ends_with("du lundi au vendredi."));
    assert_eq!(
        c.contacts.len(),
        content::load_dir(&base)
            .expect("base")
            .content
            .contacts
            .len()
            + 1
    );
    // Hidden: the bac pro, and with it its mentions in métiers, poursuites and offers.
    assert!(c.formation("bac-pro-melec").is_none());
    let elec = c.metier("electricien").expect("métier");
    assert_eq!(elec.formations, ["cap-elec"]);
    assert!(
        c.formations
            .iter()
            .all(|f| !f.poursuites.iter().any(|p| p == "bac-pro-melec"))
    );
    let rouen = c.etablissement("lycee-test-rouen").expect("lycée");
    assert!(rouen.offre_de("bac-pro-melec").is_none());
    // Hiding twice (two overlays hiding the same record) is reported: the
    // second has nothing to hide.
    let twice = with_overlays(&base, &[&overlay_fixture(), &overlay_fixture()]);
    assert!(
        matches!(&twice, Err(LoadDirError::Content(e)) if e.problemes.len() == 1
            && e.problemes[0].message.contains("rien à retirer")),
        "{twice:?}"
    );
}

#[test]
fn overlay_problems_name_the_overlay_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&overlay_fixture(), dir.path());
    plant(
        dir.path(),
        "etablissements/14-local.toml",
        "formation = \"cap-elec\"",
        "formation = \"cap-inconnu\"",
    );
    plant(
        dir.path(),
        "formations/masquer.toml",
        "retirer = [\"bac-pro-melec\"]",
        "retirer = [\"bac-pro-melec\", \"bts-absent\", \"cap-elec\"]",
    );
    let found = match with_overlays(&fixture(), &[dir.path()]) {
        Err(LoadDirError::Content(e)) => e
            .problemes
            .iter()
            .map(|p| {
                p.to_string()
                    .replace(&format!("{}/", dir.path().display()), "")
            })
            .collect::<Vec<_>>(),
        other => panic!("expected problems, got {other:?}"),
    };
    assert_eq!(
        found,
        [
            "etablissements/14-local.toml:10:24: formation inconnue « cap-inconnu »",
            "formations/masquer.toml:3:29: « bts-absent » n'existe pas dans le contenu : rien à retirer",
            "formations/masquer.toml:3:43: retirer « cap-elec » laisse le métier « electricien » sans formation : retirez aussi ce métier ou donnez-lui une autre formation",
        ]
    );
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
