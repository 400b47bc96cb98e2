//! Comparer: two or three métiers side by side.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;

use super::super::app::App;
use super::super::strings as s;
use super::super::theme::Theme;
use super::super::wrap;
use super::{TextPane, field, heading, text};

pub fn view(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    texts: &mut wrap::Cache,
    area: Rect,
    sel: usize,
    scroll: u16,
) {
    for pane in panes(app, theme, area, sel, scroll) {
        text(frame, texts, pane, theme);
    }
}

/// One column per métier compared.
pub fn panes<'a>(
    app: &'a App,
    theme: &Theme,
    area: Rect,
    sel: usize,
    scroll: u16,
) -> Vec<TextPane<'a>> {
    let ids = &app.session.comparaison;
    if ids.is_empty() {
        return vec![
            TextPane::new(area, s::COMPARER_TITRE, vec![Line::from(s::COMPARER_VIDE)])
                .focused(true),
        ];
    }
    let mut panes = Vec::new();
    let constraints = vec![Constraint::Ratio(1, ids.len() as u32); ids.len()];
    let columns = Layout::horizontal(constraints).split(area);
    for (i, (id, col)) in ids.iter().zip(columns.iter()).enumerate() {
        let Some(m) = app.content.metier(id) else {
            continue;
        };
        let mut lines = vec![
            field(
                s::COMPARER_NIVEAU,
                s::niveau(m.niveau_min).to_string(),
                theme,
            ),
            field(
                s::COMPARER_APPRENTISSAGE,
                (if m.apprentissage { s::OUI } else { s::NON }).to_string(),
                theme,
            ),
        ];
        if let Some(r) = app.ranked_of(id) {
            lines.push(field(
                s::COMPARER_PROFIL,
                super::resultats::bucket_label(r.bucket).to_string(),
                theme,
            ));
        }
        lines.push(heading(s::COMPARER_ETUDES, theme));
        for f in m.formations.iter().filter_map(|f| app.content.formation(f)) {
            lines.push(Line::from(format!(
                "- {} ({})",
                f.intitule,
                s::duree_mois(u32::from(f.duree_mois))
            )));
        }
        lines.push(heading(s::COMPARER_CONDITIONS, theme));
        lines.push(Line::from(m.conditions.as_str()));
        panes.push(
            TextPane::new(*col, m.titre.both(), lines)
                .focused(i == sel)
                .scroll(scroll),
        );
    }
    panes
}
