//! Pathways: from a person's situation to a métier, through the formation graph.
//!
//! A route enters a formation whose `acces` names the situation, then follows
//! `poursuites` until it reaches one of the métier's formations. Routes are
//! sorted by total duration, then number of steps, then the number of steps
//! that cannot be taken by apprenticeship, then formation ids. Routes never
//! repeat a formation and never go deeper than [`MAX_STEPS`], so a cycle in the
//! content cannot hang the search. Adults also get a VAE route for each of the
//! métier's formations open to VAE.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::content::{Content, Formation, Metier, Voie};

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
}

/// A route from a situation to a métier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Route<'a> {
    pub etapes: Vec<Etape<'a>>,
    /// Sum of the usual durations; `None` for a VAE route (it depends on the person).
    pub duree_mois: Option<u32>,
    /// Every step can be taken by apprenticeship.
    pub tout_apprentissage: bool,
}

impl Route<'_> {
    fn new(etapes: Vec<Etape<'_>>) -> Route<'_> {
        let vae = etapes.iter().any(|e| e.mode == Mode::Vae);
        let duree_mois = (!vae).then(|| {
            etapes
                .iter()
                .map(|e| u32::from(e.formation.duree_mois))
                .sum()
        });
        let tout_apprentissage = !vae
            && etapes
                .iter()
                .all(|e| e.formation.has_voie(Voie::Apprentissage));
        Route {
            etapes,
            duree_mois,
            tout_apprentissage,
        }
    }
}

/// Every route (up to `max`) from `situation` to the métier, shortest first.
/// Unknown ids give no route.
pub fn routes<'a>(
    content: &'a Content,
    situation: &str,
    metier: &'a Metier,
    max: usize,
) -> Vec<Route<'a>> {
    let Some(situation) = content.situation(situation) else {
        return Vec::new();
    };
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
        .filter(|f| useful.contains(f.id.as_str()) && f.acces.iter().any(|a| a == &situation.id))
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
                path.into_iter()
                    .map(|formation| Etape {
                        formation,
                        mode: Mode::Formation,
                    })
                    .collect(),
            )
        })
        .collect();
    if situation.adulte {
        for id in &metier.formations {
            if let Some(f) = index.get(id.as_str()).filter(|f| f.has_voie(Voie::Vae)) {
                routes.push(Route::new(vec![Etape {
                    formation: f,
                    mode: Mode::Vae,
                }]));
            }
        }
    }
    routes.sort_by(|a, b| {
        let key = |r: &Route<'_>| {
            (
                r.duree_mois.is_none(),
                r.duree_mois.unwrap_or(0),
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
        .any(|f| useful.contains(f.id.as_str()) && f.acces.iter().any(|a| a == &situation.id));
    let by_vae = situation.adulte
        && metier
            .formations
            .iter()
            .filter_map(|id| content.formation(id))
            .any(|f| f.has_voie(Voie::Vae));
    by_formation || by_vae
}
