//! The engine on small, hand-made content: scoring, matching, filters,
//! rejections, pathways (with a cycle) and search.

use std::collections::HashSet;
use std::path::Path;

use boussole::content::{
    self, Content, Etablissement, Formation, Metier, Offre, Riasec, Theme, Titre,
    TypeEtablissement, Voie,
};
use boussole::matching::{self, Bucket, Filters, Method, Satisfied};
use boussole::parcours::{self, Mode};
use boussole::quiz::{self, Answer, Answers};
use boussole::search::{Index, Kind};
use proptest::prelude::*;

fn fixture() -> Content {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    content::load_dir(&dir).expect("fixture loads").content
}

fn formation(
    id: &str,
    niveau: u8,
    duree: u16,
    voies: &[Voie],
    acces: &[&str],
    poursuites: &[&str],
) -> Formation {
    Formation {
        id: id.into(),
        intitule: format!("Formation {id}"),
        kind: "Test".into(),
        niveau,
        duree_mois: duree,
        voies: voies.to_vec(),
        acces: acces.iter().map(|s| s.to_string()).collect(),
        poursuites: poursuites.iter().map(|s| s.to_string()).collect(),
        presentation: None,
        rncp: Vec::new(),
        cfd: Vec::new(),
        mots_cles: Vec::new(),
        sources: vec!["test".into()],
    }
}

fn metier(
    id: &str,
    domaine: &str,
    riasec: [u8; 6],
    niveau_min: u8,
    formations: &[&str],
    apprentissage: bool,
) -> Metier {
    let [r, i, a, s, e, c] = riasec;
    Metier {
        id: id.into(),
        titre: Titre {
            masculin: id.into(),
            feminin: id.into(),
        },
        rome: vec![format!("{domaine}1602")],
        domaine: domaine.into(),
        riasec: Riasec { r, i, a, s, e, c },
        resume: "x".into(),
        activites: vec!["x".into()],
        qualites: vec!["x".into()],
        conditions: "x".into(),
        niveau_min,
        formations: formations.iter().map(|s| s.to_string()).collect(),
        apprentissage,
        normandie: None,
        mots_cles: Vec::new(),
        sources: vec!["x".into()],
    }
}

/// Fixture content plus métiers of each dominant theme and a formation graph.
fn content() -> Content {
    let mut c = fixture();
    c.formations.push(formation(
        "cap-soin",
        3,
        24,
        &[Voie::Scolaire, Voie::Apprentissage],
        &["3e"],
        &[],
    ));
    let de = formation(
        "de-social",
        6,
        36,
        &[Voie::Scolaire, Voie::Vae],
        &["bac-general-techno"],
        &[],
    );
    c.formations.push(de);
    c.etablissements.push(Etablissement {
        id: "ecole-test-caen".into(),
        nom: "École de test".into(),
        kind: TypeEtablissement::Ecole,
        commune: "Caen".into(),
        departement: "14".into(),
        uai: None,
        site: None,
        telephone: None,
        offre: vec![
            Offre {
                formation: "de-social".into(),
                voies: vec![Voie::Scolaire],
            },
            Offre {
                formation: "cap-soin".into(),
                voies: vec![Voie::Scolaire],
            },
        ],
        sources: vec!["test".into()],
    });
    c.metiers.push(metier(
        "soigneur",
        "F",
        [2, 2, 1, 7, 2, 3],
        3,
        &["cap-soin"],
        true,
    ));
    c.metiers.push(metier(
        "educateur",
        "F",
        [1, 3, 3, 7, 3, 2],
        6,
        &["de-social"],
        false,
    ));
    c.metiers.push(metier(
        "artiste",
        "F",
        [2, 2, 7, 3, 3, 1],
        6,
        &["de-social"],
        false,
    ));
    c.metiers.push(metier(
        "gestionnaire",
        "I",
        [1, 2, 1, 3, 5, 7],
        5,
        &["bts-electrotechnique"],
        false,
    ));
    c
}

/// Answers giving `high` to the items of `theme` and `low` to the others.
fn answers_for(c: &Content, theme: Theme, high: u8, low: u8) -> Answers {
    let mut a = Answers::new();
    for item in &c.questionnaire.item {
        a.set(
            &item.id,
            Answer::Note(if item.theme == theme { high } else { low }),
        );
    }
    a
}

