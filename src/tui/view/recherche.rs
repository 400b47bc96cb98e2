//! Rechercher: live results as you type, matched letters highlighted, grouped by kind.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};

use super::super::app::App;
use super::super::strings as s;
use super::super::theme::Theme;
use super::{TextPane, block, grouped, list, text};
use crate::search::{Hit, Kind};

pub fn kind_label(k: Kind) -> &'static str {
    match k {
        Kind::Metier => s::KIND_METIER,
        Kind::Formation => s::KIND_FORMATION,
        Kind::Rome => s::KIND_ROME,
    }
}

pub fn view(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, query: &str, sel: usize) {
    let (input_area, results_area) = super::super::layout::recherche(area);
    let input = Line::from(vec![
        Span::styled(s::RECHERCHE_INVITE, theme.muted),
        Span::raw(query),
    ]);
    frame.render_widget(
        Paragraph::new(input).block(block(s::RECHERCHE_TITRE, true, theme)),
        input_area,
    );
    let typed = s::RECHERCHE_INVITE.chars().count() + query.chars().count();
    let x = input_area.x + 1 + u16::try_from(typed).unwrap_or(u16::MAX);
    if x < input_area.right().saturating_sub(1) {
        frame.set_cursor_position((x, input_area.y + 1));
    }
    let messages = texts(app, area, query);
    if !messages.is_empty() {
        for pane in messages {
            text(app, frame, pane, theme);
        }
        return;
    }
    let rows = app.search_rows();
    let selected_row = rows.iter().position(|r| *r == Some(sel));
    let items = grouped(
        &rows,
        &app.hits,
        |h| ListItem::new(highlighted(h, theme)),
        |h| ListItem::new(Line::from(Span::styled(kind_label(h.kind), theme.header))),
    );
    let title = format!("{} ({})", s::RECHERCHE_TITRE, app.hits.len());
    list(
        frame,
        results_area,
        items,
        selected_row,
        block(&title, false, theme),
        theme,
    );
}

/// What the results pane says when there is nothing to list.
pub fn texts<'a>(app: &'a App, area: Rect, query: &str) -> Vec<TextPane<'a>> {
    let (_, results_area) = super::super::layout::recherche(area);
    let message = if query.trim().is_empty() {
        s::RECHERCHE_VIDE
    } else if app.hits.is_empty() {
        s::RECHERCHE_RIEN
    } else {
        return Vec::new();
    };
    vec![TextPane::new(results_area, "", vec![Line::from(message)])]
}

/// The label with its matched letters styled.
fn highlighted<'a>(h: &'a Hit, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::raw(" ")];
    for (i, c) in h.label.chars().enumerate() {
        let style = if h.positions.contains(&i) {
            theme.matched
        } else {
            theme.base
        };
        spans.push(Span::styled(c.to_string(), style));
    }
    if h.kind == Kind::Rome {
        spans.push(Span::styled(format!(" ({})", s::FICHE_COURTE), theme.muted));
    }
    Line::from(spans)
}
