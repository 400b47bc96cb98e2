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

/// A duration in years and months, as people say it: "8 mois", "1 an",
/// "3 ans", "1 an et 6 mois".
pub fn duree_mois(mois: u32) -> String {
    let (ans, reste) = (mois / 12, mois % 12);
    let ans_txt = match ans {
        0 => String::new(),
        1 => "1 an".to_string(),
        n => format!("{n} ans"),
    };
    let mois_txt = (reste > 0).then(|| format!("{reste} mois"));
    match (ans, mois_txt) {
        (0, Some(m)) => m,
        (0, None) => "0 mois".to_string(),
        (_, None) => ans_txt,
        (_, Some(m)) => format!("{ans_txt} et {m}"),
    }
}

/// The entry level of a métier: "sans diplôme" when it is open without one.
pub fn niveau_min(n: u8) -> &'static str {
    if n == 0 { "sans diplôme" } else { niveau(n) }
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
pub const PARCOURS_VAE: &str = "par la VAE";
pub const PARCOURS_DUREE_EXPERIENCE: &str = "durée selon l'expérience";

/// How long a step takes: "2 ans", or for the formation the person is
/// following "encore 1 an après cette année" / "à finir cette année".
pub fn duree_etape(e: &Etape<'_>) -> String {
    match (e.en_cours, e.duree_mois) {
        (true, 0) => "à finir cette année".to_string(),
        (true, m) => format!("encore {} après cette année", duree_mois(m)),
        (false, m) => duree_mois(m),
    }
}

/// How long a whole route takes: "3 ans en tout", "1 an après cette année",
/// "fini à la fin de cette année", or "durée selon l'expérience" (VAE).
pub fn duree_parcours(r: &Route<'_>) -> String {
    let Some(m) = r.duree_mois else {
        return PARCOURS_DUREE_EXPERIENCE.to_string();
    };
    match (r.etapes.first().is_some_and(|e| e.en_cours), m) {
        (true, 0) => "fini à la fin de cette année".to_string(),
        (true, m) => format!("{} après cette année", duree_mois(m)),
        (false, m) => format!("{} en tout", duree_mois(m)),
    }
}

/// One step in words: "CAP Cuisine (2 ans, possible en apprentissage)";
/// apprenticeship is told only when this person can take it.
pub fn etape(e: &Etape<'_>) -> String {
    let f = e.formation;
    match e.mode {
        Mode::Vae => format!("{} {PARCOURS_VAE}", f.intitule),
        Mode::Formation if e.apprentissage => format!(
            "{} ({}, {PARCOURS_APPRENTISSAGE})",
            f.intitule,
            duree_etape(e)
        ),
        Mode::Formation => format!("{} ({})", f.intitule, duree_etape(e)),
    }
}

/// A route's steps in words: "CAP Cuisine (2 ans), puis BP Cuisinier (2 ans)".
pub fn etapes(r: &Route<'_>) -> String {
    let steps: Vec<String> = r.etapes.iter().map(etape).collect();
    steps.join(", puis ")
}