fn ranked_ids(c: &Content, a: &Answers, f: &Filters, rejected: &HashSet<String>) -> Vec<String> {
    let p = quiz::score(&c.questionnaire, a);
    matching::rank(c, &p, a, f, rejected)
        .matches
        .iter()
        .map(|m| m.metier.id.clone())
        .collect()
}

#[test]
fn strong_r_profile_ranks_r_dominant_metiers_first() {
    let c = content();
    let mut a = answers_for(&c, Theme::R, 4, 1);
    a.set("i-volcans", Answer::Note(3));
    let ids = ranked_ids(&c, &a, &Filters::default(), &HashSet::new());
    assert_eq!(&ids[..2], &["electricien", "technicien-maintenance"]);
    let p = quiz::score(&c.questionnaire, &a);
    assert_eq!(p.code()[0], Theme::R);
    let r = matching::rank(&c, &p, &a, &Filters::default(), &HashSet::new());
    assert_eq!(r.method, Method::Correlation);
    assert_eq!(r.matches[0].bucket, Bucket::TresProche);
    assert!(r.matches[0].reasons.themes.contains(&Theme::R));
    assert!(r.matches[0].reasons.items.contains(&"r-velo".to_string()));
}

#[test]
fn strong_s_profile_ranks_s_dominant_metiers_first() {
    let c = content();
    let a = answers_for(&c, Theme::S, 4, 1);
    let ids = ranked_ids(&c, &a, &Filters::default(), &HashSet::new());
    let top: HashSet<&str> = ids[..2].iter().map(String::as_str).collect();
    assert_eq!(top, HashSet::from(["soigneur", "educateur"]));
}

#[test]
fn flat_profile_is_flagged_and_falls_back() {
    let c = content();
    let a = answers_for(&c, Theme::R, 2, 2);
    let p = quiz::score(&c.questionnaire, &a);
    assert!(p.is_flat());
    let r = matching::rank(&c, &p, &a, &Filters::default(), &HashSet::new());
    assert_eq!(r.method, Method::HighestThemes);
    assert!(r.matches.iter().all(|m| m.bucket == Bucket::AExplorer));
    // All themes tie, so all count: ranked by mean value, a stable, documented order.
    assert_eq!(r.matches.len(), c.metiers.len());
}

#[test]
fn every_filter_is_respected() {
    let c = content();
    let a = answers_for(&c, Theme::S, 4, 1);
    let none = HashSet::new();
    let f = Filters {
        niveau_max: Some(4),
        ..Filters::default()
    };
    for id in ranked_ids(&c, &a, &f, &none) {
        assert!(c.metier(&id).is_some_and(|m| m.niveau_min <= 4), "{id}");
    }
    let f = Filters {
        apprentissage_seulement: true,
        ..Filters::default()
    };
    let ids = ranked_ids(&c, &a, &f, &none);
    assert!(!ids.is_empty());
    assert!(!ids.contains(&"technicien-maintenance".to_string()));
    assert!(
        ids.iter()
            .all(|id| c.metier(id).is_some_and(|m| m.apprentissage))
    );
    let f = Filters {
        domaine: Some("I".into()),
        ..Filters::default()
    };
    assert_eq!(
        ranked_ids(&c, &a, &f, &none),
        ["gestionnaire", "technicien-maintenance"]
    );
    let f = Filters {
        departement: Some("14".into()),
        ..Filters::default()
    };
    let mut here = ranked_ids(&c, &a, &f, &none);
    here.sort();
    assert_eq!(here, ["artiste", "educateur", "soigneur"]);
    // The place must teach a formation at the level aimed at, by the route chosen.
    let f = Filters {
        departement: Some("14".into()),
        niveau_max: Some(3),
        ..Filters::default()
    };
    assert_eq!(ranked_ids(&c, &a, &f, &none), ["soigneur"]);
    let f = Filters {
        departement: Some("14".into()),
        apprentissage_seulement: true,
        ..Filters::default()
    };
    assert!(
        ranked_ids(&c, &a, &f, &none).is_empty(),
        "the CAP is taught in the 14 only at school"
    );
    let f = Filters {
        departement: Some("76".into()),
        ..Filters::default()
    };
    assert_eq!(ranked_ids(&c, &a, &f, &none), ["electricien"]);
    let f = Filters {
        departement: Some("50".into()),
        ..Filters::default()
    };
    assert!(ranked_ids(&c, &a, &f, &none).is_empty());
    let f = Filters {
        situation: Some("cap".into()),
        ..Filters::default()
    };
    assert!(
        ranked_ids(&c, &a, &f, &none).is_empty(),
        "no formation opens from a CAP here"
    );
    let f = Filters {
        situation: Some("3e".into()),
        niveau_max: Some(5),
        ..Filters::default()
    };
    let p = quiz::score(&c.questionnaire, &a);
    let r = matching::rank(&c, &p, &a, &f, &none);
    assert!(!r.matches.is_empty());
    for m in &r.matches {
        assert!(parcours::reachable(&c, "3e", m.metier));
        assert_eq!(
            m.reasons.filters,
            [Satisfied::Niveau(5), Satisfied::Situation("3e".into())]
        );
    }
}

