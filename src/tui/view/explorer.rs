//! Explorer: the 14 domains, then their métiers (rich fiches first, then short ones).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::super::app::{App, DomainEntry};
use super::super::strings as s;
use super::super::theme::Theme;
use super::super::wrap;
use super::{ListRows, TextPane, block, list};
use crate::content::{Domaine, Metier};

#[allow(clippy::too_many_arguments)]
pub fn view(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    texts: &mut wrap::Cache,
    area: Rect,
    domaine: usize,
    sel: usize,
    right: bool,
) {
    let (left_area, _, list_area) = super::super::layout::explorer(area);
    let domaines = &app.content.domaines;
    let domain_label = |d: &Domaine| format!("{} {}", d.lettre, d.libelle);
    let domains = ListRows {
        len: domaines.len(),
        height: |i: usize| match domaines.get(i) {
            Some(d) if d.lettre.contains('\n') || d.libelle.contains('\n') => {
                lines_of(&domain_label(d))
            }
            _ => 1,
        },
        row: |i: usize| ListItem::new(domaines.get(i).map(domain_label).unwrap_or_default()),
    };
    list(
        frame,
        left_area,
        domains,
        Some(domaine),
        block(s::EXPLORER_DOMAINES, !right, theme),
        theme,
    );
    for pane in panes(app, area, domaine) {
        super::text(frame, texts, pane, theme);
    }
    let entries = app.domain_entries(domaine);
    let metiers = ListRows {
        len: entries.len(),
        height: |i: usize| match entries.get(i) {
            Some(DomainEntry::Metier(m)) => title_lines(m),
            _ => 1,
        },
        row: |i: usize| match entries.get(i) {
            Some(DomainEntry::Metier(m)) => ListItem::new(m.titre.both()),
            Some(DomainEntry::Rome(r)) => ListItem::new(Line::from(vec![
                Span::raw(r.libelle.as_str()),
                Span::styled(format!(" ({})", s::FICHE_COURTE), theme.muted),
            ])),
            None => ListItem::new(Line::default()),
        },
    };
    let title = format!("{} ({})", s::EXPLORER_METIERS, entries.len());
    list(
        frame,
        list_area,
        metiers,
        if right { Some(sel) } else { None },
        block(&title, right, theme),
        theme,
    );
}

/// Lines of a list row made from a `String` (ratatui splits it at newlines).
fn lines_of(text: &str) -> usize {
    text.lines().count().max(1)
}

/// Lines of a métier's row: one, unless its title has a newline.
fn title_lines(m: &Metier) -> usize {
    if m.titre.masculin.contains('\n') || m.titre.feminin.contains('\n') {
        lines_of(&m.titre.both())
    } else {
        1
    }
}

/// The domain's presentation.
pub fn panes(app: &App, area: Rect, domaine: usize) -> Vec<TextPane<'_>> {
    let (_, pres_area, _) = super::super::layout::explorer(area);
    let presentation = app
        .content
        .domaines
        .get(domaine)
        .map(|d| d.presentation.as_str())
        .unwrap_or("");
    vec![TextPane::new(pres_area, "", vec![Line::from(presentation)])]
}
