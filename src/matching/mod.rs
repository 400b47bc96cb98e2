//! Matching: rank the rich métiers against a person's profile, with reasons.
//!
//! Method (see `docs/methode.md`):
//! - filters apply first (level aimed at, apprenticeship only, domain,
//!   département, situation) and rejected métiers are left out;
//! - the score is the Pearson correlation between the person's known theme
//!   scores and the métier's RIASEC values on the same themes;
//! - buckets: "Très proche" from [`TRES_PROCHE`], "Proche" from [`PROCHE`],
//!   otherwise "À explorer";
//! - a flat profile is not correlated: métiers are ranked by their mean value on
//!   the person's highest themes (ties included), all in "À explorer".

pub mod proches;

use std::collections::HashSet;

use serde::Serialize;

use crate::content::{Content, Metier, Questionnaire, Theme, Voie};
use crate::parcours;
use crate::quiz::{Answers, Profile};

/// Correlation from which a métier is "Très proche".
pub const TRES_PROCHE: f64 = 0.6;
/// Correlation from which a métier is "Proche".
pub const PROCHE: f64 = 0.3;
/// A métier value (1–7) from which a theme counts as strong in the métier.
pub const THEME_FORT: u8 = 5;
/// At most this many liked items are given as reasons.
pub const MAX_ITEMS: usize = 3;
/// Weight of the affinity for the métier's own activities in the score (see
/// [`affinite`]); the profile's correlation weighs the rest.
pub const POIDS_AFFINITE: f64 = 0.35;

/// Filters chosen by the person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Highest level of studies the person aims at (3–8).
    pub niveau_max: Option<u8>,
    pub apprentissage_seulement: bool,
    /// Domain letter.
    pub domaine: Option<String>,
    /// Département code where a formation of the métier must exist.
    pub departement: Option<String>,
    /// Situation id: only métiers reachable from it.
    pub situation: Option<String>,
    /// Only métiers with a published recruitment figure in Normandy.
    pub recrute: bool,
}

/// A filter a result satisfies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Satisfied {
    Niveau(u8),
    Apprentissage,
    Domaine(String),
    Departement(String),
    Situation(String),
    Recrute,
}

/// How close a métier is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    TresProche,
    Proche,
    AExplorer,
}

/// How the list was ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Pearson correlation of the profiles.
    Correlation,
    /// Flat profile: mean value of the métier on the person's highest themes.
    HighestThemes,
}

/// Why a métier is suggested.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reasons {
    /// The person's top themes that are strong in the métier.
    pub themes: Vec<Theme>,
    /// Ids of the items the person liked most among those themes.
    pub items: Vec<String>,
    pub filters: Vec<Satisfied>,
}

/// One suggested métier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match<'a> {
    #[serde(serialize_with = "metier_id")]
    pub metier: &'a Metier,
    /// Correlation (−1 to 1), or the fallback score (0 to 1).
    pub score: f64,
    pub bucket: Bucket,
    pub reasons: Reasons,
}

fn metier_id<S: serde::Serializer>(m: &&Metier, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&m.id)
}

/// The ranked list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results<'a> {
    pub method: Method,
    pub matches: Vec<Match<'a>>,
}

/// Pearson correlation of two series; `None` when either has no variance.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len().min(y.len());
    if n < 2 {
        return None;
    }
    let mean = |v: &[f64]| v[..n].iter().sum::<f64>() / n as f64;
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (dx, dy) = (x[i] - mx, y[i] - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx <= f64::EPSILON || syy <= f64::EPSILON {
        return None;
    }
    Some(sxy / (sxx.sqrt() * syy.sqrt()))
}

