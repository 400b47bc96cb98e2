//! The questionnaire: items, themes, scale, balanced counts for both forms.

use super::super::Records;
use super::super::diag::Sink;
use super::super::model::Theme;
use super::super::parse::{Rec, Step};
use Step::{Index, Key};

use super::{slug, unique};

pub(super) fn check_questionnaire(r: &Records<'_>, sink: &mut Sink) {
    let Some(file) = r.questionnaire_file else {
        return;
    };
    let mut valeurs: Vec<u8> = r.echelle.iter().map(|e| e.value.valeur).collect();
    valeurs.sort_unstable();
    if !r.echelle.is_empty() && valeurs != [0, 1, 2, 3, 4] {
        let span = file.get("echelle").map_or(0..0, |n| n.span());
        sink.error(
            &file.file,
            span,
            "l'échelle doit avoir les valeurs 0, 1, 2, 3 et 4, une fois chacune",
        );
    }
    let themes: Vec<Theme> = r.themes.iter().map(|t| t.value.code).collect();
    for (i, t) in r.themes.iter().enumerate() {
        if themes[..i].contains(&t.value.code) {
            t.error(
                sink,
                &[Key("code")],
                format!("thème « {} » en double", t.value.code.letter()),
            );
        }
    }
    for theme in Theme::ALL {
        if !r.themes.is_empty() && !themes.contains(&theme) {
            sink.error(
                &file.file,
                file.get("theme").map_or(0..0, |n| n.span()),
                format!("il manque la présentation du thème {}", theme.letter()),
            );
        }
        let items: Vec<_> = r.items.iter().filter(|i| i.value.theme == theme).collect();
        if !r.items.is_empty() && items.is_empty() {
            sink.error(
                &file.file,
                file.get("item").map_or(0..0, |n| n.span()),
                format!("aucun item pour le thème {}", theme.letter()),
            );
        } else if !items.is_empty() && !items.iter().any(|i| i.value.rapide) {
            sink.error(&file.file, items[0].node.span(), format!("aucun item « rapide » pour le thème {} : le questionnaire rapide ne pourrait pas le mesurer", theme.letter()));
        }
    }
    for i in r.items.iter().chain(&r.items_adulte) {
        slug(sink, i, &i.value.id);
        for (n, d) in i.value.domaines.iter().enumerate() {
            let known = r.domaines.iter().any(|x| &x.value.lettre == d);
            if !known && !r.incomplete.domaines {
                i.error(
                    sink,
                    &[Key("domaines"), Index(n)],
                    format!("domaine inconnu « {d} » (une lettre de A à N de domaines.toml)"),
                );
            }
        }
    }
    check_balance(&r.items, "item", file, sink);
    if !r.items_adulte.is_empty() {
        check_balance(&r.items_adulte, "item_adulte", file, sink);
        let count = |items: &[Rec<'_, super::super::Item>], t: Theme, quick: bool| {
            items
                .iter()
                .filter(|i| i.value.theme == t && (!quick || i.value.rapide))
                .count()
        };
        for t in Theme::ALL {
            for quick in [false, true] {
                let (school, adult) = (count(&r.items, t, quick), count(&r.items_adulte, t, quick));
                if school != adult {
                    sink.error(
                        &file.file,
                        file.get("item_adulte").map_or(0..0, |n| n.span()),
                        format!(
                            "thème {} : {adult} items{} pour les adultes, {school} pour les élèves ; il en faut autant",
                            t.letter(),
                            if quick { " rapides" } else { "" }
                        ),
                    );
                }
            }
        }
        unique(sink, &r.items_adulte, "id", |i| i.id.clone());
        for a in &r.items_adulte {
            if let Some(s) = r.items.iter().find(|s| s.value.id == a.value.id)
                && (s.value.texte != a.value.texte
                    || s.value.theme != a.value.theme
                    || s.value.rapide != a.value.rapide)
            {
                a.error(
                    sink,
                    &[Key("id")],
                    format!(
                        "« {} » existe aussi chez les élèves avec un autre texte, thème ou « rapide » : un item repris garde tout, sinon prenez un autre identifiant",
                        a.value.id
                    ),
                );
            }
        }
    }
}

/// Every theme has as many items, and as many quick items, as the others.
pub(super) fn check_balance(
    items: &[Rec<'_, super::super::Item>],
    key: &str,
    file: &super::super::ParsedFile<'_>,
    sink: &mut Sink,
) {
    if items.is_empty() {
        return;
    }
    let counts: Vec<(Theme, usize, usize)> = Theme::ALL
        .iter()
        .map(|t| {
            let of = items.iter().filter(|i| i.value.theme == *t);
            (
                *t,
                of.clone().count(),
                of.filter(|i| i.value.rapide).count(),
            )
        })
        .collect();
    let (_, n0, q0) = counts[0];
    if counts.iter().any(|(_, n, q)| *n != n0 || *q != q0) {
        let detail: Vec<String> = counts
            .iter()
            .map(|(t, n, q)| format!("{} {n} ({q} rapides)", t.letter()))
            .collect();
        sink.error(
            &file.file,
            file.get(key).map_or(0..0, |n| n.span()),
            format!(
                "les thèmes n'ont pas autant d'items les uns que les autres : {}",
                detail.join(", ")
            ),
        );
    }
}
