//! The wrapper against ratatui's `Paragraph`, and the cache.

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
            Line::from("centré, sur plusieurs lignes si besoin est").alignment(Alignment::Center),
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
