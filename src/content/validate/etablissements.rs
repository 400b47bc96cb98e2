//! Establishments: ids, UAI codes, offers of known formations by their routes.

use std::collections::{HashMap, HashSet};

use super::super::Records;
use super::super::diag::Sink;
use super::super::model::Voie;
use super::super::parse::Step;
use Step::{Index, Key};

use super::slug;

/// Whether a UAI code has its form: 7 digits and a capital letter.
pub fn is_uai(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 8 && b[..7].iter().all(u8::is_ascii_digit) && b[7].is_ascii_uppercase()
}

pub(super) fn check_etablissements(r: &Records<'_>, sink: &mut Sink) {
    let formations: HashMap<&str, &super::super::Formation> = r
        .formations
        .iter()
        .map(|f| (f.value.id.as_str(), &f.value))
        .collect();
    for e in &r.etablissements {
        let v = &e.value;
        slug(sink, e, &v.id);
        if !super::super::is_departement_code(&v.departement) {
            e.error(
                sink,
                &[Key("departement")],
                format!(
                    "département « {} » : un code de département français (14, 27, 50, 61 ou 76 en Normandie)",
                    v.departement
                ),
            );
        }
        if let Some(uai) = &v.uai
            && !is_uai(uai)
        {
            e.error(
                sink,
                &[Key("uai")],
                format!("code UAI mal formé « {uai} » (attendu : 7 chiffres et une lettre majuscule, par exemple 0141274A)"),
            );
        }
        if let Some(site) = &v.site
            && !(site.starts_with("https://") || site.starts_with("http://"))
        {
            e.error(
                sink,
                &[Key("site")],
                "le site commence par https:// (ou http://)",
            );
        }
        if let Some(tel) = &v.telephone
            && !tel
                .chars()
                .all(|ch| ch.is_ascii_digit() || ch == ' ' || ch == '+')
        {
            e.error(
                sink,
                &[Key("telephone")],
                "numéro de téléphone : seulement des chiffres et des espaces",
            );
        }
        if v.offre.is_empty() {
            e.error(
                sink,
                &[Key("offre")],
                "« offre » est vide : indiquez au moins une formation enseignée ici",
            );
        }
        if v.sources.is_empty() {
            e.error(
                sink,
                &[Key("sources")],
                "« sources » est vide : citez au moins une source",
            );
        }
        let mut seen: HashSet<&str> = HashSet::new();
        for (i, o) in v.offre.iter().enumerate() {
            if !seen.insert(o.formation.as_str()) {
                e.error(
                    sink,
                    &[Key("offre"), Index(i), Key("formation")],
                    format!("formation « {} » déjà citée dans cette offre", o.formation),
                );
            }
            let Some(f) = formations.get(o.formation.as_str()) else {
                if !r.incomplete.formations {
                    e.error(
                        sink,
                        &[Key("offre"), Index(i), Key("formation")],
                        format!("formation inconnue « {} »", o.formation),
                    );
                }
                continue;
            };
            if o.voies.is_empty() {
                e.error(
                    sink,
                    &[Key("offre"), Index(i), Key("voies")],
                    "« voies » est vide : scolaire, apprentissage ou continue",
                );
            }
            for (j, voie) in o.voies.iter().enumerate() {
                let problem = if *voie == Voie::Vae {
                    Some("la VAE n'est pas une voie de formation d'un établissement : scolaire, apprentissage ou continue".to_string())
                } else if !f.has_voie(*voie) {
                    Some(format!(
                        "« {} » ne se prépare pas par la voie « {} » (voies de la formation : {})",
                        o.formation,
                        voie.id(),
                        f.voies
                            .iter()
                            .map(|v| v.id())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                } else {
                    None
                };
                if let Some(message) = problem {
                    e.error(
                        sink,
                        &[Key("offre"), Index(i), Key("voies"), Index(j)],
                        message,
                    );
                }
            }
        }
    }
}