#[test]
fn rejected_metiers_never_return_and_the_list_refills() {
    let c = content();
    let a = answers_for(&c, Theme::R, 4, 1);
    let all = ranked_ids(&c, &a, &Filters::default(), &HashSet::new());
    let rejected: HashSet<String> = all[..2].iter().cloned().collect();
    let after = ranked_ids(&c, &a, &Filters::default(), &rejected);
    assert_eq!(after.len(), all.len() - 2);
    assert_eq!(after, all[2..]);
    // Same input, same output.
    assert_eq!(ranked_ids(&c, &a, &Filters::default(), &rejected), after);
}

#[test]
fn pathways_shortest_first_and_apprenticeship_flag() {
    let c = content();
    let m = c.metier("technicien-maintenance").expect("fixture métier");
    let routes = parcours::routes(&c, "3e", m, 10);
    let ids: Vec<Vec<&str>> = routes
        .iter()
        .map(|r| r.etapes.iter().map(|e| e.formation.id.as_str()).collect())
        .collect();
    assert_eq!(
        ids,
        [
            vec!["bac-pro-melec", "bts-electrotechnique"],
            vec!["cap-elec", "bac-pro-melec", "bts-electrotechnique"]
        ]
    );
    assert_eq!(routes[0].duree_mois, Some(60));
    assert!(
        !routes[0].apprentissage_possible,
        "the BTS of the fixture is not open to apprenticeship"
    );
    let e = c.metier("electricien").expect("fixture métier");
    let routes = parcours::routes(&c, "3e", e, 10);
    assert!(routes[0].apprentissage_possible);
    assert_eq!(routes[0].duree_mois, Some(24));
}

#[test]
fn adults_get_vae_routes() {
    let c = content();
    let m = c.metier("educateur").expect("métier");
    let routes = parcours::routes(&c, "adulte-salarie", m, 10);
    assert_eq!(routes.len(), 1);
    assert_eq!(routes[0].etapes[0].mode, Mode::Vae);
    assert_eq!(routes[0].duree_mois, None);
    assert!(parcours::routes(&c, "3e", m, 10).is_empty());
}

#[test]
fn a_cycle_in_the_graph_cannot_hang_pathways() {
    let mut c = content();
    // a -> b -> c -> a, and c -> target.
    c.formations.push(formation(
        "a",
        3,
        12,
        &[Voie::Apprentissage],
        &["3e"],
        &["b"],
    ));
    c.formations.push(formation(
        "b",
        4,
        12,
        &[Voie::Apprentissage],
        &[],
        &["c", "a"],
    ));
    c.formations.push(formation(
        "c",
        5,
        12,
        &[Voie::Apprentissage],
        &[],
        &["a", "target"],
    ));
    c.formations.push(formation(
        "target",
        6,
        12,
        &[Voie::Apprentissage],
        &[],
        &["a"],
    ));
    c.metiers.push(metier(
        "cible",
        "F",
        [7, 1, 1, 1, 1, 1],
        6,
        &["target"],
        true,
    ));
    let m = c.metier("cible").cloned().expect("métier");
    let routes = parcours::routes(&c, "3e", &m, 10);
    assert_eq!(routes.len(), 1);
    let ids: Vec<&str> = routes[0]
        .etapes
        .iter()
        .map(|e| e.formation.id.as_str())
        .collect();
    assert_eq!(ids, ["a", "b", "c", "target"]);
    assert!(routes[0].apprentissage_possible);
    assert_eq!(routes[0].duree_mois, Some(48));
}