/// The filters a métier satisfies, or `None` if it fails one.
pub fn check_filters(
    content: &Content,
    metier: &Metier,
    filters: &Filters,
) -> Option<Vec<Satisfied>> {
    let mut ok = Vec::new();
    if let Some(n) = filters.niveau_max {
        if metier.niveau_min > n {
            return None;
        }
        ok.push(Satisfied::Niveau(n));
    }
    if filters.apprentissage_seulement {
        let by_apprenticeship = metier.apprentissage
            && metier
                .formations
                .iter()
                .filter_map(|id| content.formation(id))
                .any(|f| f.has_voie(Voie::Apprentissage));
        if !by_apprenticeship {
            return None;
        }
        ok.push(Satisfied::Apprentissage);
    }
    if let Some(d) = &filters.domaine {
        if &metier.domaine != d {
            return None;
        }
        ok.push(Satisfied::Domaine(d.clone()));
    }
    if let Some(dep) = &filters.departement {
        let here = metier
            .formations
            .iter()
            .filter_map(|id| content.formation(id))
            .filter(|f| filters.niveau_max.is_none_or(|n| f.niveau <= n))
            .any(|f| {
                content.lieux(&f.id).any(|(e, o)| {
                    &e.departement == dep
                        && (!filters.apprentissage_seulement
                            || o.voies.contains(&Voie::Apprentissage))
                })
            });
        if !here {
            return None;
        }
        ok.push(Satisfied::Departement(dep.clone()));
    }
    if let Some(s) = &filters.situation {
        if !parcours::reachable(content, s, metier) {
            return None;
        }
        ok.push(Satisfied::Situation(s.clone()));
    }
    if filters.recrute {
        if !content.recrute(&metier.id) {
            return None;
        }
        ok.push(Satisfied::Recrute);
    }
    Some(ok)
}

/// Ranks the rich métiers. Same input, same output.
pub fn rank<'a>(
    content: &'a Content,
    profile: &Profile,
    answers: &Answers,
    filters: &Filters,
    rejected: &HashSet<String>,
) -> Results<'a> {
    let method = if profile.is_flat() {
        Method::HighestThemes
    } else {
        Method::Correlation
    };
    let code = profile.code();
    let top_themes = highest_themes(profile);
    let mut matches: Vec<Match<'a>> = content
        .metiers
        .iter()
        .filter(|m| !rejected.contains(&m.id))
        .filter_map(|m| {
            let satisfied = check_filters(content, m, filters)?;
            let aff = affinite(&content.questionnaire, answers, m);
            let (score, bucket) = match method {
                Method::Correlation => {
                    let (x, y): (Vec<f64>, Vec<f64>) = profile
                        .known()
                        .map(|(t, s)| (s, f64::from(m.riasec.get(t))))
                        .unzip();
                    let r = combine(pearson(&x, &y).unwrap_or(0.0), aff);
                    let bucket = if r >= TRES_PROCHE {
                        Bucket::TresProche
                    } else if r >= PROCHE {
                        Bucket::Proche
                    } else {
                        Bucket::AExplorer
                    };
                    (r, bucket)
                }
                Method::HighestThemes => {
                    let mean = if top_themes.is_empty() {
                        0.0
                    } else {
                        top_themes
                            .iter()
                            .map(|t| f64::from(m.riasec.get(*t)))
                            .sum::<f64>()
                            / top_themes.len() as f64
                    };
                    (combine((mean - 1.0) / 6.0, aff), Bucket::AExplorer)
                }
            };
            let themes_for_reasons = if method == Method::Correlation {
                &code
            } else {
                &top_themes
            };
            let reasons = reasons(
                &content.questionnaire,
                answers,
                m,
                themes_for_reasons,
                satisfied,
            );
            Some(Match {
                metier: m,
                score,
                bucket,
                reasons,
            })
        })
        .collect();
    matches.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.metier.id.cmp(&b.metier.id))
    });
    Results { method, matches }
}

/// The person's themes within [`crate::quiz::FLAT_SPREAD`]/3 of the best score (at least one).
fn highest_themes(profile: &Profile) -> Vec<Theme> {
    let ranked = profile.ranked();
    let Some(&(_, best)) = ranked.first() else {
        return Vec::new();
    };
    ranked
        .into_iter()
        .filter(|(_, s)| best - s <= crate::quiz::FLAT_SPREAD / 3.0)
        .map(|(t, _)| t)
        .collect()
}

