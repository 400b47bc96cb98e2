//! Rechercher: live results as you type, matched letters highlighted, grouped by kind.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};

use super::super::app::App;
use super::super::strings as s;
use super::super::theme::Theme;
use super::super::wrap;
use super::super::wrap::stands_alone;
use super::{TextPane, block, grouped, list, one_line_rows, text};
use crate::search::{Hit, Kind};

pub fn kind_label(k: Kind) -> &'static str {
    match k {
        Kind::Metier => s::KIND_METIER,
        Kind::Formation => s::KIND_FORMATION,
        Kind::Rome => s::KIND_ROME,
    }
}

pub fn view(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    texts: &mut wrap::Cache,
    area: Rect,
    query: &str,
    sel: usize,
) {
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
    let messages = panes(app, area, query);
    if !messages.is_empty() {
        for pane in messages {
            text(frame, texts, pane, theme);
        }
        return;
    }
    let rows = app.search_rows();
    let selected_row = rows.iter().position(|r| *r == Some(sel));
    let row = |n| {
        grouped(
            &rows,
            &app.hits,
            n,
            |h| ListItem::new(highlighted(h, theme)),
            |h| ListItem::new(Line::from(Span::styled(kind_label(h.kind), theme.header))),
        )
    };
    let title = format!("{} ({})", s::RECHERCHE_TITRE, app.hits.len());
    list(
        frame,
        results_area,
        one_line_rows(rows.len(), row),
        selected_row,
        block(&title, false, theme),
        theme,
    );
}

/// What the results pane says when there is nothing to list.
pub fn panes<'a>(app: &'a App, area: Rect, query: &str) -> Vec<TextPane<'a>> {
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

/// The label with its matched letters styled: letters of the same style go
/// in one span, except those that could join a neighbour on screen (see
/// `wrap::stands_alone`), which keep a span each.
fn highlighted<'a>(h: &'a Hit, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::raw(" ")];
    // The letters gathered so far: bytes start..end of the label, their style,
    // and whether more letters may join them.
    let mut run: Option<(usize, usize, Style, bool)> = None;
    for (i, (at, c)) in h.label.char_indices().enumerate() {
        let style = if h.positions.contains(&i) {
            theme.matched
        } else {
            theme.base
        };
        let alone = stands_alone(c);
        let end = at + c.len_utf8();
        match &mut run {
            Some((_, run_end, run_style, open)) if *open && alone && *run_style == style => {
                *run_end = end;
            }
            _ => {
                if let Some((s, e, st, _)) = run.take() {
                    spans.push(Span::styled(&h.label[s..e], st));
                }
                run = Some((at, end, style, alone));
            }
        }
    }
    if let Some((s, e, st, _)) = run {
        spans.push(Span::styled(&h.label[s..e], st));
    }
    if h.kind == Kind::Rome {
        spans.push(Span::styled(format!(" ({})", s::FICHE_COURTE), theme.muted));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::ThemeName;
    use ratatui::buffer::Buffer;
    use ratatui::widgets::Widget;

    /// The label drawn one span per letter, as before spans were grouped.
    fn letter_by_letter<'a>(h: &'a Hit, theme: &Theme) -> Line<'a> {
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

    #[test]
    fn grouped_letters_draw_the_same_cells() {
        let theme = Theme::new(ThemeName::Defaut);
        let labels = [
            "Électricien / Électricienne",
            "Cuisinier (cuisinière) : « chef » d’œuvre",
            "Cafe\u{301} e\u{301}crit a\u{300} part",
            "Soft\u{AD}hyphen, zero\u{200B}width, joiner a\u{200D}b",
            "日本語 et 🇫🇷 drapeau 👩\u{200D}🍳",
        ];
        for label in labels {
            for kind in [Kind::Metier, Kind::Rome] {
                let n = label.chars().count();
                let hit = Hit {
                    kind,
                    id: String::new(),
                    label: label.to_string(),
                    score: 0,
                    positions: (0..n).filter(|i| i % 3 != 1 && *i < n / 2).collect(),
                };
                for width in [5, 12, 40, 80] {
                    let area = Rect::new(0, 0, width, 1);
                    let draw = |line: Line<'_>| {
                        let mut buf = Buffer::empty(area);
                        line.render(area, &mut buf);
                        buf
                    };
                    assert_eq!(
                        draw(highlighted(&hit, &theme)),
                        draw(letter_by_letter(&hit, &theme)),
                        "{label:?} at width {width}"
                    );
                }
            }
        }
    }
}
