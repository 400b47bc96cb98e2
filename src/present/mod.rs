//! The French wording of the domain, shared by the terminal guide, the plain
//! mode (`--plain` commands and the dialogue) and the exported summary:
//! levels, ways of study, durations, routes, how close a métier is, why it was
//! proposed, dates and amounts. One wording, one place; the screens' own texts
//! stay in `tui::strings`.

use crate::content::{Content, Voie};
use crate::matching::{Bucket, Reasons, Satisfied};
use crate::parcours::{Etape, Mode, Route};

/// "niveau 3 = CAP"
pub fn niveau(n: u8) -> &'static str {
    match n {
        0 => "pas encore de diplôme",
        3 => "niveau 3 = CAP",
        4 => "niveau 4 = bac, BP",
        5 => "niveau 5 = bac+2 (BTS…)",
        6 => "niveau 6 = bac+3 (licence, BUT…)",
        7 => "niveau 7 = bac+5 (master, ingénieur)",
        8 => "niveau 8 = doctorat",
        _ => "niveau inconnu",
    }
}

/// Short name of a level, for filters: "bac+2".
pub fn niveau_vise(n: u8) -> &'static str {
    match n {
        3 => "CAP",
        4 => "bac",
        5 => "bac+2",
        6 => "bac+3",
        7 => "bac+5",
        8 => "doctorat",
        _ => "?",
    }
}

/// "18 mois", "1 an", "2 ans".
pub fn duree_mois(m: u32) -> String {
    match m {
        1 => "1 mois".to_string(),
        m if m % 12 == 0 => {
            let ans = m / 12;
            if ans == 1 {
                "1 an".to_string()
            } else {
                format!("{ans} ans")
            }
        }
        m => format!("{m} mois"),
    }
}

pub fn voie(v: Voie) -> &'static str {
    match v {
        Voie::Scolaire => "scolaire",
        Voie::Apprentissage => "apprentissage",
        Voie::Continue => "formation continue",
        Voie::Vae => "VAE",
    }
}

/// How close a métier is to the person's profile.
pub fn bucket(b: Bucket) -> &'static str {
    match b {
        Bucket::TresProche => "Très proche",
        Bucket::Proche => "Proche",
        Bucket::AExplorer => "À explorer",
    }
}

pub const PARCOURS_APPRENTISSAGE: &str = "possible en apprentissage";
pub const PARCOURS_TOUT_APPRENTISSAGE: &str = "tout en apprentissage";
pub const PARCOURS_VAE: &str = "par la VAE";
pub const PARCOURS_DUREE_EXPERIENCE: &str = "durée selon l'expérience";

/// How long a route takes: "3 ans", or "durée selon l'expérience" (VAE).
pub fn duree_parcours(duree: Option<u32>) -> String {
    duree.map_or(PARCOURS_DUREE_EXPERIENCE.to_string(), duree_mois)
}

/// One step in words: "CAP Cuisine (2 ans, possible en apprentissage)".
pub fn etape(e: &Etape<'_>) -> String {
    let f = e.formation;
    match e.mode {
        Mode::Vae => format!("{} {PARCOURS_VAE}", f.intitule),
        Mode::Formation if f.has_voie(Voie::Apprentissage) => format!(
            "{} ({}, {PARCOURS_APPRENTISSAGE})",
            f.intitule,
            duree_mois(u32::from(f.duree_mois))
        ),
        Mode::Formation => format!("{} ({})", f.intitule, duree_mois(u32::from(f.duree_mois))),
    }
}

/// A route's steps in words: "CAP Cuisine (2 ans), puis BP Cuisinier (2 ans)".
pub fn etapes(r: &Route<'_>) -> String {
    let steps: Vec<String> = r.etapes.iter().map(etape).collect();
    steps.join(", puis ")
}

/// A whole route in words: its steps, how long, whether all by apprenticeship.
pub fn parcours(r: &Route<'_>) -> String {
    let mut text = format!("{} — {}", etapes(r), duree_parcours(r.duree_mois));
    if r.duree_mois.is_some() {
        text.push_str(" en tout");
    }
    if r.tout_apprentissage {
        text.push_str(" — ");
        text.push_str(PARCOURS_TOUT_APPRENTISSAGE);
    }
    text
}

pub const RAISON_THEMES: &str = "Tu aimes";
pub const RAISON_ITEMS: &str = "Tu as aimé";
pub const RAISON_FILTRES: &str = "Il remplit tes filtres";
pub const RAISON_PROFIL: &str = "Son profil ressemble au tien.";
pub const RAISON_CORRELATION: &str = "Ressemblance avec ton profil";
pub const FILTRE_NIVEAU: &str = "Niveau visé";
pub const FILTRE_APPRENTISSAGE: &str = "Accessible en apprentissage";
pub const FILTRE_DOMAINE: &str = "Domaine";
pub const FILTRE_DEPARTEMENT: &str = "Département";
pub const FILTRE_SITUATION: &str = "Accessible depuis ta situation";