/// How much the person liked the activities linked to the métier's domain
/// (items whose `domaines` name it), from −1 (all "Je n'aime pas du tout")
/// to 1 (all "J'adore"); `None` when they rated none of them.
pub fn affinite(q: &Questionnaire, answers: &Answers, m: &Metier) -> Option<f64> {
    let notes: Vec<f64> = answers
        .notes()
        .filter_map(|(id, n)| q.item(id).map(|i| (i, n)))
        .filter(|(i, _)| lie(i, m))
        .map(|(_, n)| (f64::from(n) - 2.0) / 2.0)
        .collect();
    (!notes.is_empty()).then(|| notes.iter().sum::<f64>() / notes.len() as f64)
}

/// The score: the profile's likeness, moved towards the affinity for the
/// métier's own activities when there is one.
pub fn combine(base: f64, affinite: Option<f64>) -> f64 {
    match affinite {
        Some(a) => (1.0 - POIDS_AFFINITE) * base + POIDS_AFFINITE * a,
        None => base,
    }
}

/// Whether an item is about the métier: one of its domains is the métier's.
fn lie(item: &crate::content::Item, m: &Metier) -> bool {
    item.domaines.iter().any(|d| d == &m.domaine)
}

fn reasons(
    q: &Questionnaire,
    answers: &Answers,
    m: &Metier,
    themes: &[Theme],
    filters: Vec<Satisfied>,
) -> Reasons {
    let strong: Vec<Theme> = themes
        .iter()
        .copied()
        .filter(|t| m.riasec.get(*t) >= THEME_FORT)
        .collect();
    // Items say why only when they are about this métier (its domain); a
    // questionnaire without links falls back to the métier's strong themes.
    let linked = q
        .item
        .iter()
        .chain(&q.item_adulte)
        .any(|i| !i.domaines.is_empty());
    let mut liked: Vec<(u8, usize, &str)> = q
        .item
        .iter()
        .chain(
            q.item_adulte
                .iter()
                .filter(|a| !q.item.iter().any(|i| i.id == a.id)),
        )
        .enumerate()
        .filter(|(_, item)| {
            if linked {
                lie(item, m)
            } else {
                strong.contains(&item.theme)
            }
        })
        .filter_map(|(pos, item)| match answers.get(&item.id) {
            Some(crate::quiz::Answer::Note(n)) if n >= 3 => Some((n, pos, item.id.as_str())),
            _ => None,
        })
        .collect();
    liked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    Reasons {
        themes: strong,
        items: liked
            .into_iter()
            .take(MAX_ITEMS)
            .map(|(_, _, id)| id.to_string())
            .collect(),
        filters,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pearson_known_values() {
        let r = pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]).unwrap_or(0.0);
        assert!((r - 1.0).abs() < 1e-12);
        let r = pearson(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]).unwrap_or(0.0);
        assert!((r + 1.0).abs() < 1e-12);
        assert_eq!(pearson(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
        assert_eq!(pearson(&[1.0], &[1.0]), None);
        // Hand-computed: x = 1,2,3,4 ; y = 1,3,2,4 -> r = 0.8
        let r = pearson(&[1.0, 2.0, 3.0, 4.0], &[1.0, 3.0, 2.0, 4.0]).unwrap_or(0.0);
        assert!((r - 0.8).abs() < 1e-12);
        // The worked example of docs/methode.md.
        let r = pearson(
            &[90.0, 62.5, 25.0, 40.0, 25.0, 60.0],
            &[7.0, 3.0, 1.0, 2.0, 2.0, 4.0],
        )
        .unwrap_or(0.0);
        assert!((r - 0.941).abs() < 5e-4, "{r}");
    }
}
