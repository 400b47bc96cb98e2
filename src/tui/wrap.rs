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
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::widgets::{Paragraph, Wrap};

    /// Texts that exercise the wrapper: long words, runs of spaces, spans,
    /// styles, alignments, wide and zero-width characters, tabs, newlines.
    fn texts() -> Vec<Vec<Line<'static>>> {
        let red = Style::default().fg(Color::Red);
        let bold = Style::default().add_modifier(Modifier::BOLD);
        vec![
            vec![Line::from(
                "Un texte assez long pour tenir sur plusieurs lignes",
            )],
            vec![
                Line::from(""),
                Line::from("   trois espaces devant,  deux   au milieu   et derrière   "),
                Line::from("motbeaucouptroplongpourunelignemêmelarge puis court"),
            ],
            vec![
                Line::from(vec![
                    Span::styled("Titre : ", bold),
                    Span::raw("une valeur "),
                    Span::styled("rouge", red),
                    Span::raw(" qui continue, encore et encore, jusqu'au bout"),
                ])
                .style(Style::default().bg(Color::Blue)),
                Line::from("centré, sur plusieurs lignes si besoin est")
                    .alignment(Alignment::Center),
                Line::from("à droite, aussi sur plusieurs lignes").alignment(Alignment::Right),
            ],
            vec![
                Line::from("日本語のテキスト、幅が二つの文字 mêlés à du français"),
                Line::from("zéro\u{200B}largeur, e\u{301}crit, tab\there, nbsp\u{A0}ici"),
                Line::from("ligne\navec un retour, puis 👩\u{200D}🍳 et 🇫🇷 drapeau"),
                Line::from(vec![Span::raw("a"), Span::raw(" "), Span::raw("b")]),
                Line::from(" "),
            ],
        ]
    }

    /// A screen wider than `area`: a wide character can make a row overflow
    /// the area (with ratatui's wrapper too).
    fn screen(area: Rect) -> Buffer {
        Buffer::empty(Rect {
            width: area.width + 4,
            ..area
        })
    }

    /// The cells of the whole text wrapped by `Paragraph`, scrolled.
    fn paragraph(lines: &[Line<'static>], area: Rect, scroll: u16) -> Buffer {
        let mut buf = screen(area);
        Paragraph::new(lines.to_vec())
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .render(area, &mut buf);
        buf
    }

    #[test]
    fn rows_show_the_cells_of_the_wrapping_paragraph() {
        for lines in texts() {
            for width in [0, 1, 2, 3, 5, 8, 13, 21, 40, 80] {
                let wrapped = Wrapped::new(&lines, width);
                let whole = Paragraph::new(lines.clone())
                    .wrap(Wrap { trim: false })
                    .line_count(width);
                assert_eq!(wrapped.len(), whole, "{width} columns");
                let height = 4;
                let area = Rect::new(0, 0, width, height);
                for first in 0..=wrapped.len() {
                    let mut buf = screen(area);
                    wrapped.render(&lines, first, area, &mut buf);
                    assert_eq!(
                        buf,
                        paragraph(&lines, area, first as u16),
                        "{width} columns, from row {first}: {lines:?}"
                    );
                }
            }
        }
    }

    mod random {
        use super::*;
        use proptest::prelude::*;

        /// Pieces of text that make wrapping hard.
        fn piece() -> impl Strategy<Value = &'static str> {
            prop::sample::select(vec![
                "a",
                "mot",
                "électricien",
                "Œ",
                " ",
                "  ",
                "\u{A0}",
                "-",
                "日",
                "本語",
                "e\u{301}",
                "\u{200B}",
                "\u{200D}",
                "👩\u{200D}🍳",
                "🇫🇷",
                "\t",
                "\n",
                "ｶﾞ",
                "x\u{FE0F}",
            ])
        }

        fn line() -> impl Strategy<Value = Line<'static>> {
            let span =
                (prop::collection::vec(piece(), 0..12), any::<bool>()).prop_map(|(pieces, red)| {
                    let style = if red {
                        Style::default().fg(Color::Red)
                    } else {
                        Style::default()
                    };
                    Span::styled(pieces.concat(), style)
                });
            let alignment = prop::sample::select(vec![
                None,
                Some(Alignment::Left),
                Some(Alignment::Center),
                Some(Alignment::Right),
            ]);
            (prop::collection::vec(span, 0..4), alignment).prop_map(|(spans, alignment)| {
                let mut line = Line::from(spans);
                line.alignment = alignment;
                line
            })
        }

        proptest! {
            #[test]
            fn rows_show_the_cells_of_the_wrapping_paragraph(
                lines in prop::collection::vec(line(), 0..6),
                width in 1u16..30,
                height in 1u16..6,
            ) {
                let wrapped = Wrapped::new(&lines, width);
                let area = Rect::new(0, 0, width, height);
                for first in 0..=wrapped.len() {
                    let mut buf = screen(area);
                    wrapped.render(&lines, first, area, &mut buf);
                    prop_assert_eq!(buf, paragraph(&lines, area, first as u16));
                }
            }
        }
    }

    #[test]
    fn characters_that_stand_alone_are_graphemes_of_one_cell() {
        let all: Vec<char> = ('\0'..='\u{FFFF}').filter(|c| stands_alone(*c)).collect();
        let graphemes = |s: &str| {
            Span::raw(s.to_string())
                .styled_graphemes(Style::default())
                .map(|g| (g.symbol.to_string(), g.is_whitespace()))
                .collect::<Vec<_>>()
        };
        for &c in &all {
            let alone = c.to_string();
            assert_eq!(graphemes(&alone), [(alone.clone(), is_whitespace(c))]);
            assert_eq!(alone.cell_width(), 1, "{c:?}");
            // Next to any other: two graphemes still.
            for &d in &all {
                assert_eq!(graphemes(&format!("{c}{d}")).len(), 2, "{c:?} {d:?}");
            }
        }
    }

    #[test]
    fn nothing_is_drawn_past_the_last_row() {
        let lines = vec![Line::from("un deux")];
        let wrapped = Wrapped::new(&lines, 4);
        assert_eq!(wrapped.len(), 2);
        assert!(Wrapped::new(&lines, 0).is_empty());
        let area = Rect::new(0, 0, 4, 3);
        let mut buf = Buffer::empty(area);
        wrapped.render(&lines, 5, area, &mut buf);
        assert_eq!(buf, Buffer::empty(area));
    }

    #[test]
    fn the_fingerprint_follows_text_and_width() {
        let lines = vec![Line::from("court aussi"), Line::from("")];
        assert_eq!(key(&lines, 40), key(&lines.clone(), 40));
        assert_ne!(key(&lines, 40), key(&lines, 41));
        let split = vec![
            Line::from(vec![Span::raw("court "), Span::raw("aussi")]),
            Line::from(""),
        ];
        assert_ne!(key(&lines, 40), key(&split, 40), "spans are part of it");
        let styled = vec![
            Line::from(Span::styled("court aussi", Style::default().fg(Color::Red))),
            Line::from(""),
        ];
        assert_eq!(key(&lines, 40), key(&styled, 40), "styles are not");
    }

    #[test]
    fn the_cache_keeps_the_texts_of_the_last_frame() {
        let a = vec![Line::from("un texte")];
        let b = vec![Line::from("autre")];
        let mut cache = Cache::default();
        cache.next_frame();
        cache.wrapped(&a, 20);
        cache.wrapped(&b, 20);
        cache.wrapped(&a, 20);
        assert_eq!(cache.texts.len(), 2);
        cache.next_frame();
        assert_eq!(cache.wrapped(&b, 20).len(), 1);
        cache.next_frame();
        assert_eq!(cache.texts.len(), 1, "a was not drawn in the last frame");
        assert_eq!(cache.texts[0].0.key, key(&b, 20));
    }

    #[test]
    fn plain_rows_keep_words_and_cut_long_ones() {
        assert_eq!(
            rows("Bac pro Métiers de l'électricité", 13),
            ["Bac pro", "Métiers de", "l'électricité"]
        );
        assert_eq!(rows("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(rows("", 4), [""]);
        assert!(
            rows("un deux trois", 5)
                .iter()
                .all(|l| l.chars().count() <= 5)
        );
    }
}