/// "Ressemblance avec ton profil : 72 %"
pub fn ressemblance(score: f64) -> String {
    format!(
        "{RAISON_CORRELATION} : {:.0} %",
        (score.max(0.0) * 100.0).round()
    )
}

/// A filter the métier satisfies: "Niveau visé : bac".
pub fn filtre(content: &Content, f: &Satisfied) -> String {
    match f {
        Satisfied::Niveau(n) => format!("{FILTRE_NIVEAU} : {}", niveau_vise(*n)),
        Satisfied::Apprentissage => FILTRE_APPRENTISSAGE.to_string(),
        Satisfied::Domaine(d) => format!(
            "{FILTRE_DOMAINE} : {}",
            content
                .domaine(d)
                .map_or(d.as_str(), |x| x.libelle.as_str())
        ),
        Satisfied::Departement(d) => format!(
            "{FILTRE_DEPARTEMENT} : {}",
            crate::content::departement_label(d)
        ),
        Satisfied::Situation(id) => format!(
            "{FILTRE_SITUATION} : {}",
            content
                .situation(id)
                .map_or(id.as_str(), |x| x.libelle.as_str())
        ),
    }
}

/// Why a métier was proposed, in one paragraph (the plain mode, the summary):
/// "Tu aimes « faire, fabriquer » et « aider ». Tu as aimé « Réparer un vélo ».
/// Niveau visé : bac." The terminal guide lays the same parts out in lines.
pub fn raisons(content: &Content, reasons: &Reasons) -> String {
    let mut parts = Vec::new();
    if !reasons.themes.is_empty() {
        let names: Vec<String> = reasons
            .themes
            .iter()
            .map(|t| {
                let name = content
                    .questionnaire
                    .theme_info(*t)
                    .map_or(t.letter().to_string(), |i| i.nom.to_lowercase());
                format!("« {name} »")
            })
            .collect();
        parts.push(format!("{RAISON_THEMES} {}", names.join(" et ")));
    }
    let items: Vec<&str> = content.questionnaire.item_texts(&reasons.items).collect();
    if !items.is_empty() {
        parts.push(format!("{RAISON_ITEMS} « {} »", items.join(" », « ")));
    }
    parts.extend(reasons.filters.iter().map(|f| filtre(content, f)));
    if parts.is_empty() {
        RAISON_PROFIL.to_string()
    } else {
        format!("{}.", parts.join(". "))
    }
}

/// 1823.03 -> "1 823,03"
pub fn euros(x: f64) -> String {
    let cents = (x * 100.0).round() as i64;
    let (units, cents) = (cents / 100, cents % 100);
    let digits = units.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(ch);
    }
    format!("{grouped},{cents:02}")
}

/// The minimum pay of an apprentice: "27 % du SMIC, soit au moins 492,22 €
/// brut par mois (SMIC au 1er janvier 2026)".
pub fn salaire(taux: u8, montant: f64, date: &str) -> String {
    format!(
        "{taux} % du SMIC, soit au moins {} € brut par mois (SMIC au {})",
        euros(montant),
        date_fr(date)
    )
}

/// "2026-01-01" -> "1er janvier 2026"
pub fn date_fr(iso: &str) -> String {
    const MOIS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let parts: Vec<&str> = iso.split('-').collect();
    let (Some(y), Some(m), Some(d)) = (parts.first(), parts.get(1), parts.get(2)) else {
        return iso.to_string();
    };
    let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.parse::<u32>()) else {
        return iso.to_string();
    };
    let Some(mois) = MOIS.get(m.wrapping_sub(1)) else {
        return iso.to_string();
    };
    let jour = if d == 1 {
        "1er".to_string()
    } else {
        d.to_string()
    };
    format!("{jour} {mois} {y}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_formats() {
        assert_eq!(euros(1823.03), "1 823,03");
        assert_eq!(euros(492.2181), "492,22");
        assert_eq!(date_fr("2026-01-01"), "1er janvier 2026");
        assert_eq!(date_fr("2019-12-25"), "25 décembre 2019");
        assert_eq!(date_fr("n'importe"), "n'importe");
        assert_eq!(duree_mois(24), "2 ans");
        assert_eq!(duree_mois(18), "18 mois");
        assert_eq!(duree_parcours(None), "durée selon l'expérience");
    }
}
