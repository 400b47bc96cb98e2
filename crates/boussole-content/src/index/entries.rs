//! The entries of the search index, made from the content. Also used by
//! build.rs, which compiles the bundled content's entries into the binary.

use serde::{Deserialize, Serialize};

use super::fold::fold;
use crate::model::{Content, Voie};

/// What a result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A way to pay for a training (shown first: few, and what "vae", "cpf"
    /// or "reconversion" mean).
    Dispositif,
    /// A rich métier fiche.
    Metier,
    /// A formation.
    Formation,
    /// A short ROME fiche.
    Rome,
    /// A place where formations are taught.
    Etablissement,
}

/// One searchable thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub kind: Kind,
    pub id: String,
    pub label: String,
    /// The label, folded.
    pub folded: String,
    /// Other words that find this entry (keywords, formation type), folded
    /// and joined with " / " so that one matcher call covers them all.
    pub others: String,
    /// Codes that find this entry by prefix (ROME, RNCP), lower case.
    pub codes: Vec<String>,
    /// Words that find a formation by its routes (see `voie_words`), only as
    /// whole words and below its title and keywords.
    pub routes: Vec<String>,
}

/// Every entry: rich métiers, formations, establishments, then ROME fiches.
pub fn entries(content: &Content) -> Vec<Entry> {
    let mut out = Vec::with_capacity(
        content.metiers.len()
            + content.rome.len()
            + content.formations.len()
            + content.etablissements.len(),
    );
    for m in &content.metiers {
        let label = m.titre.both();
        out.push(Entry {
            kind: Kind::Metier,
            id: m.id.clone(),
            folded: fold(&label).text,
            label,
            others: m
                .mots_cles
                .iter()
                .map(|k| fold(k).text)
                .collect::<Vec<_>>()
                .join(" / "),
            codes: m.rome.iter().map(|c| c.to_ascii_lowercase()).collect(),
            routes: Vec::new(),
        });
    }
    for f in &content.formations {
        let others: Vec<&str> = std::iter::once(f.kind.as_str())
            .chain(f.mots_cles.iter().map(String::as_str))
            .collect();
        out.push(Entry {
            kind: Kind::Formation,
            id: f.id.clone(),
            folded: fold(&f.intitule).text,
            label: f.intitule.clone(),
            others: others
                .iter()
                .map(|k| fold(k).text)
                .collect::<Vec<_>>()
                .join(" / "),
            codes: f.rncp.iter().map(|r| r.to_ascii_lowercase()).collect(),
            routes: f
                .voies
                .iter()
                .flat_map(|v| voie_words(*v).iter().map(|w| w.to_string()))
                .collect(),
        });
    }
    for e in &content.etablissements {
        let label = format!("{}, {}", e.nom, e.commune);
        let mut others = vec![
            fold(e.kind.libelle()).text,
            fold(&crate::model::departement_label(&e.departement)).text,
        ];
        if e.kind == crate::model::TypeEtablissement::Cfa {
            others.push("apprentissage / alternance".to_string());
        }
        out.push(Entry {
            kind: Kind::Etablissement,
            id: e.id.clone(),
            folded: fold(&label).text,
            label,
            others: others.join(" / "),
            codes: e.uai.iter().map(|u| u.to_ascii_lowercase()).collect(),
            routes: Vec::new(),
        });
    }
    for d in &content.financement {
        out.push(Entry {
            kind: Kind::Dispositif,
            id: d.id.clone(),
            folded: fold(&d.nom).text,
            label: d.nom.clone(),
            others: d
                .mots_cles
                .iter()
                .map(|k| fold(k).text)
                .collect::<Vec<_>>()
                .join(" / "),
            codes: Vec::new(),
            routes: Vec::new(),
        });
    }
    for r in &content.rome {
        out.push(Entry {
            kind: Kind::Rome,
            id: r.code.clone(),
            folded: fold(&r.libelle).text,
            label: r.libelle.clone(),
            others: String::new(),
            codes: vec![r.code.to_ascii_lowercase()],
            routes: Vec::new(),
        });
    }
    out
}

/// The words that find a formation by one of its routes, folded:
/// "alternance" and "apprentissage" find those open to apprentices, "vae"
/// those one can get through the validation des acquis de l'expérience.
pub fn voie_words(voie: Voie) -> &'static [&'static str] {
    match voie {
        Voie::Apprentissage => &["apprentissage", "alternance"],
        Voie::Vae => &["vae"],
        Voie::Scolaire | Voie::Continue => &[],
    }
}
