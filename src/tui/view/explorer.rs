//! Explorer: the 14 domains, then their métiers (rich fiches first, then short ones).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::super::app::{App, DomainEntry};
use super::super::strings as s;
use super::super::theme::Theme;
use super::{TextPane, block, list};

pub fn view(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    domaine: usize,
    sel: usize,
    right: bool,
) {
    let (left_area, _, list_area) = super::super::layout::explorer(area);
    let domains: Vec<ListItem<'_>> = app
        .content
        .domaines
        .iter()
        .map(|d| ListItem::new(format!("{} {}", d.lettre, d.libelle)))
        .collect();
    list(
        frame,
        left_area,
        domains,
        Some(domaine),
        block(s::EXPLORER_DOMAINES, !right, theme),
        theme,
    );
    let entries = app.domain_entries(domaine);
    for pane in texts(app, area, domaine) {
        super::text(app, frame, pane, theme);
    }
    let items: Vec<ListItem<'_>> = entries
        .iter()
        .map(|e| match e {
            DomainEntry::Metier(id) => ListItem::new(
                app.content
                    .metier(id)
                    .map_or(id.clone(), |m| m.titre.both()),
            ),
            DomainEntry::Rome(code) => {
                let label = app
                    .content
                    .fiche_rome(code)
                    .map_or(code.as_str(), |r| r.libelle.as_str());
                ListItem::new(Line::from(vec![
                    Span::raw(label),
                    Span::styled(format!(" ({})", s::FICHE_COURTE), theme.muted),
                ]))
            }
        })
        .collect();
    let title = format!("{} ({})", s::EXPLORER_METIERS, entries.len());
    list(
        frame,
        list_area,
        items,
        if right { Some(sel) } else { None },
        block(&title, right, theme),
        theme,
    );
}

/// The domain's presentation.
pub fn texts(app: &App, area: Rect, domaine: usize) -> Vec<TextPane<'_>> {
    let (_, pres_area, _) = super::super::layout::explorer(area);
    let presentation = app
        .content
        .domaines
        .get(domaine)
        .map(|d| d.presentation.as_str())
        .unwrap_or("");
    vec![TextPane::new(pres_area, "", vec![Line::from(presentation)])]
}
