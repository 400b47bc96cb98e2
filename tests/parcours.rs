//! Pathways that fit the person: the time left from where they are, their
//! age for apprenticeship, VAE first for adults with experience. A golden
//! table over the bundled content, and properties.

use boussole::content::{self, Content};
use boussole::parcours::{self, Demande, Mode};
use proptest::prelude::*;

fn bundled() -> Content {
    content::load_bundled().expect("bundled").content
}

/// (métier, situation, age (0 = the situation's usual age), first three
/// routes: formations joined by " + " (" VAE" for a VAE step), months left,
/// apprenticeship possible).
type Golden = (
    &'static str,
    &'static str,
    u8,
    &'static [(&'static str, Option<u32>, bool)],
);

const GOLDEN: &[Golden] = &[
    (
        "electricien",
        "3e",
        0,
        &[
            ("cap-electricien", Some(24), true),
            (
                "cap-monteur-installations-thermiques + tp-electricien-equipement-batiment",
                Some(32),
                true,
            ),
            ("bac-pro-melec", Some(36), true),
        ],
    ),
    (
        "electricien",
        "premiere-pro",
        0,
        &[
            ("bac-pro-melec", Some(12), true),
            ("cap-electricien", Some(24), true),
            (
                "cap-monteur-installations-thermiques + tp-electricien-equipement-batiment",
                Some(32),
                true,
            ),
        ],
    ),
    (
        "electricien",
        "adulte-salarie",
        38,
        &[
            ("cap-electricien VAE", None, false),
            ("tp-electricien-equipement-batiment VAE", None, false),
            ("bac-pro-melec VAE", None, false),
        ],
    ),
    (
        "electricien",
        "demandeur-emploi",
        45,
        &[
            ("cap-electricien VAE", None, false),
            ("tp-electricien-equipement-batiment VAE", None, false),
            ("bac-pro-melec VAE", None, false),
        ],
    ),
    (
        "aide-soignant",
        "3e",
        0,
        &[
            (
                "cap-aepe + de-accompagnant-educatif-social + de-aide-soignant",
                Some(48),
                true,
            ),
            ("bac-pro-assp + de-aide-soignant", Some(48), true),
            ("bac-general + de-aide-soignant", Some(48), false),
        ],
    ),
    (
        "aide-soignant",
        "premiere-pro",
        0,
        &[
            ("bac-pro-assp + de-aide-soignant", Some(24), true),
            (
                "cap-aepe + de-accompagnant-educatif-social + de-aide-soignant",
                Some(48),
                true,
            ),
            ("bac-general + de-aide-soignant", Some(48), false),
        ],
    ),
    (
        "aide-soignant",
        "adulte-salarie",
        38,
        &[
            ("de-aide-soignant VAE", None, false),
            ("de-aide-soignant", Some(12), false),
            (
                "de-accompagnant-educatif-social + de-aide-soignant",
                Some(24),
                false,
            ),
        ],
    ),
    (
        "aide-soignant",
        "demandeur-emploi",
        45,
        &[
            ("de-aide-soignant VAE", None, false),
            ("de-aide-soignant", Some(12), false),
            (
                "de-accompagnant-educatif-social + de-aide-soignant",
                Some(24),
                false,
            ),
        ],
    ),
    (
        "cuisinier",
        "3e",
        0,
        &[
            ("cap-cuisine", Some(24), true),
            ("bac-pro-cuisine", Some(36), true),
            ("cap-psr + cap-cuisine", Some(48), true),
        ],
    ),
    (
        "cuisinier",
        "premiere-pro",
        0,
        &[
            ("bac-pro-cuisine", Some(12), true),
            ("cap-cuisine", Some(24), true),
            ("cap-psr + cap-cuisine", Some(48), true),
        ],
    ),
    (
        "cuisinier",
        "adulte-salarie",
        38,
        &[
            ("cap-cuisine VAE", None, false),
            ("bac-pro-cuisine VAE", None, false),
            ("bp-arts-de-la-cuisine VAE", None, false),
        ],
    ),
    (
        "cuisinier",
        "demandeur-emploi",
        45,
        &[
            ("cap-cuisine VAE", None, false),
            ("bac-pro-cuisine VAE", None, false),
            ("bp-arts-de-la-cuisine VAE", None, false),
        ],
    ),
    (
        "macon",
        "3e",
        0,
        &[
            ("cap-macon", Some(24), true),
            (
                "cap-constructeur-routes-amenagements-urbains + tp-macon",
                Some(32),
                true,
            ),
            ("bac-pro-tborgo", Some(36), true),
        ],
    ),
    (
        "macon",
        "premiere-pro",
        0,
        &[
            ("bac-pro-tborgo", Some(12), true),
            ("cap-macon", Some(24), true),
            (
                "cap-constructeur-routes-amenagements-urbains + tp-macon",
                Some(32),
                true,
            ),
        ],
    ),
    (
        "macon",
        "adulte-salarie",
        38,
        &[
            ("cap-macon VAE", None, false),
            ("tp-macon VAE", None, false),
            ("bac-pro-tborgo VAE", None, false),
        ],
    ),
    (
        "macon",
        "demandeur-emploi",
        45,
        &[
            ("cap-macon VAE", None, false),
            ("tp-macon VAE", None, false),
            ("bac-pro-tborgo VAE", None, false),
        ],
    ),
    (
        "boulanger",
        "3e",
        0,
        &[
            ("cap-boulanger", Some(24), true),
            ("bac-pro-boulanger-patissier", Some(36), true),
            (
                "cap-patissier + bac-pro-boulanger-patissier",
                Some(60),
                true,
            ),
        ],
    ),
    (
        "boulanger",
        "premiere-pro",
        0,
        &[
            ("bac-pro-boulanger-patissier", Some(12), true),
            ("cap-boulanger", Some(24), true),
            (
                "cap-patissier + bac-pro-boulanger-patissier",
                Some(60),
                true,
            ),
        ],
    ),
    (
        "boulanger",
        "adulte-salarie",
        38,
        &[
            ("cap-boulanger VAE", None, false),
            ("bac-pro-boulanger-patissier VAE", None, false),
            ("bp-boulanger VAE", None, false),
        ],
    ),
    (
        "boulanger",
        "demandeur-emploi",
        45,
        &[
            ("cap-boulanger VAE", None, false),
            ("bac-pro-boulanger-patissier VAE", None, false),
            ("bp-boulanger VAE", None, false),
        ],
    ),
    (
        "mecanicien-automobile",
        "3e",
        0,
        &[
            ("cap-maintenance-vehicules-a", Some(24), true),
            ("bac-pro-maintenance-vehicules-a", Some(36), true),
            ("bac-general + bts-maintenance-vehicules-a", Some(60), false),
        ],
    ),
    (
        "mecanicien-automobile",
        "premiere-pro",
        0,
        &[
            ("bac-pro-maintenance-vehicules-a", Some(12), true),
            ("cap-maintenance-vehicules-a", Some(24), true),
            ("bac-general + bts-maintenance-vehicules-a", Some(60), false),
        ],
    ),
    (
        "mecanicien-automobile",
        "adulte-salarie",
        38,
        &[
            ("cap-maintenance-vehicules-a VAE", None, false),
            ("bac-pro-maintenance-vehicules-a VAE", None, false),
            ("bts-maintenance-vehicules-a VAE", None, false),
        ],
    ),
    (
        "mecanicien-automobile",
        "demandeur-emploi",
        45,
        &[
            ("cap-maintenance-vehicules-a VAE", None, false),
            ("bac-pro-maintenance-vehicules-a VAE", None, false),
            ("bts-maintenance-vehicules-a VAE", None, false),
        ],
    ),
    (
        "infirmier",
        "3e",
        0,
        &[
            ("bac-pro-assp + de-infirmier", Some(72), true),
            ("bac-general + de-infirmier", Some(72), false),
            ("bac-techno-st2s + de-infirmier", Some(72), false),
        ],
    ),
    (
        "infirmier",
        "premiere-pro",
        0,
        &[
            ("bac-pro-assp + de-infirmier", Some(48), true),
            ("bac-general + de-infirmier", Some(72), false),
            ("bac-techno-st2s + de-infirmier", Some(72), false),
        ],
    ),
    (
        "infirmier",
        "adulte-salarie",
        38,
        &[("de-infirmier", Some(36), false)],
    ),
    (
        "infirmier",
        "demandeur-emploi",
        45,
        &[("de-infirmier", Some(36), false)],
    ),
    (
        "graphiste",
        "3e",
        0,
        &[
            ("bac-pro-ama-cvpm", Some(36), true),
            ("bac-pro-rpip-a + tp-graphiste", Some(46), false),
            ("bac-pro-rpip-a + bts-erpc", Some(60), true),
        ],
    ),
    (
        "graphiste",
        "premiere-pro",
        0,
        &[
            ("bac-pro-ama-cvpm", Some(12), true),
            ("bac-pro-rpip-a + tp-graphiste", Some(22), false),
            ("bac-pro-rpip-a + bts-erpc", Some(36), true),
        ],
    ),
    (
        "graphiste",
        "adulte-salarie",
        38,
        &[
            ("bac-pro-ama-cvpm VAE", None, false),
            ("bts-erpc VAE", None, false),
            ("tp-graphiste VAE", None, false),
        ],
    ),
    (
        "graphiste",
        "demandeur-emploi",
        45,
        &[
            ("bac-pro-ama-cvpm VAE", None, false),
            ("bts-erpc VAE", None, false),
            ("tp-graphiste VAE", None, false),
        ],
    ),
    (
        "palefrenier-soigneur",
        "3e",
        0,
        &[
            ("capa-palefrenier-soigneur", Some(24), true),
            ("bac-pro-cgeh", Some(36), true),
            (
                "capa-lad-cavalier-entrainement + bac-pro-cgeh",
                Some(60),
                true,
            ),
        ],
    ),
    (
        "palefrenier-soigneur",
        "premiere-pro",
        0,
        &[
            ("bac-pro-cgeh", Some(12), true),
            ("capa-palefrenier-soigneur", Some(24), true),
            (
                "capa-lad-cavalier-entrainement + bac-pro-cgeh",
                Some(60),
                true,
            ),
        ],
    ),
    (
        "palefrenier-soigneur",
        "adulte-salarie",
        38,
        &[
            ("capa-palefrenier-soigneur VAE", None, false),
            ("bac-pro-cgeh VAE", None, false),
        ],
    ),
    (
        "palefrenier-soigneur",
        "demandeur-emploi",
        45,
        &[
            ("capa-palefrenier-soigneur VAE", None, false),
            ("bac-pro-cgeh VAE", None, false),
            ("capa-palefrenier-soigneur", Some(24), false),
        ],
    ),
    (
        "soudeur",
        "3e",
        0,
        &[
            ("cap-rics", Some(24), true),
            ("bac-pro-tci", Some(36), true),
        ],
    ),
    (
        "soudeur",
        "premiere-pro",
        0,
        &[
            ("bac-pro-tci", Some(12), true),
            ("cap-rics", Some(24), true),
        ],
    ),
    (
        "soudeur",
        "adulte-salarie",
        38,
        &[
            ("cap-rics VAE", None, false),
            ("bac-pro-tci VAE", None, false),
        ],
    ),
    (
        "soudeur",
        "demandeur-emploi",
        45,
        &[
            ("cap-rics VAE", None, false),
            ("bac-pro-tci VAE", None, false),
            ("cap-rics", Some(24), false),
        ],
    ),
    (
        "coiffeur",
        "3e",
        0,
        &[("cap-metiers-coiffure", Some(24), true)],
    ),
    (
        "coiffeur",
        "premiere-pro",
        0,
        &[("cap-metiers-coiffure", Some(24), true)],
    ),
    (
        "coiffeur",
        "adulte-salarie",
        38,
        &[
            ("cap-metiers-coiffure VAE", None, false),
            ("bp-coiffure VAE", None, false),
            ("cap-metiers-coiffure", Some(24), false),
        ],
    ),
    (
        "coiffeur",
        "demandeur-emploi",
        45,
        &[
            ("cap-metiers-coiffure VAE", None, false),
            ("bp-coiffure VAE", None, false),
            ("cap-metiers-coiffure", Some(24), false),
        ],
    ),
];

