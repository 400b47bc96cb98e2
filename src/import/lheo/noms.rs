//! Names in an LHEO file made into Boussole's: the département of a place,
//! its commune, its type guessed from its name, ids and titles compared.

use super::Lieu;
use crate::content::TypeEtablissement;
use crate::search::fold;

/// Département of a place: its `<departement>`, else from its postcode.
pub(super) fn departement(lieu: &Lieu) -> String {
    let d = lieu.departement.trim();
    if !d.is_empty() {
        return if d.len() == 1 {
            format!("0{d}")
        } else {
            d.to_string()
        };
    }
    let cp = lieu.codepostal.trim();
    match cp.get(..2) {
        Some("97") => cp.get(..3).unwrap_or("97").to_string(),
        Some(two) => two.to_string(),
        None => String::new(),
    }
}

/// A commune as written in capitals ("SAINT-ÉTIENNE-DU-ROUVRAY") in the usual case.
pub(super) fn commune(ville: &str) -> String {
    let v = ville.trim();
    if v.chars().any(|c| c.is_lowercase()) {
        return v.to_string();
    }
    const SMALL: [&str; 12] = [
        "de", "du", "des", "la", "le", "les", "sur", "sous", "en", "lès", "lez", "et",
    ];
    let mut out = String::with_capacity(v.len());
    let mut word = String::new();
    let mut first = true;
    let flush = |word: &mut String, out: &mut String, first: &mut bool| {
        if word.is_empty() {
            return;
        }
        let lower = word.to_lowercase();
        if !*first && SMALL.contains(&lower.as_str()) {
            out.push_str(&lower);
        } else {
            let mut cs = lower.chars();
            if let Some(c) = cs.next() {
                out.extend(c.to_uppercase());
                out.push_str(cs.as_str());
            }
        }
        *first = false;
        word.clear();
    };
    for c in v.chars() {
        if c == '-' || c == ' ' || c == '\'' {
            flush(&mut word, &mut out, &mut first);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out, &mut first);
    out
}

/// The establishment's type, when its official name says it; otherwise
/// "organisme de formation".
pub(super) fn type_du_nom(nom: &str) -> TypeEtablissement {
    let f = fold(nom).text;
    let starts = |p: &str| f.starts_with(p);
    if starts("lycee professionnel") || starts("lp ") {
        TypeEtablissement::LyceeProfessionnel
    } else if starts("lycee agricole")
        || starts("lpa ")
        || starts("legta")
        || starts("lycee d'enseignement general et technologique agricole")
    {
        TypeEtablissement::LyceeAgricole
    } else if starts("lycee polyvalent") {
        TypeEtablissement::LyceePolyvalent
    } else if starts("lycee general et technologique") || starts("lgt ") {
        TypeEtablissement::LyceeGeneralTechnologique
    } else if starts("cfa") || starts("centre de formation d'apprentis") {
        TypeEtablissement::Cfa
    } else if starts("mfr") || starts("maison familiale") {
        TypeEtablissement::MaisonFamilialeRurale
    } else if starts("iut") || starts("institut universitaire de technologie") {
        TypeEtablissement::Iut
    } else if starts("universite") {
        TypeEtablissement::Universite
    } else if starts("greta") {
        TypeEtablissement::Greta
    } else if starts("afpa") {
        TypeEtablissement::Afpa
    } else {
        TypeEtablissement::Organisme
    }
}

/// A slug for ids: lower-case ASCII words joined by hyphens.
pub fn slug(s: &str) -> String {
    let folded = fold(s).text;
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A title for strict comparison: folded, punctuation gone, the usual long
/// forms of diploma names shortened, small words dropped.
pub fn titre_normalise(titre: &str) -> String {
    let mut t = fold(titre).text;
    for (long, short) in [
        ("baccalaureat professionnel", "bac pro"),
        ("baccalaureat pro", "bac pro"),
        ("bac professionnel", "bac pro"),
        ("brevet de technicien superieur agricole", "btsa"),
        ("brevet de technicien superieur", "bts"),
        ("certificat d'aptitude professionnelle agricole", "capa"),
        ("cap agricole", "capa"),
        ("certificat d'aptitude professionnelle", "cap"),
        ("brevet professionnel", "bp"),
        ("bachelor universitaire de technologie", "but"),
        ("titre professionnel", "tp"),
        ("diplome d'etat", "de"),
        ("licence professionnelle", "licence pro"),
    ] {
        t = t.replace(long, short);
    }
    const SMALL: [&str; 13] = [
        "de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "a", "au", "aux",
    ];
    t.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !SMALL.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}
