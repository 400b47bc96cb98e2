//! Matches that say why, truthfully: a liked activity is a reason only for
//! the métiers of its domain, and specific interests count in the score.

use boussole::content::{self, Content};
use boussole::matching::{self, Filters};
use boussole::quiz::{self, Answer, Answers, Form};
use proptest::prelude::*;
use std::collections::HashSet;

fn bundled() -> Content {
    content::load_bundled().expect("bundled").content
}

/// "J'adore" every item about animals and farms (domain A), "Ça m'est égal"
/// to everything else.
fn animal_lover(c: &Content) -> Answers {
    let mut a = Answers::new();
    for i in quiz::items(&c.questionnaire, Form::Complet) {
        let note = if i.domaines.iter().any(|d| d == "A") {
            4
        } else {
            2
        };
        a.set(&i.id, Answer::Note(note));
    }
    a
}

#[test]
fn the_animal_lover_finds_horse_and_farm_jobs_in_the_first_ten() {
    let c = bundled();
    let answers = animal_lover(&c);
    let profile = quiz::score(&c.questionnaire, &answers);
    let r = matching::rank(&c, &profile, &answers, &Filters::default(), &HashSet::new());
    let top: Vec<_> = r.matches.iter().take(10).collect();
    let ids: Vec<&str> = top.iter().map(|m| m.metier.id.as_str()).collect();
    assert!(
        top.iter().filter(|m| m.metier.domaine == "A").count() >= 3,
        "first ten: {ids:?}"
    );
    assert!(
        ids.iter().any(|id| [
            "palefrenier-soigneur",
            "cavalier-soigneur",
            "preparateur-d-equides",
            "marechal-ferrant",
            "eleveur"
        ]
        .iter()
        .any(|h| id.starts_with(h))),
        "a horse or farm job in the first ten: {ids:?}"
    );
    for m in &top {
        if m.metier.domaine == "A" {
            assert!(
                !m.reasons.items.is_empty(),
                "{} has no liked item as a reason",
                m.metier.id
            );
            assert!(m.score > 0.0, "{}: {}", m.metier.id, m.score);
        }
    }
}

#[test]
fn a_liked_item_is_never_beside_a_zero_likeness() {
    let c = bundled();
    let answers = animal_lover(&c);
    let profile = quiz::score(&c.questionnaire, &answers);
    let r = matching::rank(&c, &profile, &answers, &Filters::default(), &HashSet::new());
    for m in &r.matches {
        if let Some(line) = boussole::present::ressemblance(m.score) {
            assert!(!line.ends_with(" 0 %"), "{}: {line}", m.metier.id);
        }
    }
    assert_eq!(boussole::present::ressemblance(-0.02), None);
    assert_eq!(boussole::present::ressemblance(0.004), None);
    assert_eq!(
        boussole::present::ressemblance(0.72).as_deref(),
        Some("Ressemblance avec ton profil : 72 %")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    /// Whatever the answers, every liked item quoted as a reason is about the
    /// métier's domain: no dancer justified by a horse.
    #[test]
    fn reasons_are_linked_to_the_metier(notes in proptest::collection::vec(0u8..=4, 60)) {
        let c = bundled();
        let mut answers = Answers::new();
        for (i, n) in quiz::items(&c.questionnaire, Form::Complet).iter().zip(&notes) {
            answers.set(&i.id, Answer::Note(*n));
        }
        let profile = quiz::score(&c.questionnaire, &answers);
        let r = matching::rank(&c, &profile, &answers, &Filters::default(), &HashSet::new());
        for m in &r.matches {
            for id in &m.reasons.items {
                let item = c.questionnaire.item(id).expect("known item");
                prop_assert!(
                    item.domaines.iter().any(|d| d == &m.metier.domaine),
                    "{} justified by {}", m.metier.id, id
                );
            }
        }
    }
}

#[test]
fn the_combined_score_of_the_method_page() {
    // docs/methode.md: likeness 0,20 and liked activities of the métier
    // rated 4, 4 and 3 (affinity (1 + 1 + 0,5) / 3 = 0,833…).
    let a = (1.0 + 1.0 + 0.5) / 3.0;
    let s = matching::combine(0.20, Some(a));
    assert!((s - 0.4217).abs() < 5e-4, "{s}");
    assert_eq!(matching::combine(0.20, None), 0.20);
}
