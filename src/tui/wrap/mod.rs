//! Long texts are wrapped once per width, not at every frame.
//!
//! The text panes show texts wrapped at word boundaries, as ratatui's
//! `Paragraph` with `Wrap { trim: false }` wraps them. Wrapping is what costs
//! (every grapheme is segmented and measured) and a pane shows about twenty
//! rows of texts that can be hundreds of rows long. So each text is wrapped
//! once per width and kept ([`Cache`], held by the terminal loop and passed to
//! the views), and the views draw only the visible rows, already wrapped.
//!
//! A wrapped text is found by a fingerprint of the text and the width
//! ([`key`]): rows that do not belong to the text being drawn are never used.
//!
//! [`Wrapped::new`] follows ratatui's word wrapper (`reflow::WordWrapper`,
//! which ratatui does not export) step by step; the tests check that the rows
//! show the same cells as a wrapping `Paragraph`.

use std::collections::VecDeque;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

/// A text wrapped at a width: each row is made of pieces of one line's spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped {
    key: u64,
    rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    line: usize,
    /// Columns the row takes (at most the width wrapped to, unless a wide
    /// character overflows it, as it can with ratatui's wrapper).
    width: u16,
    pieces: Vec<Piece>,
}

/// Bytes `bytes` of span `span` of the row's line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    span: usize,
    bytes: Range<usize>,
}

/// A grapheme of a line, as the wrapper sees it.
#[derive(Debug, Clone, Copy)]
struct Grapheme {
    span: usize,
    start: usize,
    end: usize,
    width: u16,
    whitespace: bool,
}

impl Wrapped {
    /// Wraps the lines at `width` columns.
    pub fn new(lines: &[Line<'_>], width: u16) -> Self {
        let mut rows = Vec::new();
        if width > 0 {
            let mut wrapper = Wrapper::default();
            let mut line_graphemes = Vec::new();
            for (n, line) in lines.iter().enumerate() {
                graphemes(line, &mut line_graphemes);
                wrapper.wrap(&line_graphemes, width, |graphemes| {
                    rows.push(Row {
                        line: n,
                        width: graphemes.iter().map(|g| g.width).sum(),
                        pieces: pieces(graphemes),
                    })
                });
            }
        }
        Self {
            key: key(lines, width),
            rows,
        }
    }

    /// Rows of the whole text.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Draws the wrapped `lines` (the lines this was made from) from row
    /// `first` into `area`, one row per line of the area, as `Paragraph` draws
    /// the wrapped text scrolled to that row.
    pub fn render(&self, lines: &[Line<'_>], first: usize, area: Rect, buf: &mut Buffer) {
        let shown = self.rows.iter().skip(first).take(usize::from(area.height));
        for (y, row) in (area.top()..).zip(shown) {
            let Some(line) = lines.get(row.line) else {
                continue;
            };
            let mut x = match line.alignment.unwrap_or(Alignment::Left) {
                Alignment::Center => (area.width / 2).saturating_sub(row.width / 2),
                Alignment::Right => area.width.saturating_sub(row.width),
                Alignment::Left => 0,
            };
            let base = Style::default().patch(line.style);
            for piece in &row.pieces {
                let Some(span) = line.spans.get(piece.span) else {
                    continue;
                };
                let text = span.content.get(piece.bytes.clone()).unwrap_or_default();
                if text.chars().all(stands_alone) {
                    // One cell per character (see `stands_alone`).
                    let style = base.patch(span.style);
                    for (at, c) in text.char_indices() {
                        let symbol = &text[at..at + c.len_utf8()];
                        buf[(area.left() + x, y)]
                            .set_symbol(symbol)
                            .set_style(style);
                        x += 1;
                    }
                    continue;
                }
                for g in Span::styled(text, span.style).styled_graphemes(base) {
                    let width = g.symbol.cell_width();
                    if width == 0 {
                        continue;
                    }
                    let symbol = if g.symbol.is_empty() { " " } else { g.symbol };
                    buf[(area.left() + x, y)]
                        .set_symbol(symbol)
                        .set_style(g.style);
                    x += width;
                }
            }
        }
    }
}

/// A text pane's text, wrapped: what `Paragraph` with `Wrap { trim: false }`
/// draws, in a block, scrolled to row `first`.
pub struct WrappedText<'a> {
    pub wrapped: &'a Wrapped,
    pub lines: &'a [Line<'a>],
    pub first: usize,
    pub block: Block<'a>,
}

