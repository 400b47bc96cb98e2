//! `boussole import lheo`: an LHEO file becomes an overlay that `check`
//! accepts; bad files are refused with line:col and nothing is written.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use boussole::content::{self, Content, Voie};
use boussole::import::lheo::{self, Cle, Options};
use proptest::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lheo")
        .join(name)
}

fn bundled() -> Content {
    content::load_bundled().expect("bundled").content
}

fn boussole(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_boussole"))
        .args(args)
        .env_remove("BOUSSOLE_CONTENT")
        .output()
        .expect("the binary runs")
}

fn import_bytes(bytes: &[u8], c: &Content) -> Result<lheo::Import, lheo::Erreur> {
    let options = Options {
        nom_fichier: "exemple-onisep.xml".to_string(),
        ..Options::default()
    };
    lheo::import(bytes, c, &options)
}

#[test]
fn actions_are_matched_by_rncp_then_title_and_places_grouped_by_departement() {
    let c = bundled();
    let bytes = std::fs::read(fixture("offre-normandie.xml")).expect("fixture");
    let import = import_bytes(&bytes, &c).expect("imports");
    let r = &import.rapport;
    assert_eq!((r.formations, r.actions), (4, 5));
    assert_eq!(r.par_cle.get(&Cle::Rncp), Some(&1));
    assert_eq!(r.par_cle.get(&Cle::Intitule), Some(&2));
    assert_eq!(r.hors_normandie, 1, "the lycée in Lormont (33) is skipped");
    assert_eq!(r.doublons, 1, "two sessions of one CAP at one place");
    assert_eq!(
        r.sans_correspondance.keys().collect::<Vec<_>>(),
        [&(
            "RNCP1".to_string(),
            "Formation de démonstration sans équivalent".to_string()
        )]
    );
    let in_76 = &import.etablissements["76"];
    let ifa = in_76
        .iter()
        .find(|e| e.nom == "IFA Marcel Sauvage")
        .expect("the CFA");
    assert_eq!(ifa.commune, "Mont-Saint-Aignan");
    assert_eq!(ifa.offre.len(), 1);
    assert_eq!(ifa.offre[0].formation, "cap-cuisine");
    assert_eq!(ifa.offre[0].voies, [Voie::Apprentissage]);
    let havre = in_76
        .iter()
        .find(|e| e.commune == "Le Havre")
        .expect("the RNCP match");
    assert_eq!(havre.offre[0].formation, "tp-ctrm-tous-vehicules");
    assert_eq!(havre.offre[0].voies, [Voie::Continue]);
    // Outside Normandy on request.
    let all = lheo::import(
        &bytes[..],
        &c,
        &Options {
            tous_departements: true,
            ..Options::default()
        },
    )
    .expect("imports");
    assert!(all.etablissements.contains_key("33"));
}

#[test]
fn a_place_the_content_knows_by_its_uai_keeps_its_id_and_offer() {
    let c = bundled();
    let bytes = std::fs::read(fixture("exemple-onisep.xml")).expect("fixture");
    let import = import_bytes(&bytes, &c).expect("imports");
    let sembat = &import.etablissements["76"][0];
    let known = c
        .etablissement("lycee-marcel-sembat-sotteville-les-rouen")
        .expect("bundled");
    assert_eq!(sembat.id, known.id);
    assert_eq!(sembat.offre, known.offre);
    assert!(
        sembat
            .sources
            .iter()
            .any(|s| s.contains("exemple-onisep.xml"))
    );
}

