//! The content shipped with Boussole: it passes the check, the binary embeds
//! exactly the files of `content/`, and it keeps the counts and rules the
//! product promises (so an edit cannot silently drop them).

use std::collections::HashMap;
use std::path::Path;

use boussole::content::{self, Content, Theme, Voie};
use boussole::search::{Index, Kind};

fn bundled() -> Content {
    match content::check_bundled() {
        Ok(loaded) => {
            assert!(
                loaded.avertissements.is_empty(),
                "warnings: {:#?}",
                loaded.avertissements
            );
            loaded.content
        }
        Err(e) => panic!("the bundled content must pass the check:\n{e}"),
    }
}

#[test]
fn bundled_content_passes_the_check_without_warnings() {
    let c = bundled();
    assert_eq!(c.domaines.len(), 14);
    assert_eq!(c.rome.len(), 1584);
}

#[test]
fn compiled_content_equals_the_checked_toml() {
    let compiled = content::load_bundled()
        .expect("the compiled content decodes")
        .content;
    assert_eq!(compiled, bundled());
}

#[test]
fn embedded_content_equals_the_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let on_disk = content::read_dir(&root).expect("content/ is readable");
    let embedded = content::bundled_files();
    let disk: HashMap<&str, &[u8]> = on_disk
        .iter()
        .map(|f| (f.relative.as_str(), f.bytes.as_slice()))
        .collect();
    assert_eq!(disk.len(), embedded.len(), "same number of files");
    for (rel, text) in embedded {
        assert_eq!(
            disk.get(rel).copied(),
            Some(text.as_bytes()),
            "{rel} differs from the file on disk: rebuild"
        );
    }
}

#[test]
fn questionnaire_counts() {
    let c = bundled();
    let q = &c.questionnaire;
    assert_eq!(q.item.len(), 60);
    for t in Theme::ALL {
        let items: Vec<_> = q.item.iter().filter(|i| i.theme == t).collect();
        assert_eq!(items.len(), 10, "theme {}", t.letter());
        assert_eq!(
            items.iter().filter(|i| i.rapide).count(),
            5,
            "rapide items of theme {}",
            t.letter()
        );
        assert!(
            q.theme_info(t).is_some(),
            "presentation of theme {}",
            t.letter()
        );
        for i in items {
            let words = i.texte.split_whitespace().count();
            assert!(words <= 14, "item {} is too long ({words} words)", i.id);
        }
    }
}

#[test]
fn formation_counts_and_levels() {
    let c = bundled();
    assert!(
        c.formations.len() >= 150,
        "{} formations",
        c.formations.len()
    );
    for niveau in 3..=7 {
        assert!(
            c.formations.iter().any(|f| f.niveau == niveau),
            "no formation of level {niveau}"
        );
    }
    for f in &c.formations {
        assert!(!f.sources.is_empty(), "{}", f.id);
    }
}

#[test]
fn metier_counts_and_rules() {
    let c = bundled();
    assert!(c.metiers.len() >= 200, "{} métiers", c.metiers.len());
    for d in &c.domaines {
        let n = c.metiers.iter().filter(|m| m.domaine == d.lettre).count();
        assert!(n >= 8, "domain {} has {n} métiers", d.lettre);
    }
    let by_apprenticeship = c
        .metiers
        .iter()
        .filter(|m| {
            m.apprentissage
                && m.formations
                    .iter()
                    .filter_map(|f| c.formation(f))
                    .any(|f| f.has_voie(Voie::Apprentissage))
        })
        .count();
    assert!(
        by_apprenticeship * 100 >= c.metiers.len() * 60,
        "{by_apprenticeship} of {} métiers by apprenticeship",
        c.metiers.len()
    );
    for m in &c.metiers {
        assert!(
            !m.titre.masculin.is_empty() && !m.titre.feminin.is_empty(),
            "{}",
            m.id
        );
        assert!(!m.formations.is_empty(), "{}", m.id);
        assert!(m.rome.iter().all(|r| c.fiche_rome(r).is_some()), "{}", m.id);
        let v = m.riasec.values();
        let spread = v.iter().max().unwrap_or(&0) - v.iter().min().unwrap_or(&0);
        assert!(
            spread >= 2 && v.iter().all(|x| (1..=7).contains(x)),
            "{}",
            m.id
        );
        assert!(
            (4..=6).contains(&m.activites.len()),
            "{}: {} activités",
            m.id,
            m.activites.len()
        );
        assert!(
            (3..=5).contains(&m.qualites.len()),
            "{}: {} qualités",
            m.id,
            m.qualites.len()
        );
        assert!(!m.sources.is_empty(), "{}", m.id);
    }
}

