//! Apprenticeship rules: ages, pay bands, SMIC and its date.

use super::super::Records;
use super::super::diag::Sink;
use super::super::parse::{Step, span_at};
use Step::{Index, Key};

use super::slug;

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}

pub(super) fn check_apprentissage(r: &Records<'_>, sink: &mut Sink) {
    let Some(file) = r.apprentissage_file else {
        return;
    };
    let at = |path: &[Step<'_>]| {
        file.get(match path[0] {
            Key(k) => k,
            Index(_) => "",
        })
        .map_or(0..0, |n| span_at(n, &path[1..]))
    };
    if let Some(smic) = &r.smic {
        if !is_date(&smic.date) {
            sink.error(
                &file.file,
                at(&[Key("smic"), Key("date")]),
                "date au format AAAA-MM-JJ attendue",
            );
        }
        // Positive, finite and plausible (inf, 1e308 or a typo would make
        // every amount shown absurd).
        let plausible = |v: f64, max: f64| v.is_finite() && v > 0.0 && v <= max;
        if !(plausible(smic.horaire_brut, 1_000.0) && plausible(smic.mensuel_brut, 100_000.0)) {
            sink.error(
                &file.file,
                at(&[Key("smic")]),
                "les montants du SMIC doivent être positifs et réalistes (au plus 1 000 € de l'heure et 100 000 € par mois)",
            );
        }
    }
    if let Some(rem) = &r.remuneration {
        if !is_date(&rem.date) {
            sink.error(
                &file.file,
                at(&[Key("remuneration"), Key("date")]),
                "date au format AAAA-MM-JJ attendue",
            );
        }
        for (i, t) in rem.tranche.iter().enumerate() {
            let here = at(&[Key("remuneration"), Key("tranche"), Index(i)]);
            if t.taux.is_empty() || t.taux.len() > 4 || t.taux.iter().any(|x| *x == 0 || *x > 100) {
                sink.error(
                    &file.file,
                    here.clone(),
                    "« taux » : de 1 à 4 pourcentages du SMIC, chacun de 1 à 100",
                );
            }
            let years = rem.tranche[0].taux.len();
            if i > 0 && t.taux.len() != years && !t.taux.is_empty() {
                sink.error(
                    &file.file,
                    here.clone(),
                    format!(
                        "« taux » : {} pourcentages ici, {years} dans la première tranche ; chaque tranche donne un taux par année de contrat",
                        t.taux.len()
                    ),
                );
            }
            if t.age_max.is_some_and(|max| max < t.age_min) {
                sink.error(&file.file, here, "age_max est plus petit que age_min");
            }
        }
    }
    for regle in &r.regles {
        slug(sink, regle, &regle.value.id);
        if !is_date(&regle.value.date) {
            regle.error(sink, &[Key("date")], "date au format AAAA-MM-JJ attendue");
        }
    }
}