impl Widget for WrappedText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        (&self.block).render(area, buf);
        let inner = self.block.inner(area);
        if !inner.is_empty() {
            self.wrapped.render(self.lines, self.first, inner, buf);
        }
    }
}

/// The graphemes of a line, as `Paragraph` gives them to its wrapper.
fn graphemes(line: &Line<'_>, out: &mut Vec<Grapheme>) {
    out.clear();
    for (n, span) in line.spans.iter().enumerate() {
        let text = span.content.as_ref();
        if text.chars().all(stands_alone) {
            // One grapheme per character, one cell wide (see `stands_alone`).
            out.extend(text.char_indices().map(|(at, c)| Grapheme {
                span: n,
                start: at,
                end: at + c.len_utf8(),
                width: 1,
                whitespace: is_whitespace(c),
            }));
            continue;
        }
        let base = text.as_ptr() as usize;
        for g in span.styled_graphemes(Style::default()) {
            // The symbol is a slice of the span's text: where it starts.
            let start = g.symbol.as_ptr() as usize - base;
            out.push(Grapheme {
                span: n,
                start,
                end: start + g.symbol.len(),
                width: g.symbol.cell_width(),
                whitespace: g.is_whitespace(),
            });
        }
    }
}

/// Whether a character is always a grapheme of its own, one cell wide,
/// whatever its neighbours: then a text made only of such characters can be
/// cut into characters instead of being segmented into graphemes. Latin
/// letters, digits, punctuation, the guide's drawing characters; not marks,
/// joiners, controls (soft hyphen included) or wide characters. The tests go
/// through every one of them.
pub fn stands_alone(c: char) -> bool {
    matches!(
        c,
        ' '..='~'
            | '\u{A0}'..='\u{24F}'
            | '\u{2010}'..='\u{2027}'
            | '\u{202F}'
            | '\u{20AC}'
            | '\u{2500}'..='\u{259F}'
            | '\u{25B6}'
            | '\u{25BC}'
            | '\u{25C0}'
    ) && c != '\u{AD}'
}

/// Whether ratatui's wrapper takes a character for whitespace (not the
/// no-break space).
fn is_whitespace(c: char) -> bool {
    c.is_whitespace() && c != '\u{A0}'
}

/// The graphemes of a row as pieces: runs of graphemes next to each other in
/// one span.
fn pieces(row: &[Grapheme]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for g in row {
        match out.last_mut() {
            Some(p) if p.span == g.span && p.bytes.end == g.start => p.bytes.end = g.end,
            _ => out.push(Piece {
                span: g.span,
                bytes: g.start..g.end,
            }),
        }
    }
    out
}

/// Ratatui's `WordWrapper::process_input` with `trim: false`, step by step,
/// with its buffers kept from one line to the next.
#[derive(Default)]
struct Wrapper {
    pending_line: Vec<Grapheme>,
    pending_word: Vec<Grapheme>,
    pending_whitespace: VecDeque<Grapheme>,
}

