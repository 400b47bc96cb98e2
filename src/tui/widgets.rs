//! The widgets the screens draw with: bordered blocks, lists that build only
//! the rows that show, text panes wrapped once per width, fields.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, List, ListItem, ListState, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

use crate::tui::theme::Palette;
use crate::tui::wrap;

/// A bordered block, highlighted when focused (thicker border, and colour).
pub(crate) fn block<'a>(title: &'a str, focused: bool, theme: &Palette) -> Block<'a> {
    let g = &theme.glyphs;
    let b = Block::default()
        .borders(Borders::ALL)
        .border_set(if focused { g.border_focus } else { g.border })
        .border_style(if focused {
            theme.focus_border
        } else {
            theme.border
        });
    if title.is_empty() {
        b
    } else {
        b.title(Span::styled(
            format!(" {title} "),
            if focused { theme.title } else { theme.base },
        ))
    }
}

fn scrollbar(theme: &Palette) -> Scrollbar<'_> {
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .symbols(theme.glyphs.scrollbar.clone())
        .begin_symbol(None)
        .end_symbol(None)
}

/// The rows of a list: `len` of them; row `i` is built by `row(i)` and takes
/// `height(i)` lines. Only the rows that show are built.
pub(crate) struct ListRows<H, R> {
    pub len: usize,
    pub height: H,
    pub row: R,
}

/// Rows of one line each (a `ListItem` made of a `Line`).
pub(crate) fn one_line_rows<'a, R>(len: usize, row: R) -> ListRows<fn(usize) -> usize, R>
where
    R: Fn(usize) -> ListItem<'a>,
{
    ListRows {
        len,
        height: |_| 1,
        row,
    }
}

/// A list with its selection and a scrollbar when it does not fit.
pub(crate) fn list<'a, H, R>(
    frame: &mut Frame,
    area: Rect,
    rows: ListRows<H, R>,
    sel: Option<usize>,
    block: Block<'_>,
    theme: &Palette,
) where
    H: Fn(usize) -> usize,
    R: Fn(usize) -> ListItem<'a>,
{
    let len = rows.len;
    let inner_height = usize::from(area.height.saturating_sub(2));
    let shown = shown_rows(&rows, sel, usize::from(block.inner(area).height));
    let items: Vec<ListItem<'a>> = shown.clone().map(&rows.row).collect();
    let widget = List::new(items)
        .block(block)
        .highlight_style(theme.selected)
        .highlight_symbol("> ");
    // (A selected row taller than the list leaves no row shown.)
    let sel_shown = sel.and_then(|s| s.min(len.saturating_sub(1)).checked_sub(shown.start));
    let mut state = ListState::default().with_selected(sel_shown);
    frame.render_stateful_widget(widget, area, &mut state);
    if len > inner_height {
        let mut sb = ScrollbarState::new(len).position(sel.unwrap_or(0));
        frame.render_stateful_widget(scrollbar(theme), area, &mut sb);
    }
}

/// The rows a list drawn with a fresh `ListState` shows: from the first, or
/// scrolled just enough to show the selection (as ratatui's `List` does).
fn shown_rows<H, R>(rows: &ListRows<H, R>, sel: Option<usize>, max_height: usize) -> Range<usize>
where
    H: Fn(usize) -> usize,
{
    if rows.len == 0 || max_height == 0 {
        return 0..0;
    }
    let (mut first, mut end, mut height) = (0, 0, 0);
    while end < rows.len && height + (rows.height)(end) <= max_height {
        height += (rows.height)(end);
        end += 1;
    }
    let target = sel.map_or(0, |s| s.min(rows.len - 1));
    while target >= end {
        height += (rows.height)(end);
        end += 1;
        while height > max_height {
            height -= (rows.height)(first);
            first += 1;
        }
    }
    first..end
}

/// Row `n` of a grouped list (see `Model::result_rows`): an entry, or a header
/// naming the group of the entry that follows it.
pub(crate) fn grouped<'a, T>(
    rows: &[Option<usize>],
    entries: &'a [T],
    n: usize,
    item: impl Fn(&'a T) -> ListItem<'a>,
    header: impl Fn(&'a T) -> ListItem<'a>,
) -> ListItem<'a> {
    let entry = |row: usize| {
        rows.get(row)
            .copied()
            .flatten()
            .and_then(|i| entries.get(i))
    };
    let made = match rows.get(n) {
        Some(Some(_)) => entry(n).map(item),
        _ => entry(n + 1).map(header),
    };
    // The rows are made from the entries: each has its entry.
    made.unwrap_or_else(|| ListItem::new(Line::default()))
}

/// A bordered pane of wrapped text, scrolled.
pub struct TextPane<'a> {
    pub area: Rect,
    pub title: Cow<'a, str>,
    pub focused: bool,
    pub lines: Vec<Line<'a>>,
    pub scroll: u16,
}

impl<'a> TextPane<'a> {
    pub(crate) fn new(area: Rect, title: impl Into<Cow<'a, str>>, lines: Vec<Line<'a>>) -> Self {
        Self {
            area,
            title: title.into(),
            focused: false,
            lines,
            scroll: 0,
        }
    }

    pub(crate) fn focused(self, focused: bool) -> Self {
        Self { focused, ..self }
    }

    pub(crate) fn scroll(self, scroll: u16) -> Self {
        Self { scroll, ..self }
    }

    /// Where the text goes, inside the borders.
    pub fn inner(&self) -> Rect {
        Block::bordered().inner(self.area)
    }
}

