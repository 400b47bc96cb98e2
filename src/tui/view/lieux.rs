//! Où se former: the five départements, then their establishments.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::ListItem;

use super::super::app::App;
use super::super::strings as s;
use super::super::theme::Theme;
use super::{TextPane, block, list, one_line_rows};
use crate::content::departement_label;

pub fn view(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    dep: usize,
    sel: usize,
    right: bool,
) {
    let (left_area, _, list_area) = super::super::layout::explorer(area);
    let deps = app.lieux_departements();
    let row = |i: usize| {
        ListItem::new(deps.get(i).map_or(String::new(), |(code, n)| {
            format!("{} ({n})", departement_label(code))
        }))
    };
    list(
        frame,
        left_area,
        one_line_rows(deps.len(), row),
        Some(dep),
        block(s::LIEUX_DEPARTEMENTS, !right, theme),
        theme,
    );
    for pane in texts(app, area, dep) {
        super::text(app, frame, pane, theme);
    }
    let etablissements = app.lieux_etablissements(dep);
    let row = |i: usize| {
        ListItem::new(
            etablissements
                .get(i)
                .map_or(String::new(), |e| format!("{}, {}", e.commune, e.nom)),
        )
    };
    let title = format!("{} ({})", s::LIEUX_ETABLISSEMENTS, etablissements.len());
    list(
        frame,
        list_area,
        one_line_rows(etablissements.len(), row),
        right.then_some(sel),
        block(&title, right, theme),
        theme,
    );
}

/// What this screen is for, above the list.
pub fn texts(app: &App, area: Rect, dep: usize) -> Vec<TextPane<'_>> {
    let (_, pres_area, _) = super::super::layout::explorer(area);
    let text = if app
        .lieux_departements()
        .get(dep)
        .is_some_and(|(_, n)| *n == 0)
    {
        s::LIEUX_VIDE
    } else {
        s::LIEUX_AIDE
    };
    vec![TextPane::new(pres_area, "", vec![Line::from(text)])]
}