impl Wrapper {
    /// Wraps one line, giving each of its rows to `row`.
    fn wrap(&mut self, line: &[Grapheme], max_width: u16, mut row: impl FnMut(&[Grapheme])) {
        let Self {
            pending_line,
            pending_word,
            pending_whitespace,
        } = self;
        pending_line.clear();
        pending_word.clear();
        pending_whitespace.clear();
        let mut rows = 0;
        let mut line_width: u16 = 0;
        let mut word_width: u16 = 0;
        let mut whitespace_width: u16 = 0;
        let mut non_whitespace_previous = false;

        for &g in line {
            let symbol_width = g.width;
            // Symbols wider than the line are left out.
            if symbol_width > max_width {
                continue;
            }
            let word_found = non_whitespace_previous && g.whitespace;
            // The word and the whitespace before it would overflow a new line.
            let untrimmed_overflow =
                pending_line.is_empty() && word_width + whitespace_width + symbol_width > max_width;
            if word_found || untrimmed_overflow {
                pending_line.extend(pending_whitespace.drain(..));
                line_width += whitespace_width;
                pending_line.append(pending_word);
                line_width += word_width;
                whitespace_width = 0;
                word_width = 0;
            }
            let line_full = line_width >= max_width;
            let pending_word_overflow =
                symbol_width > 0 && line_width + whitespace_width + word_width >= max_width;
            if line_full || pending_word_overflow {
                let mut remaining_width = max_width.saturating_sub(line_width);
                row(pending_line);
                rows += 1;
                pending_line.clear();
                line_width = 0;
                // The whitespace that fits at the end of the row goes with it.
                while let Some(front) = pending_whitespace.front() {
                    if front.width > remaining_width {
                        break;
                    }
                    whitespace_width -= front.width;
                    remaining_width -= front.width;
                    pending_whitespace.pop_front();
                }
                // Whitespace does not start the next word.
                if g.whitespace && pending_whitespace.is_empty() {
                    continue;
                }
            }
            if g.whitespace {
                whitespace_width += symbol_width;
                pending_whitespace.push_back(g);
            } else {
                word_width += symbol_width;
                pending_word.push(g);
            }
            non_whitespace_previous = !g.whitespace;
        }
        pending_line.extend(pending_whitespace.drain(..));
        pending_line.append(pending_word);
        if !pending_line.is_empty() || rows == 0 {
            row(pending_line);
        }
    }
}

/// The texts drawn in the last frames, wrapped: held by whoever draws (the
/// terminal loop), passed `&mut` to the views. A text is wrapped the first
/// time it is drawn at a width; texts not drawn in a frame are dropped at the
/// start of the next one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cache {
    /// Each text, and whether the current frame drew it.
    texts: Vec<(Wrapped, bool)>,
}

impl Cache {
    /// A new frame: drops the texts the last frame did not draw.
    pub fn next_frame(&mut self) {
        self.texts.retain(|(_, drawn)| *drawn);
        for (_, drawn) in &mut self.texts {
            *drawn = false;
        }
    }

    /// The text wrapped at `width`: kept from an earlier frame, or wrapped now.
    pub fn wrapped(&mut self, lines: &[Line<'_>], width: u16) -> &Wrapped {
        let k = key(lines, width);
        let i = match self.texts.iter().position(|(w, _)| w.key == k) {
            Some(i) => i,
            None => {
                self.texts.push((Wrapped::new(lines, width), false));
                self.texts.len() - 1
            }
        };
        let (wrapped, drawn) = &mut self.texts[i];
        *drawn = true;
        wrapped
    }
}

/// The rows of a plain text wrapped at `width` columns, as the text panes wrap
/// it, without the spaces where it was cut.
pub fn rows(text: &str, width: u16) -> Vec<String> {
    let line = Line::from(text);
    let wrapped = Wrapped::new(std::slice::from_ref(&line), width.max(1));
    wrapped
        .rows
        .iter()
        .map(|row| {
            let mut out = String::new();
            for piece in &row.pieces {
                out.push_str(text.get(piece.bytes.clone()).unwrap_or_default());
            }
            out.trim().to_string()
        })
        .collect()
}

/// A fingerprint of a text and a width: what wrapping depends on (the
/// characters, split into lines and spans). Styles do not change wrapping.
pub fn key(lines: &[Line<'_>], width: u16) -> u64 {
    let mut h = DefaultHasher::new();
    width.hash(&mut h);
    lines.len().hash(&mut h);
    for line in lines {
        line.spans.len().hash(&mut h);
        for span in &line.spans {
            span.content.as_ref().hash(&mut h);
        }
    }
    h.finish()
}

#[cfg(test)]
mod tests;