/// A whole route in words: its steps, how long, whether this person can do
/// it all by apprenticeship.
pub fn parcours(r: &Route<'_>) -> String {
    let mut text = format!("{} — {}", etapes(r), duree_parcours(r));
    if r.apprentissage_possible {
        text.push_str(" — ");
        text.push_str(PARCOURS_APPRENTISSAGE);
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
pub const FILTRE_RECRUTE: &str = "Recrute en Normandie";
pub const FILTRE_SITUATION: &str = "Accessible depuis ta situation";

/// "Ressemblance avec ton profil : 72 %", or nothing when it rounds to 0 %:
/// a likeness of 0 % beside "Tu as aimé…" would contradict itself.
pub fn ressemblance(score: f64) -> Option<String> {
    let pct = (score * 100.0).round();
    (pct >= 1.0).then(|| format!("{RAISON_CORRELATION} : {pct:.0} %"))
}

/// A filter the métier satisfies: "Niveau visé : bac".
pub fn filtre(content: &Content, f: &Satisfied) -> String {
    match f {
        Satisfied::Niveau(n) => format!("{FILTRE_NIVEAU} : {}", niveau_vise(*n)),
        Satisfied::Apprentissage => FILTRE_APPRENTISSAGE.to_string(),
        Satisfied::Recrute => FILTRE_RECRUTE.to_string(),
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

/// What carries over from the current job to a métier near it.
pub fn lien_proche(content: &Content, lien: &crate::matching::proches::Lien) -> String {
    use crate::matching::proches::Lien;
    match lien {
        Lien::MemeDomaine => "même domaine de métiers".to_string(),
        Lien::MemeFamille => "même famille de métiers (ROME)".to_string(),
        Lien::ProfilProche(r) => format!(
            "activités qui plaisent aux mêmes personnes ({:.0} %)",
            (r * 100.0).round()
        ),
        Lien::FormationsCommunes(ids) => {
            let noms: Vec<&str> = crate::matching::proches::formations_de(content, ids)
                .iter()
                .map(|f| f.intitule.as_str())
                .collect();
            format!("formations en commun : {}", noms.join(", "))
        }
    }
}

/// "111 807" (a whole number with French thousands separators).
pub fn nombre(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(ch);
    }
    out
}

/// "En 2025, 111 807 projets de recrutement en Normandie, dont 53 % jugés
/// difficiles (BMO 2025)."
pub fn recrutement_enquete(e: &crate::content::Enquete) -> String {
    let mut t = format!(
        "En {}, {} projets de recrutement en Normandie",
        e.annee,
        nombre(e.projets)
    );
    if let Some(p) = e.part_difficiles {
        t.push_str(&format!(", dont {p} % jugés difficiles"));
    }
    let deps: Vec<String> = e
        .departements
        .iter()
        .map(|d| {
            format!(
                "{} : {}",
                crate::content::departement_label(&d.departement),
                nombre(d.projets)
            )
        })
        .collect();
    if !deps.is_empty() {
        t.push_str(&format!(" ({})", deps.join(", ")));
    }
    t.push_str(&format!(" — {}.", bmo(e)));
    t
}

fn bmo(e: &crate::content::Enquete) -> String {
    format!("BMO {}", e.annee)
}

/// One family's figure: "Vente, tourisme et services : 43 060 projets de
/// recrutement en 2025, 39 % du total (BMO 2025)."
pub fn recrutement_famille(f: &crate::content::Famille, e: &crate::content::Enquete) -> String {
    let mut parts = Vec::new();
    if let Some(n) = f.projets {
        parts.push(format!(
            "{}{} projets de recrutement en {}",
            if f.au_moins { "plus de " } else { "" },
            nombre(n),
            e.annee
        ));
    }
    if let Some(p) = f.part {
        parts.push(format!("{p} % du total de la région"));
    }
    if let Some(p) = f.part_difficiles {
        parts.push(format!("{p} % des projets jugés difficiles en {}", e.annee));
    }
    format!("{} : {} ({}).", f.libelle, parts.join(", "), bmo(e))
}

/// "2025-01" -> "janvier 2025" (a month of information); other text as it is.
pub fn mois_fr(ym: &str) -> String {
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
    match (
        ym.get(..4),
        ym.get(5..7).and_then(|m| m.parse::<usize>().ok()),
    ) {
        (Some(y), Some(m)) if (1..=12).contains(&m) && ym.len() == 7 => {
            format!("{} {y}", MOIS[m - 1])
        }
        _ => ym.to_string(),
    }
}

/// 1823.03 -> "1 823,03"
pub fn euros(x: f64) -> String {
    let cents = (x * 100.0).round() as i64;
    let (units, cents) = (cents / 100, cents % 100);
    let digits = units.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
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

/// Reasons for a list read aloud one after the other: a reason already given
/// word for word is not read again ("comme le 2"), and a last sentence every
/// reason shares (the situation) is said once, on the first.
pub fn sans_repetition(raisons: &[String]) -> Vec<String> {
    let derniere = |r: &str| {
        r.trim_end_matches('.')
            .rsplit_once(". ")
            .map(|(_, fin)| format!("{fin}."))
    };
    let commune = match raisons.first().and_then(|r| derniere(r)) {
        Some(fin) if raisons.len() > 1 && raisons.iter().all(|r| r.ends_with(&fin)) => Some(fin),
        _ => None,
    };
    let mut out: Vec<String> = Vec::with_capacity(raisons.len());
    for (i, r) in raisons.iter().enumerate() {
        let court = match (&commune, i) {
            (Some(fin), i) if i > 0 => r
                .strip_suffix(fin.as_str())
                .map_or(r.as_str(), str::trim_end)
                .to_string(),
            _ => r.clone(),
        };
        let deja = raisons[..i].iter().position(|p| p == r);
        out.push(match deja {
            Some(j) => format!("les mêmes raisons que le {}.", j + 1),
            None if court.is_empty() => r.clone(),
            None => court,
        });
    }
    out
}

/// The year of a dated fact (the latest year it names) when it is more than
/// three years before `annee` (0: unknown, nothing is flagged).
pub fn fait_ancien(texte: &str, annee: u16) -> Option<u16> {
    let latest = texte
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<u16>().ok())
        .filter(|y| (1990..=2100).contains(y))
        .max()?;
    (annee > 0 && annee.saturating_sub(latest) > 3).then_some(latest)
}

/// What to say under a fact from `annee`.
pub fn fait_ancien_note(annee: u16) -> String {
    format!("Information de {annee} : elle a peut-être changé depuis.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_more_than_three_years_old_are_flagged() {
        assert_eq!(
            fait_ancien("En 2020, 71 éoliennes (2022).", 2026),
            Some(2022)
        );
        assert_eq!(fait_ancien("BMO 2023", 2026), None);
        assert_eq!(fait_ancien("BMO 2020", 0), None);
        assert_eq!(fait_ancien("14 700 recrutements", 2026), None);
    }

    #[test]
    fn reasons_in_a_list_are_not_repeated_word_for_word() {
        let r = |t: &str| t.to_string();
        let raisons = [
            r("Tu aimes « faire ». Accessible depuis ta situation : 3e."),
            r("Tu aimes « aider ». Accessible depuis ta situation : 3e."),
            r("Tu aimes « faire ». Accessible depuis ta situation : 3e."),
        ];
        assert_eq!(
            sans_repetition(&raisons),
            vec![
                r("Tu aimes « faire ». Accessible depuis ta situation : 3e."),
                r("Tu aimes « aider »."),
                r("les mêmes raisons que le 1."),
            ]
        );
        // A last sentence that differs stays.
        let raisons = [r("A. B."), r("C. D.")];
        assert_eq!(sans_repetition(&raisons), raisons.to_vec());
    }

    #[test]
    fn french_formats() {
        assert_eq!(euros(1823.03), "1 823,03");
        assert_eq!(euros(492.2181), "492,22");
        assert_eq!(date_fr("2026-01-01"), "1er janvier 2026");
        assert_eq!(date_fr("2019-12-25"), "25 décembre 2019");
        assert_eq!(date_fr("n'importe"), "n'importe");
        assert_eq!(duree_mois(24), "2 ans");
        assert_eq!(duree_mois(18), "1 an et 6 mois");
        assert_eq!(duree_mois(8), "8 mois");
        let vae = Route {
            etapes: Vec::new(),
            duree_mois: None,
            apprentissage_possible: false,
        };
        assert_eq!(duree_parcours(&vae), "durée selon l'expérience");
    }
}