#[test]
fn golden_routes_from_four_situations() {
    let c = bundled();
    let mut wrong = Vec::new();
    for (metier, situation, age, expected) in GOLDEN {
        let m = c.metier(metier).expect("métier");
        let demande = Demande {
            situation,
            age: (*age > 0).then_some(*age),
            tous: false,
        };
        let got: Vec<(String, Option<u32>, bool)> = parcours::routes_pour(&c, &demande, m, 3)
            .iter()
            .map(|r| {
                let steps: Vec<String> = r
                    .etapes
                    .iter()
                    .map(|e| {
                        if e.mode == Mode::Vae {
                            format!("{} VAE", e.formation.id)
                        } else {
                            e.formation.id.clone()
                        }
                    })
                    .collect();
                (steps.join(" + "), r.duree_mois, r.apprentissage_possible)
            })
            .collect();
        let want: Vec<(String, Option<u32>, bool)> = expected
            .iter()
            .map(|(s, d, a)| (s.to_string(), *d, *a))
            .collect();
        if got != want {
            wrong.push(format!("{metier} from {situation} ({age}): got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn from_1re_pro_the_bac_pro_takes_the_terminale_year() {
    let c = bundled();
    let m = c.metier("electricien").expect("métier");
    let r = &parcours::routes(&c, "premiere-pro", m, 1)[0];
    assert_eq!(r.etapes[0].formation.id, "bac-pro-melec");
    assert!(r.etapes[0].en_cours);
    assert_eq!(r.duree_mois, Some(12));
    assert_eq!(
        boussole::present::duree_parcours(r),
        "1 an après cette année"
    );
}

#[test]
fn the_care_assistant_sees_vae_first_and_no_apprenticeship_promise() {
    let c = bundled();
    let m = c.metier("aide-soignant").expect("métier");
    let demande = Demande {
        situation: "adulte-salarie",
        age: Some(38),
        tous: false,
    };
    let routes = parcours::routes_pour(&c, &demande, m, 10);
    assert_eq!(routes[0].etapes[0].mode, Mode::Vae);
    assert!(routes.iter().all(|r| !r.apprentissage_possible));
    assert!(
        routes
            .iter()
            .flat_map(|r| &r.etapes)
            .all(|e| !e.apprentissage)
    );
    // Adults see no route longer than four years, unless they ask.
    assert!(
        routes
            .iter()
            .all(|r| r.duree_mois.is_none_or(|d| d <= parcours::MAX_ADULTE_MOIS))
    );
}

#[test]
fn durations_read_in_years_and_months() {
    assert_eq!(boussole::present::duree_mois(36), "3 ans");
    assert_eq!(boussole::present::duree_mois(18), "1 an et 6 mois");
    assert_eq!(boussole::present::duree_mois(8), "8 mois");
    assert_eq!(boussole::present::duree_mois(25), "2 ans et 1 mois");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Past 29 (the exceptions are not assumed), no route promises
    /// apprenticeship, whatever the situation and the métier.
    #[test]
    fn no_apprenticeship_past_29(age in 30u8..=90, m in 0usize..320, s in 0usize..20) {
        let c = bundled();
        let metier = &c.metiers[m % c.metiers.len()];
        let situation = &c.situations[s % c.situations.len()];
        let demande = Demande { situation: &situation.id, age: Some(age), tous: true };
        for r in parcours::routes_pour(&c, &demande, metier, 20) {
            prop_assert!(!r.apprentissage_possible);
            prop_assert!(r.etapes.iter().all(|e| !e.apprentissage));
        }
    }

    /// From 16 to 29, a route that can be taken by apprenticeship at every
    /// step left says so.
    #[test]
    fn apprenticeship_from_16_to_29(age in 16u8..=29, m in 0usize..320) {
        let c = bundled();
        let metier = &c.metiers[m % c.metiers.len()];
        let demande = Demande { situation: "3e", age: Some(age), tous: false };
        for r in parcours::routes_pour(&c, &demande, metier, 5) {
            let all = r.etapes.iter().all(|e| e.formation.has_voie(boussole::content::Voie::Apprentissage));
            prop_assert_eq!(r.apprentissage_possible, all);
        }
    }
}
