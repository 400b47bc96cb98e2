//! Pathways: from a person's situation to a métier, through the formation graph.
//!
//! A route enters a formation whose `acces` names the situation, then follows
//! `poursuites` until it reaches one of the métier's formations. Routes are
//! sorted by the time left, then number of steps, then the number of steps
//! that cannot be taken by apprenticeship, then formation ids; a formation the
//! person is following counts only its months left. For adults with
//! experience the VAE comes first, then routes made for adults. Routes never
//! repeat a formation and never go deeper than [`MAX_STEPS`], so a cycle in the
//! content cannot hang the search. Adults also get a VAE route for each of the
//! métier's formations open to VAE.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::content::{Content, Formation, Metier, Situation, Voie};

/// The longest route considered, in formations.
pub const MAX_STEPS: usize = 6;

/// At most this many partial routes are explored for one request.
pub const MAX_EXPLORED: usize = 20_000;

/// How a step is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Following the formation (by any of its `voies`).
    Formation,
    /// Obtaining the diploma by validation des acquis de l'expérience.
    Vae,
}

/// One step of a route.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Etape<'a> {
    pub formation: &'a Formation,
    pub mode: Mode,
    /// Months this step still takes: the formation's usual duration, less
    /// what the person has already done of it (see `Situation::en_cours`).
    pub duree_mois: u32,
    /// The person is following this formation now: `duree_mois` is what is
    /// left after this school year.
    pub en_cours: bool,
    /// This person can take this step by apprenticeship (the formation is
    /// open to it and their age allows a contract).
    pub apprentissage: bool,
}

/// A route from a situation to a métier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Route<'a> {
    pub etapes: Vec<Etape<'a>>,
    /// Months left in all; `None` for a VAE route (it depends on the person).
    pub duree_mois: Option<u32>,
    /// The person can do every step left by apprenticeship: every formation
    /// is open to it and their age allows a contract (16–29, 15 after the
    /// 3e; the exceptions beyond 29 are not assumed).
    pub apprentissage_possible: bool,
}

/// Who asks: their situation and, if they gave it, their age.
#[derive(Debug, Clone, Copy)]
pub struct Demande<'a> {
    pub situation: &'a str,
    pub age: Option<u8>,
    /// Adults: also routes longer than [`MAX_ADULTE_MOIS`].
    pub tous: bool,
}

impl<'a> Demande<'a> {
    /// A request from a situation, at its usual age.
    pub fn depuis(situation: &'a str) -> Self {
        Demande {
            situation,
            age: None,
            tous: false,
        }
    }
}

/// Routes longer than this are not shown to adults unless they ask.
pub const MAX_ADULTE_MOIS: u32 = 48;

impl Route<'_> {
    fn new<'a>(
        formations: Vec<(&'a Formation, Mode)>,
        situation: &Situation,
        apprenti: bool,
    ) -> Route<'a> {
        let etapes: Vec<Etape<'a>> = formations
            .into_iter()
            .enumerate()
            .map(|(i, (formation, mode))| {
                let en_cours = i == 0
                    && mode == Mode::Formation
                    && situation
                        .en_cours
                        .as_ref()
                        .is_some_and(|e| e.types.iter().any(|t| t == &formation.kind));
                let fait = if en_cours {
                    situation.en_cours.as_ref().map_or(0, |e| e.mois_faits)
                } else {
                    0
                };
                Etape {
                    formation,
                    mode,
                    duree_mois: u32::from(formation.duree_mois.saturating_sub(fait)),
                    en_cours,
                    apprentissage: apprenti
                        && mode == Mode::Formation
                        && formation.has_voie(Voie::Apprentissage),
                }
            })
            .collect();
        let vae = etapes.iter().any(|e| e.mode == Mode::Vae);
        let duree_mois = (!vae).then(|| etapes.iter().map(|e| e.duree_mois).sum());
        // The steps still to take (the one under way may end this year).
        let mut left = etapes.iter().filter(|e| e.duree_mois > 0).peekable();
        let apprentissage_possible = !vae && left.peek().is_some() && left.all(|e| e.apprentissage);
        Route {
            etapes,
            duree_mois,
            apprentissage_possible,
        }
    }
}

/// Whether a person of this age, in this situation, may sign an
/// apprenticeship contract (rules of `apprentissage.toml`; when the content
/// has none, the Code du travail's: from 15 once the 3e is done, to 29).
pub fn age_apprenti(content: &Content, age: u8) -> bool {
    match &content.apprentissage.ages {
        Some(a) => a.ouvert(age),
        None => (15..=29).contains(&age),
    }
}

/// Every route (up to `max`) from `situation` to the métier, at the
/// situation's usual age. Unknown ids give no route.
pub fn routes<'a>(
    content: &'a Content,
    situation: &str,
    metier: &'a Metier,
    max: usize,
) -> Vec<Route<'a>> {
    routes_pour(content, &Demande::depuis(situation), metier, max)
}

