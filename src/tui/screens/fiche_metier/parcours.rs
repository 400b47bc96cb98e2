//! The Parcours tab of a fiche métier: the routes from the person's
//! situation (for adults, the VAE first), each step with its duration.

use ratatui::text::{Line, Span};

use crate::content::Metier;
use crate::parcours::Mode;
use crate::tui::model::Model;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::wrap;

/// Widest text inside a route box (fits 80 columns with the borders).
const BOX_TEXT: u16 = 56;

pub(super) fn parcours_lines<'a>(model: &'a Model, m: &'a Metier, theme: &Palette) -> Vec<Line<'a>> {
    let g = &theme.glyphs;
    let idx = model.parcours_situation();
    let Some(situation) = model.content.situations.get(idx) else {
        return Vec::new();
    };
    let mut depuis = vec![
        Span::styled(format!("{} : ", s::PARCOURS_DEPUIS), theme.header),
        Span::raw(situation.libelle.as_str()),
    ];
    if let Some(age) = model.saisie.age_donne {
        depuis.push(Span::raw(format!("{}{}", g.sep, s::age(age))));
    }
    depuis.push(Span::styled(
        format!("   ({})", s::PARCOURS_CHANGER),
        theme.muted,
    ));
    let mut lines = vec![Line::from(depuis)];
    if situation.adulte {
        lines.push(Line::from(Span::styled(
            if model.saisie.tous_parcours {
                s::PARCOURS_TOUS
            } else {
                s::PARCOURS_ADULTES
            },
            theme.muted,
        )));
        lines.push(Line::from(Span::styled(s::PARCOURS_FINANCER, theme.muted)));
    }
    let routes = model.routes(m, idx);
    if routes.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(s::PARCOURS_AUCUN));
        return lines;
    }
    for (n, r) in routes.iter().enumerate() {
        lines.push(Line::from(""));
        let mut head = vec![Span::styled(
            s::parcours_titre(n + 1, r),
            theme.title,
        )];
        if r.apprentissage_possible {
            head.push(Span::styled(
                format!("{}{}", g.sep, s::PARCOURS_APPRENTISSAGE),
                theme.good,
            ));
        }
        lines.push(Line::from(head));
        for (i, e) in r.etapes.iter().enumerate() {
            if i > 0 {
                lines.push(Line::from(format!("        {}", g.vline)));
                lines.push(Line::from(format!("        {}", g.down)));
            }
            let f = e.formation;
            let name_lines = wrap::rows(&f.intitule, BOX_TEXT);
            let width = name_lines
                .iter()
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0)
                + 2;
            lines.push(Line::from(format!(
                "  {}{}{}",
                g.box_top_left,
                g.box_h.repeat(width),
                g.box_top_right
            )));
            for name in name_lines {
                lines.push(Line::from(format!(
                    "  {v} {name:<w$} {v}",
                    v = g.box_v,
                    w = width - 2
                )));
            }
            lines.push(Line::from(format!(
                "  {}{}{}",
                g.box_bottom_left,
                g.box_h.repeat(width),
                g.box_bottom_right
            )));
            let detail = match e.mode {
                Mode::Vae => s::PARCOURS_VAE.to_string(),
                Mode::Formation => {
                    let mut d = format!(
                        "{}{}{}",
                        s::niveau(f.niveau),
                        g.sep,
                        s::duree_etape(e)
                    );
                    if e.apprentissage {
                        d.push_str(&format!("{}{}", g.sep, s::PARCOURS_APPRENTISSAGE));
                    }
                    d
                }
            };
            lines.push(Line::from(Span::styled(
                format!("    {detail}"),
                theme.muted,
            )));
        }
    }
    lines
}