#[test]
fn contacts_start_with_the_region_line() {
    let c = bundled();
    let first = c.contacts.first().expect("contacts");
    assert_eq!(first.telephone.as_deref(), Some("0800 050 000"));
}

/// French queries people type, and the first result they expect.
const GOLDEN: &[(&str, Kind, &str)] = &[
    ("electricien", Kind::Metier, "electricien"),
    ("Électricien", Kind::Metier, "electricien"),
    ("ELECTRICIENNE", Kind::Metier, "electricien"),
    ("macon", Kind::Metier, "macon"),
    ("maçonne", Kind::Metier, "macon"),
    ("oenologue", Kind::Rome, "A1423"),
    ("PATISSIER", Kind::Metier, "patissier"),
    ("patissiere", Kind::Metier, "patissier"),
    ("aide soignante", Kind::Metier, "aide-soignant"),
    ("infirmiere", Kind::Metier, "infirmier"),
    ("infirm", Kind::Metier, "infirmier"),
    ("boulang", Kind::Metier, "boulanger"),
    ("boulangère", Kind::Metier, "boulanger"),
    ("plombier", Kind::Metier, "plombier-chauffagiste"),
    ("conducteur bus", Kind::Metier, "conducteur-bus-autocar"),
    ("cariste", Kind::Metier, "cariste"),
    ("soudeuse", Kind::Metier, "soudeur"),
    ("chaudronnier", Kind::Metier, "chaudronnier"),
    ("developpeur", Kind::Metier, "developpeur-informatique"),
    ("comptable", Kind::Metier, "comptable"),
    ("coiffeuse", Kind::Metier, "coiffeur"),
    ("educatrice", Kind::Metier, "educateur-specialise"),
    ("palefrenier", Kind::Metier, "palefrenier-soigneur"),
    ("marechal ferrant", Kind::Metier, "marechal-ferrant"),
    ("cuisiniere", Kind::Metier, "cuisinier"),
    ("serveur", Kind::Metier, "serveur"),
    ("mecanicien auto", Kind::Metier, "mecanicien-automobile"),
    ("vendeuse", Kind::Metier, "vendeur-en-magasin"),
    ("ambulancier", Kind::Metier, "ambulancier"),
    ("veterinaire", Kind::Metier, "veterinaire"),
    ("couvreur", Kind::Metier, "couvreur"),
    ("ostreiculteur", Kind::Metier, "conchyliculteur"),
];

#[test]
fn golden_search_queries() {
    let c = bundled();
    let index = Index::new(&c);
    let mut wrong = Vec::new();
    for (query, kind, id) in GOLDEN {
        let first = index.search(query, 1).into_iter().next();
        match first {
            Some(h) if h.kind == *kind && h.id == *id => {}
            other => wrong.push(format!("{query:?}: expected {kind:?} {id}, got {other:?}")),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_metier_has_a_route_from_3e() {
    let c = bundled();
    // Every métier must be reachable from 3e through the formation graph.
    let unreachable: Vec<&str> = c
        .metiers
        .iter()
        .filter(|m| !boussole::parcours::reachable(&c, "3e", m))
        .map(|m| m.id.as_str())
        .collect();
    assert!(
        unreachable.is_empty(),
        "no route from 3e to {unreachable:?}"
    );
}

#[test]
fn compiled_search_index_equals_the_one_built_from_the_content() {
    let compiled = boussole::search::Index::bundled();
    assert!(!compiled.is_empty(), "the compiled index decodes");
    let built = boussole::search::Index::new(&bundled());
    assert_eq!(compiled.entries(), built.entries());
    assert_eq!(compiled.vocab(), built.vocab());
}
