//! Métiers proches: from the job a person does today (a rich fiche or any
//! ROME fiche) to the métiers near it — same domain, same ROME family, a
//! similar interest profile, formations in common — each with the shortest
//! route an adult can take (VAE first, then titres professionnels and
//! formation continue).

use serde::Serialize;

use crate::content::{Content, FicheRome, Formation, Metier};
use crate::parcours::{self, Demande, Route};

/// The job a person does today.
#[derive(Debug, Clone, Copy)]
pub enum Depuis<'a> {
    Metier(&'a Metier),
    Rome(&'a FicheRome),
}

impl<'a> Depuis<'a> {
    /// A rich fiche by id, else a ROME fiche by code.
    pub fn trouver(content: &'a Content, id: &str) -> Option<Depuis<'a>> {
        content.metier(id).map(Depuis::Metier).or_else(|| {
            content
                .fiche_rome(&id.to_ascii_uppercase())
                .map(Depuis::Rome)
        })
    }

    fn codes(&self) -> Vec<&'a str> {
        match self {
            Depuis::Metier(m) => m.rome.iter().map(String::as_str).collect(),
            Depuis::Rome(r) => vec![r.code.as_str()],
        }
    }

    fn domaine(&self) -> &'a str {
        match self {
            Depuis::Metier(m) => m.domaine.as_str(),
            Depuis::Rome(r) => r.code.get(..1).unwrap_or(""),
        }
    }
}

/// Why a métier is near the current one: what carries over.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lien {
    /// Same ROME domain (first letter).
    MemeDomaine,
    /// Same ROME family (first three characters of a code).
    MemeFamille,
    /// Similar interest profiles (correlation, 0 to 1).
    ProfilProche(f64),
    /// Formations of both métiers: what the person may already have.
    FormationsCommunes(Vec<String>),
}

/// A métier near the current one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proche<'a> {
    #[serde(serialize_with = "metier_id")]
    pub metier: &'a Metier,
    pub score: f64,
    pub liens: Vec<Lien>,
    /// The shortest route for an adult with experience.
    #[serde(skip)]
    pub route: Option<Route<'a>>,
}

fn metier_id<S: serde::Serializer>(m: &&Metier, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&m.id)
}

/// The `max` métiers nearest to `depuis`, nearest first. Same input, same
/// output.
pub fn proches<'a>(content: &'a Content, depuis: Depuis<'a>, max: usize) -> Vec<Proche<'a>> {
    let codes = depuis.codes();
    let familles: Vec<&str> = codes.iter().filter_map(|c| c.get(..3)).collect();
    let (moi, mes_formations): (Option<&Metier>, &[String]) = match depuis {
        Depuis::Metier(m) => (Some(m), m.formations.as_slice()),
        Depuis::Rome(_) => (None, &[]),
    };
    let mut out: Vec<Proche<'a>> = content
        .metiers
        .iter()
        .filter(|m| moi.is_none_or(|me| me.id != m.id))
        .filter_map(|m| {
            let mut liens = Vec::new();
            let mut score = 0.0;
            if m.domaine == depuis.domaine() {
                score += 0.3;
                liens.push(Lien::MemeDomaine);
            }
            if m.rome
                .iter()
                .any(|c| c.get(..3).is_some_and(|f| familles.contains(&f)))
            {
                score += 0.3;
                liens.push(Lien::MemeFamille);
            }
            if let Some(me) = moi {
                let x: Vec<f64> = me.riasec.values().iter().map(|v| f64::from(*v)).collect();
                let y: Vec<f64> = m.riasec.values().iter().map(|v| f64::from(*v)).collect();
                let r = super::pearson(&x, &y).unwrap_or(0.0);
                if r >= super::PROCHE {
                    score += 0.3 * r;
                    liens.push(Lien::ProfilProche(r));
                }
            }
            let communes: Vec<String> = m
                .formations
                .iter()
                .filter(|f| mes_formations.contains(f))
                .cloned()
                .collect();
            if !communes.is_empty() {
                score += 0.1 * communes.len().min(3) as f64;
                liens.push(Lien::FormationsCommunes(communes));
            }
            (score > 0.0).then_some(Proche {
                metier: m,
                score,
                liens,
                route: None,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.metier.id.cmp(&b.metier.id))
    });
    out.truncate(max);
    for p in &mut out {
        let demande = Demande {
            situation: "adulte-salarie",
            age: None,
            tous: false,
        };
        p.route = parcours::routes_pour(content, &demande, p.metier, 1)
            .into_iter()
            .next();
    }
    out
}

/// The formations a "formations in common" link names, for display.
pub fn formations_de<'a>(content: &'a Content, ids: &[String]) -> Vec<&'a Formation> {
    ids.iter().filter_map(|id| content.formation(id)).collect()
}