#[test]
fn the_overlay_is_checked_valid_and_the_same_input_gives_the_same_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("offre");
    let out_s = out.to_str().expect("utf-8");
    let file = fixture("offre-normandie.xml");
    let o = boussole(&[
        "import",
        "lheo",
        file.to_str().expect("utf-8"),
        "--out",
        out_s,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("5 actions lues, 3 importées"), "{stderr}");
    let first = std::fs::read(out.join("etablissements/76-lheo.toml")).expect("written");
    let report = std::fs::read_to_string(out.join("rapport-import.md")).expect("report");
    assert!(report.contains("| RNCP1 | Formation de démonstration sans équivalent | 1 |"));
    let check = boussole(&["check", "--overlay", out_s]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let o = boussole(&[
        "--overlay",
        out_s,
        "show",
        "lheo-ifa-marcel-sauvage-mont-saint-aignan",
    ]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("CAP Cuisine"));
    // Re-import into the same folder: replaced, byte for byte the same.
    let o = boussole(&[
        "import",
        "lheo",
        file.to_str().expect("utf-8"),
        "--out",
        out_s,
    ]);
    assert!(o.status.success());
    assert_eq!(
        std::fs::read(out.join("etablissements/76-lheo.toml")).expect("again"),
        first
    );
    // Nothing is left beside it.
    let beside: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(beside, ["offre"]);
}

#[test]
fn bad_files_get_one_clear_error_and_leave_the_old_import_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("offre");
    let out_s = out.to_str().expect("utf-8");
    let good = fixture("offre-normandie.xml");
    assert!(
        boussole(&[
            "import",
            "lheo",
            good.to_str().expect("utf-8"),
            "--out",
            out_s
        ])
        .status
        .success()
    );
    let before = std::fs::read(out.join("etablissements/76-lheo.toml")).expect("written");
    let text = std::fs::read_to_string(&good).expect("fixture");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("pas-xml.xml", b"ceci n'est pas du XML\n".to_vec(), "1:1: fichier vide ou qui n'est pas du XML"),
        ("racine.xml", b"<?xml version=\"1.0\"?>\n<catalogue/>\n".to_vec(), "2:13: l'élément racine est <catalogue>"),
        ("tronque.xml", text.as_bytes()[..text.len() / 2].to_vec(), "fichier tronqué"),
        (
            "utf8.xml",
            b"<lheo xmlns=\"http://www.lheo.org/2.3\"><offres><formation><intitule-formation>\xff</intitule-formation></formation></offres></lheo>".to_vec(),
            "pas en UTF-8",
        ),
        (
            "sans-lieu.xml",
            b"<lheo xmlns=\"http://www.lheo.org/2.3\"><offres><formation>\n<action><session/></action></formation></offres></lheo>".to_vec(),
            "2:9: cette <action> n'a pas de <lieu-de-formation>",
        ),
        (
            "espace.xml",
            b"<lheo xmlns=\"http://www.lheo.org/9.9\"><offres/></lheo>".to_vec(),
            "espace de noms « http://www.lheo.org/9.9 » inconnu",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).expect("write");
        let o = boussole(&[
            "import",
            "lheo",
            path.to_str().expect("utf-8"),
            "--out",
            out_s,
        ]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{name}: {stderr}");
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert!(stderr.contains("Rien n'a été écrit."), "{name}: {stderr}");
        assert_eq!(
            stderr.lines().count(),
            2,
            "{name}: one error, then the reassurance: {stderr}"
        );
        assert_eq!(
            std::fs::read(out.join("etablissements/76-lheo.toml")).expect("still there"),
            before,
            "{name}"
        );
    }
}

#[test]
fn a_50_mb_text_node_is_refused_without_reading_it_into_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("enorme.xml");
    let mut f = std::fs::File::create(&path).expect("create");
    f.write_all(b"<lheo xmlns=\"http://www.lheo.org/2.3\"><offres><formation><objectif-formation>")
        .expect("write");
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..50 {
        f.write_all(&chunk).expect("write");
    }
    f.write_all(b"</objectif-formation></formation></offres></lheo>")
        .expect("write");
    drop(f);
    let file = std::fs::File::open(&path).expect("open");
    let e = lheo::import(
        std::io::BufReader::new(file),
        &bundled(),
        &Options::default(),
    )
    .expect_err("refused");
    // Where the element whose text is too long begins.
    assert_eq!((e.ligne, e.colonne), (1, 59));
    assert!(e.message.contains("sans balise"), "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Truncations and byte flips of a valid file never panic: they import or
    /// are refused with a position inside the file.
    #[test]
    fn damaged_files_never_panic(cut in 0usize..4000, flips in proptest::collection::vec((0usize..4000, any::<u8>()), 0..8)) {
        let mut bytes = std::fs::read(fixture("offre-normandie.xml")).expect("fixture");
        for (at, b) in flips {
            let n = bytes.len();
            bytes[at % n] = b;
        }
        bytes.truncate(cut.min(bytes.len()));
        let lines = bytes.iter().filter(|b| **b == b'\n').count() + 1;
        if let Err(e) = import_bytes(&bytes, &content::load_bundled().expect("bundled").content) {
            prop_assert!(e.ligne >= 1 && e.ligne <= lines, "{e} for {lines} lines");
            prop_assert!(!e.message.is_empty());
        }
    }
}