/// Draws a text pane, with a scrollbar when the text is longer than the pane.
/// The text is wrapped once per width (see `wrap`): only the visible rows
/// are drawn.
pub(crate) fn text(
    frame: &mut Frame,
    texts: &mut wrap::Cache,
    pane: TextPane<'_>,
    theme: &Palette,
) {
    let TextPane {
        area,
        title,
        focused,
        lines,
        scroll,
    } = pane;
    let block = block(&title, focused, theme);
    let inner = block.inner(area);
    let wrapped = texts.wrapped(&lines, inner.width);
    let total = wrapped.len() as u16;
    let max = total.saturating_sub(inner.height);
    let scroll = scroll.min(max);
    let text = wrap::WrappedText {
        wrapped,
        lines: &lines,
        first: usize::from(scroll),
        block,
    };
    frame.render_widget(text, area);
    if total > inner.height {
        let mut sb = ScrollbarState::new(usize::from(max) + 1).position(usize::from(scroll));
        frame.render_stateful_widget(scrollbar(theme), area, &mut sb);
    }
}

/// "Label : value" line.
pub(crate) fn field<'a>(label: &'a str, value: String, theme: &Palette) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label} : "), theme.header),
        Span::raw(value),
    ])
}

pub(crate) fn heading<'a>(t: &'a str, theme: &Palette) -> Line<'a> {
    Line::from(Span::styled(t, theme.header))
}

pub(crate) fn bullet(t: &str) -> Line<'_> {
    Line::from(format!("  - {t}"))
}

pub(crate) fn style_if(cond: bool, style: Style) -> Style {
    if cond { style } else { Style::default() }
}

/// A rectangle centred in `area`.
pub(crate) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::ThemeName;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::{Paragraph, Wrap};

    fn terminal(w: u16, h: u16) -> Terminal<TestBackend> {
        Terminal::new(TestBackend::new(w, h)).expect("terminal")
    }

    /// A list built from its shown rows looks like the whole list.
    #[test]
    fn a_list_shows_the_rows_the_whole_list_would() {
        let theme = Palette::new(ThemeName::Defaut);
        let label = |i: usize| {
            if i % 7 == 3 {
                format!("ligne {i}\nsuite")
            } else {
                format!("ligne {i}")
            }
        };
        for len in [0usize, 1, 4, 12, 40] {
            for height in [2, 3, 6, 12] {
                for sel in [
                    None,
                    Some(0),
                    Some(len / 2),
                    Some(len.saturating_sub(1)),
                    Some(len + 2),
                ] {
                    let draw = |whole: bool| {
                        let mut t = terminal(30, height);
                        t.draw(|f| {
                            let area = f.area();
                            if whole {
                                let items: Vec<ListItem<'_>> =
                                    (0..len).map(|i| ListItem::new(label(i))).collect();
                                let widget = List::new(items)
                                    .block(block("titre", true, &theme))
                                    .highlight_style(theme.selected)
                                    .highlight_symbol("> ");
                                let mut state = ListState::default().with_selected(sel);
                                f.render_stateful_widget(widget, area, &mut state);
                                if len > usize::from(height.saturating_sub(2)) {
                                    let mut sb =
                                        ScrollbarState::new(len).position(sel.unwrap_or(0));
                                    f.render_stateful_widget(scrollbar(&theme), area, &mut sb);
                                }
                            } else {
                                let rows = ListRows {
                                    len,
                                    height: |i: usize| label(i).lines().count(),
                                    row: |i: usize| ListItem::new(label(i)),
                                };
                                list(f, area, rows, sel, block("titre", true, &theme), &theme);
                            }
                        })
                        .expect("draw");
                        t.backend().buffer().clone()
                    };
                    assert_eq!(
                        draw(true),
                        draw(false),
                        "len {len}, height {height}, sel {sel:?}"
                    );
                }
            }
        }
    }

    /// A text pane drawn from its visible rows looks like the whole text
    /// scrolled, whether it was wrapped beforehand or not.
    #[test]
    fn a_text_pane_shows_the_rows_the_whole_text_would() {
        let theme = Palette::new(ThemeName::Defaut);
        let lines: Vec<Line<'static>> = (0..30)
            .map(|i| match i % 4 {
                0 => Line::from(""),
                1 => Line::from(Span::styled(format!("Titre {i}"), theme.title)),
                _ => Line::from(format!(
                    "{i} : un paragraphe assez long pour passer à la ligne, \
                     avec  des espaces   doubles et des mots{}",
                    " très".repeat(i % 5)
                )),
            })
            .collect();
        for (w, h) in [(30u16, 8u16), (47, 13), (80, 24)] {
            for scroll in [0u16, 1, 5, 17, 60, 500] {
                let whole = {
                    let mut t = terminal(w, h);
                    t.draw(|f| {
                        let area = f.area();
                        let block = block("titre", false, &theme);
                        let inner = block.inner(area);
                        let para = Paragraph::new(lines.clone()).wrap(Wrap { trim: false });
                        let total = para.line_count(inner.width) as u16;
                        let max = total.saturating_sub(inner.height);
                        let scroll = scroll.min(max);
                        f.render_widget(para.block(block).scroll((scroll, 0)), area);
                        if total > inner.height {
                            let mut sb = ScrollbarState::new(usize::from(max) + 1)
                                .position(usize::from(scroll));
                            f.render_stateful_widget(scrollbar(&theme), area, &mut sb);
                        }
                    })
                    .expect("draw");
                    t.backend().buffer().clone()
                };
                let mut texts = wrap::Cache::default();
                for cached in [false, true] {
                    let area = Rect::new(0, 0, w, h);
                    let pane = || TextPane::new(area, "titre", lines.clone()).scroll(scroll);
                    let mut t = terminal(w, h);
                    t.draw(|f| text(f, &mut texts, pane(), &theme))
                        .expect("draw");
                    assert_eq!(
                        t.backend().buffer(),
                        &whole,
                        "{w}x{h}, scroll {scroll}, cached {cached}"
                    );
                }
            }
        }
    }
}