/// Every route (up to `max`) for this request, best first: for pupils and
/// students the shortest; for adults with experience the VAE first, then the
/// routes made for adults (titres professionnels, formation continue), then
/// the others, none longer than [`MAX_ADULTE_MOIS`] unless asked.
pub fn routes_pour<'a>(
    content: &'a Content,
    demande: &Demande<'_>,
    metier: &'a Metier,
    max: usize,
) -> Vec<Route<'a>> {
    let Some(situation) = content.situation(demande.situation) else {
        return Vec::new();
    };
    let age = demande.age.unwrap_or_else(|| situation.age());
    let apprenti = age_apprenti(content, age);
    let index: HashMap<&str, &Formation> = content
        .formations
        .iter()
        .map(|f| (f.id.as_str(), f))
        .collect();
    let is_target = |f: &Formation| metier.formations.iter().any(|t| t == &f.id);
    // Only formations from which a target can be reached are worth a step.
    let useful = leading_to(content, metier);

    let mut found: Vec<Vec<&Formation>> = Vec::new();
    let mut explored = 0usize;
    let mut stack: Vec<Vec<&Formation>> = content
        .formations
        .iter()
        .filter(|f| {
            useful.contains(f.id.as_str()) && f.acces.iter().any(|a| situation.entre_par(a))
        })
        .map(|f| vec![f])
        .collect();
    stack.reverse();
    while let Some(path) = stack.pop() {
        explored += 1;
        if explored > MAX_EXPLORED {
            break;
        }
        let Some(last) = path.last() else { continue };
        if is_target(last) {
            found.push(path);
            continue;
        }
        if path.len() >= MAX_STEPS {
            continue;
        }
        for next in last
            .poursuites
            .iter()
            .rev()
            .filter(|p| useful.contains(p.as_str()))
            .filter_map(|p| index.get(p.as_str()))
        {
            if !path.iter().any(|f| f.id == next.id) {
                let mut longer = path.clone();
                longer.push(next);
                stack.push(longer);
            }
        }
    }

    let mut routes: Vec<Route<'a>> = found
        .into_iter()
        .map(|path| {
            Route::new(
                path.into_iter().map(|f| (f, Mode::Formation)).collect(),
                situation,
                apprenti,
            )
        })
        .collect();
    if situation.adulte {
        for id in &metier.formations {
            if let Some(f) = index.get(id.as_str()).filter(|f| f.has_voie(Voie::Vae)) {
                routes.push(Route::new(vec![(f, Mode::Vae)], situation, apprenti));
            }
        }
        if !demande.tous {
            routes.retain(|r| r.duree_mois.is_none_or(|m| m <= MAX_ADULTE_MOIS));
        }
    }
    // For adults: VAE first when they have experience, then routes made for
    // adults, then the rest.
    let rang_adulte = |r: &Route<'_>| -> u8 {
        if !situation.adulte {
            return 0;
        }
        if r.duree_mois.is_none() {
            return if situation.experience { 0 } else { 2 };
        }
        let pour_adultes = r.etapes.iter().all(|e| {
            e.formation.has_voie(Voie::Continue) || e.formation.kind == "Titre professionnel"
        });
        if pour_adultes { 1 } else { 2 }
    };
    routes.sort_by(|a, b| {
        let key = |r: &Route<'_>| {
            (
                rang_adulte(r),
                r.duree_mois.is_none(),
                r.duree_mois.unwrap_or(0),
                // VAE routes: the lowest diploma first, the easiest to reach.
                r.etapes.first().map_or(0, |e| e.formation.niveau),
                r.etapes.len(),
                // At equal length, the route that can be done most by apprenticeship.
                r.etapes
                    .iter()
                    .filter(|e| !e.formation.has_voie(Voie::Apprentissage))
                    .count(),
            )
        };
        key(a).cmp(&key(b)).then_with(|| ids(a).cmp(&ids(b)))
    });
    routes.dedup_by(|a, b| {
        ids(a) == ids(b)
            && a.etapes
                .iter()
                .map(|e| e.mode)
                .eq(b.etapes.iter().map(|e| e.mode))
    });
    routes.truncate(max);
    routes
}

fn ids<'a>(r: &Route<'a>) -> Vec<&'a str> {
    r.etapes.iter().map(|e| e.formation.id.as_str()).collect()
}

/// The formations from which one of the métier's formations can be reached
/// by following `poursuites` (the métier's formations included): a walk
/// backwards from the targets, so that route search never explores a branch
/// that cannot end at the métier.
pub fn leading_to<'a>(content: &'a Content, metier: &Metier) -> HashSet<&'a str> {
    let mut before: HashMap<&str, Vec<&str>> = HashMap::new();
    for f in &content.formations {
        for p in &f.poursuites {
            before.entry(p.as_str()).or_default().push(f.id.as_str());
        }
    }
    let mut seen: HashSet<&'a str> = content
        .formations
        .iter()
        .filter(|f| metier.formations.contains(&f.id))
        .map(|f| f.id.as_str())
        .collect();
    let mut todo: Vec<&str> = seen.iter().copied().collect();
    while let Some(id) = todo.pop() {
        for prev in before.get(id).into_iter().flatten() {
            if seen.insert(prev) {
                todo.push(prev);
            }
        }
    }
    seen
}

/// Whether any route leads from the situation to the métier (without
/// enumerating the routes).
pub fn reachable(content: &Content, situation: &str, metier: &Metier) -> bool {
    let Some(situation) = content.situation(situation) else {
        return false;
    };
    let useful = leading_to(content, metier);
    let by_formation = content
        .formations
        .iter()
        .any(|f| useful.contains(f.id.as_str()) && f.acces.iter().any(|a| situation.entre_par(a)));
    let by_vae = situation.adulte
        && metier
            .formations
            .iter()
            .filter_map(|id| content.formation(id))
            .any(|f| f.has_voie(Voie::Vae));
    by_formation || by_vae
}
