//! Accent-proof fuzzy search over rich métiers, ROME fiches and formations.
//!
//! Both the query and the texts are folded (deunicode, lower case) so that
//! "electricien" finds "Électricien" and "oenologue" finds "Œnologue"; matching
//! uses fuzzy-matcher's SkimMatcherV2 on the folded text, and match positions
//! are mapped back to the original characters for highlighting.

mod entries;
mod fold;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

// Paths shared with build.rs, which includes `entries.rs` and `fold.rs`.
use crate::content as model;
use model::Content;

pub use entries::{Entry, Kind, entries};
pub use fold::{Folded, fold};

/// The bundled content's index entries, compiled by build.rs (postcard).
static COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.postcard"));

/// Queries are cut to this many folded characters: longer ones say nothing more
/// and would only cost time.
pub const MAX_QUERY: usize = 64;

/// Bonus that puts a rich fiche above a short one with the same title.
const RICH_BONUS: i64 = 8;
/// A match on a keyword counts a little less than the same match on the title.
const KEYWORD_PENALTY: i64 = 6;
/// Score of an entry found by the prefix of one of its codes.
const CODE_SCORE: i64 = 200;
/// Bonus when the title starts with the query.
const PREFIX_BONUS: i64 = 10;
/// Bonus when a word of the title starts with the query.
const WORD_BONUS: i64 = 5;

/// Bonus for a title whose start, or one of whose words, begins with the query.
fn title_bonus(title: &str, q: &str) -> i64 {
    if title.starts_with(q) {
        return PREFIX_BONUS;
    }
    let word_start = title.match_indices(q).any(|(i, _)| {
        title[..i]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_ascii_alphanumeric())
    });
    if word_start { WORD_BONUS } else { 0 }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub kind: Kind,
    pub id: String,
    pub label: String,
    pub score: i64,
    /// Indices (in chars) of the label's matched characters; empty when the
    /// entry was found by a keyword.
    #[serde(skip)]
    pub positions: Vec<usize>,
}

/// The search index, built once from the content.
pub struct Index {
    entries: Vec<Entry>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("entries", &self.entries.len())
            .finish()
    }
}

impl Index {
    pub fn new(content: &Content) -> Self {
        Self::from_entries(entries(content))
    }

    /// The index of the bundled content, as compiled by build.rs: no folding
    /// at start-up, and no need to decode the content to search it.
    pub fn bundled() -> Option<Self> {
        postcard::from_bytes::<Vec<Entry>>(COMPILED)
            .ok()
            .map(Self::from_entries)
    }

    pub fn from_entries(entries: Vec<Entry>) -> Self {
        Self {
            entries,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    /// The entries, in index order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Number of indexed entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best `limit` results, best first. An empty query gives no result.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let folded = fold(query).text;
        let q: String = folded.split_whitespace().collect::<Vec<_>>().join(" ");
        let q: String = q.chars().take(MAX_QUERY).collect();
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        // A code (ROME "h2913", RNCP "rncp37233") is looked up by prefix.
        let looks_like_code = q.len() >= 2
            && q.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && q.bytes().any(|b| b.is_ascii_digit())
            && !q.contains(' ');
        // First pass: scores only, and only where the query's letters appear
        // in order (a cheap test that most entries fail for real queries).
        let mut scored: Vec<(i64, usize, bool)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                // One letter says little: only words that start with it.
                if q.len() == 1
                    && !has_word_starting(&e.folded, &q)
                    && !has_word_starting(&e.others, &q)
                {
                    return None;
                }
                let on_label = is_subsequence(&q, &e.folded)
                    .then(|| self.matcher.fuzzy_match(&e.folded, &q))
                    .flatten()
                    .map(|s| s + title_bonus(&e.folded, &q));
                let on_others = is_subsequence(&q, &e.others)
                    .then(|| self.matcher.fuzzy_match(&e.others, &q))
                    .flatten()
                    .map(|s| s - KEYWORD_PENALTY);
                let on_code = (looks_like_code && e.codes.iter().any(|c| c.starts_with(&q)))
                    .then_some(CODE_SCORE);
                let best_other = on_others.max(on_code);
                let (score, label_matched) = match (on_label, best_other) {
                    (Some(l), Some(o)) if o > l => (o, true),
                    (Some(l), _) => (l, true),
                    (None, Some(o)) => (o, false),
                    (None, None) => return None,
                };
                let bonus = if e.kind == Kind::Metier {
                    RICH_BONUS
                } else {
                    0
                };
                Some((score + bonus, i, label_matched))
            })
            .collect();
        let entries = &self.entries;
        scored.sort_by(|a, b| {
            let (ea, eb) = (&entries[a.1], &entries[b.1]);
            b.0.cmp(&a.0)
                .then(ea.kind.cmp(&eb.kind))
                .then(ea.label.len().cmp(&eb.label.len()))
                .then_with(|| ea.id.cmp(&eb.id))
        });
        scored.truncate(limit);
        // Second pass, on the kept entries only: where the letters matched.
        scored
            .into_iter()
            .map(|(score, i, label_matched)| {
                let e = &entries[i];
                let positions = if label_matched {
                    // Only for the kept hits: fold again to map back to the label's letters.
                    let folded = fold(&e.label);
                    self.matcher
                        .fuzzy_indices(&folded.text, &q)
                        .map(|(_, idx)| original_positions(&folded, &idx))
                        .unwrap_or_default()
                } else {
                    Vec::new()
                };
                Hit {
                    kind: e.kind,
                    id: e.id.clone(),
                    label: e.label.clone(),
                    score,
                    positions,
                }
            })
            .collect()
    }
}

/// Whether a word of `text` starts with `prefix`.
fn has_word_starting(text: &str, prefix: &str) -> bool {
    text.match_indices(prefix).any(|(i, _)| {
        i == 0
            || text
                .as_bytes()
                .get(i - 1)
                .is_some_and(|b| !b.is_ascii_alphanumeric())
    })
}

/// Whether the bytes of `needle` appear in `hay` in the same order (both
/// folded ASCII). Spaces in the needle are skipped, as the matcher does.
fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut hay = hay.bytes();
    needle
        .bytes()
        .filter(|b| *b != b' ')
        .all(|n| hay.any(|h| h == n))
}

fn original_positions(folded: &Folded, indices: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = indices
        .iter()
        .filter_map(|&i| folded.origin.get(i).copied())
        .collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_maps_back_to_original_letters() {
        let f = fold("Œnologue");
        assert_eq!(f.text, "oenologue");
        assert_eq!(&f.origin[..3], &[0, 0, 1]);
        assert_eq!(fold("Maçon ÉLECTRICIEN").text, "macon electricien");
        assert_eq!(fold("Pâtissière").text, "patissiere");
    }

    #[test]
    fn odd_input_folds_without_panic() {
        for s in ["", "👍🏽", "e\u{301}", "مرحبا", "\u{202e}abc", "\0\x07"] {
            let f = fold(s);
            assert_eq!(f.text.len(), f.origin.len());
        }
    }
}
