//! Long texts are wrapped once per width, not at every frame.
//!
//! The views draw text panes with ratatui's `Paragraph` and `Wrap { trim: false }`.
//! Wrapping is what costs (every grapheme is segmented and measured), and a
//! pane shows about twenty rows of texts that can be hundreds of rows long. So
//! `update` counts the rows each line of the current screen's texts wraps to
//! ([`Cache`], in the model), and the views wrap and draw only the lines that
//! reach the visible rows.
//!
//! Counts are found by a fingerprint of the text and the width ([`key`]): a
//! count that does not belong to the text being drawn is never used. When
//! none is found (a size `update` was not told about, for example), the view
//! counts the rows itself.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;

use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// How a text wraps at a width: the first row of each line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rows {
    key: u64,
    /// `starts[i]` is the first row of line `i`; the last entry is the total.
    starts: Vec<usize>,
}

impl Rows {
    /// Wraps every line of the text, as `Paragraph` with `Wrap { trim: false }` does.
    pub fn count(lines: &[Line<'_>], width: u16) -> Self {
        let mut starts = Vec::with_capacity(lines.len() + 1);
        let mut total = 0;
        starts.push(total);
        for line in lines {
            // Lines wrap independently of each other: the rows of the whole
            // text are the sum of the rows of its lines.
            total += Paragraph::new(line.clone())
                .wrap(Wrap { trim: false })
                .line_count(width);
            starts.push(total);
        }
        Self {
            key: key(lines, width),
            starts,
        }
    }

    /// Rows of the whole text.
    pub fn total(&self) -> usize {
        self.starts.last().copied().unwrap_or(0)
    }

    /// The lines that reach rows `first_row ..< first_row + height`, and how
    /// many rows of the first of them are above `first_row`.
    pub fn visible(&self, first_row: usize, height: usize) -> (Range<usize>, usize) {
        let starts = &self.starts[..self.starts.len().saturating_sub(1)];
        let first = starts
            .partition_point(|&s| s <= first_row)
            .saturating_sub(1);
        let end = starts
            .partition_point(|&s| s < first_row + height)
            .max(first);
        let above = first_row - starts.get(first).copied().unwrap_or(first_row);
        (first..end, above)
    }
}

/// The counts of the texts of the current screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cache {
    texts: Vec<Rows>,
}

impl Cache {
    /// The rows of the text with this fingerprint, if counted.
    pub fn get(&self, key: u64) -> Option<&Rows> {
        self.texts.iter().find(|r| r.key == key)
    }

    /// Keeps the counts of these texts only, counting those not known yet.
    pub fn keep<'a>(&mut self, texts: impl IntoIterator<Item = (&'a [Line<'a>], u16)>) {
        let mut old = std::mem::take(&mut self.texts);
        for (lines, width) in texts {
            let k = key(lines, width);
            if self.get(k).is_some() {
                continue;
            }
            let rows = match old.iter().position(|r| r.key == k) {
                Some(i) => old.swap_remove(i),
                None => Rows::count(lines, width),
            };
            self.texts.push(rows);
        }
    }
}

/// A fingerprint of a text (what wrapping depends on: the characters, split
/// into lines and spans) and a width. Styles do not change wrapping.
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
    use ratatui::text::Span;

    fn text() -> Vec<Line<'static>> {
        vec![
            Line::from("Un texte assez long pour tenir sur plusieurs lignes"),
            Line::from(""),
            Line::from(vec![Span::raw("court "), Span::raw("aussi")]),
        ]
    }

    #[test]
    fn counts_rows_like_the_paragraph() {
        let lines = text();
        for width in [0, 1, 5, 12, 80] {
            let rows = Rows::count(&lines, width);
            let whole = Paragraph::new(lines.clone())
                .wrap(Wrap { trim: false })
                .line_count(width);
            assert_eq!(rows.total(), whole, "width {width}");
        }
    }

    #[test]
    fn visible_lines_and_rows_above() {
        let lines = vec![
            Line::from("aaaa bbbb cccc dddd eeee"),
            Line::from(""),
            Line::from("ffff"),
        ];
        // Rows 0-2: line 0 ("aaaa bbbb", "cccc dddd", "eeee"); 3: line 1; 4: line 2.
        let rows = Rows::count(&lines, 9);
        assert_eq!(rows.starts, [0, 3, 4, 5]);
        assert_eq!(rows.visible(0, 2), (0..1, 0));
        assert_eq!(rows.visible(2, 2), (0..2, 2));
        assert_eq!(rows.visible(3, 10), (1..3, 0));
        assert_eq!(rows.visible(4, 0), (2..2, 0));
        assert_eq!(Rows::count(&[], 9).visible(0, 5), (0..0, 0));
    }

    #[test]
    fn the_fingerprint_follows_text_and_width() {
        let lines = text();
        assert_eq!(key(&lines, 40), key(&lines.clone(), 40));
        assert_ne!(key(&lines, 40), key(&lines, 41));
        let mut other = lines.clone();
        other[2] = Line::from("court aussi");
        assert_ne!(key(&lines, 40), key(&other, 40), "spans are part of it");
    }

    #[test]
    fn the_cache_keeps_only_the_texts_asked_for() {
        let a = text();
        let b = vec![Line::from("autre")];
        let mut cache = Cache::default();
        cache.keep([(a.as_slice(), 20), (b.as_slice(), 20), (a.as_slice(), 20)]);
        assert_eq!(cache.texts.len(), 2);
        assert!(cache.get(key(&a, 20)).is_some());
        cache.keep([(b.as_slice(), 20)]);
        assert!(cache.get(key(&a, 20)).is_none());
        assert_eq!(cache.get(key(&b, 20)).map(Rows::total), Some(1));
    }
}