#[test]
fn unknown_ids_give_no_route() {
    let c = content();
    let m = c.metier("electricien").expect("métier");
    assert!(parcours::routes(&c, "nulle-part", m, 10).is_empty());
}

#[test]
fn search_is_accent_and_case_insensitive_and_prefers_rich_fiches() {
    let c = content();
    let index = Index::new(&c);
    for q in ["electricien", "ÉLECTRICIEN", "Electricienne", "electr"] {
        let hits = index.search(q, 5);
        assert_eq!(hits[0].id, "electricien", "{q}");
        assert_eq!(hits[0].kind, Kind::Metier, "{q}");
    }
    let hits = index.search("electricien", 5);
    // Highlight positions point at the original letters: "Électricien" starts at 0.
    assert_eq!(&hits[0].positions[..3], &[0, 1, 2]);
    assert!(index.search("", 5).is_empty());
    assert!(index.search("   ", 5).is_empty());
    assert!(index.search("zzzzqqq", 5).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn any_query_never_panics(q in "\\PC{0,80}", limit in 0usize..30) {
        let c = fixture();
        let index = Index::new(&c);
        let hits = index.search(&q, limit);
        prop_assert!(hits.len() <= limit);
        for h in hits {
            let n = h.label.chars().count();
            prop_assert!(h.positions.iter().all(|p| *p < n));
        }
    }
}

#[test]
fn huge_and_odd_queries_do_not_panic() {
    let c = fixture();
    let index = Index::new(&c);
    let long = "é".repeat(10_000);
    for q in [long.as_str(), "👩‍🔧", "e\u{301}lec", "\u{202e}نجار", "\0"] {
        let _ = index.search(q, 10);
    }
}

#[test]
fn a_single_letter_finds_words_that_start_with_it() {
    let c = fixture();
    let hits = Index::new(&c).search("t", 20);
    assert!(hits.iter().any(|h| h.id == "technicien-maintenance"));
    // "Électricien" has a "t" inside a word only: not a one-letter match.
    assert!(!hits.iter().any(|h| h.id == "electricien"), "{hits:?}");
    let hits = Index::new(&c).search("e", 20);
    assert!(hits.iter().any(|h| h.id == "electricien"));
    assert!(
        !hits.iter().any(|h| h.id == "technicien-maintenance"),
        "{hits:?}"
    );
}

#[test]
fn the_recrute_filter_keeps_the_metiers_with_a_published_figure() {
    let c = content::load_bundled().expect("bundled").content;
    let answers = boussole::quiz::Answers::new();
    let profile = boussole::quiz::score(&c.questionnaire, &answers);
    let f = Filters {
        recrute: true,
        ..Filters::default()
    };
    let r = matching::rank(
        &c,
        &profile,
        &answers,
        &f,
        &std::collections::HashSet::new(),
    );
    assert!(!r.matches.is_empty());
    assert!(r.matches.iter().all(|m| c.recrute(&m.metier.id)));
    assert!(r.matches.iter().any(|m| m.metier.id == "aide-soignant"));
    assert!(r.matches.len() < c.metiers.len());
}

#[test]
fn near_the_current_job_with_what_carries_over_and_the_adult_route() {
    use boussole::matching::proches::{self, Depuis, Lien};
    let c = content::load_bundled().expect("bundled").content;
    let d = Depuis::trouver(&c, "aide-soignant").expect("a rich fiche");
    let list = proches::proches(&c, d, 12);
    assert!(!list.is_empty());
    assert!(list.iter().all(|p| p.metier.id != "aide-soignant"));
    assert!(
        list.iter()
            .any(|p| p.metier.id == "auxiliaire-de-puericulture")
    );
    // Sorted nearest first, every one says why.
    assert!(list.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(list.iter().all(|p| !p.liens.is_empty()));
    // A ROME fiche works too: its domain and family.
    let d = Depuis::trouver(&c, "j1501").expect("a ROME code");
    let list = proches::proches(&c, d, 5);
    assert!(list.iter().any(|p| p.liens.contains(&Lien::MemeFamille)));
}
