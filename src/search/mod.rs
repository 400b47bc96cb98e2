//! Accent-proof fuzzy search over rich métiers, ROME fiches and formations.
//!
//! Both the query and the texts are folded (deunicode, lower case) so that
//! "electricien" finds "Électricien" and "oenologue" finds "Œnologue"; matching
//! uses fuzzy-matcher's SkimMatcherV2 on the folded text, and match positions
//! are mapped back to the original characters for highlighting.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use crate::content::Content;

/// Queries are cut to this many folded characters: longer ones say nothing more
/// and would only cost time.
pub const MAX_QUERY: usize = 64;

/// Bonus that puts a rich fiche above a short one with the same title.
const RICH_BONUS: i64 = 8;
/// A match on a keyword counts a little less than the same match on the title.
const KEYWORD_PENALTY: i64 = 6;
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

/// What a result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A rich métier fiche.
    Metier,
    /// A formation.
    Formation,
    /// A short ROME fiche.
    Rome,
}

/// Text folded to lower-case ASCII, with the original character index of each folded byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// `origin[i]` is the index (in chars) in the original of folded byte `i`.
    pub origin: Vec<usize>,
}

/// Folds a text: accents removed, ligatures expanded (Œ → oe), lower case.
pub fn fold(original: &str) -> Folded {
    let mut text = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len());
    for (i, c) in original.chars().enumerate() {
        let mut push = |s: &str| {
            for b in s.bytes() {
                text.push(char::from(b.to_ascii_lowercase()));
                origin.push(i);
            }
        };
        if c.is_ascii() {
            push(c.encode_utf8(&mut [0; 4]));
        } else if let Some(s) = deunicode::deunicode_char(c) {
            // deunicode gives ASCII; keep only printable characters.
            let s: String = s
                .chars()
                .filter(|ch| ch.is_ascii() && !ch.is_ascii_control())
                .collect();
            push(&s);
        }
    }
    Folded { text, origin }
}

struct Entry {
    kind: Kind,
    id: String,
    label: String,
    folded_label: Folded,
    /// Other words that find this entry (keywords, codes), folded.
    others: Vec<String>,
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
        let mut entries = Vec::with_capacity(
            content.metiers.len() + content.rome.len() + content.formations.len(),
        );
        for m in &content.metiers {
            let label = m.titre.both();
            let mut others: Vec<String> = m.mots_cles.iter().map(|k| fold(k).text).collect();
            others.extend(m.rome.iter().map(|c| c.to_ascii_lowercase()));
            entries.push(Entry {
                kind: Kind::Metier,
                id: m.id.clone(),
                folded_label: fold(&label),
                label,
                others,
            });
        }
        for f in &content.formations {
            let mut others = vec![fold(&f.kind).text];
            others.extend(f.rncp.iter().map(|r| r.to_ascii_lowercase()));
            entries.push(Entry {
                kind: Kind::Formation,
                id: f.id.clone(),
                folded_label: fold(&f.intitule),
                label: f.intitule.clone(),
                others,
            });
        }
        for r in &content.rome {
            entries.push(Entry {
                kind: Kind::Rome,
                id: r.code.clone(),
                folded_label: fold(&r.libelle),
                label: r.libelle.clone(),
                others: vec![r.code.to_ascii_lowercase()],
            });
        }
        Self {
            entries,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
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
        let mut hits: Vec<Hit> = self
            .entries
            .iter()
            .filter_map(|e| {
                let on_label = self
                    .matcher
                    .fuzzy_indices(&e.folded_label.text, &q)
                    .map(|(s, idx)| (s + title_bonus(&e.folded_label.text, &q), idx));
                let on_others = e
                    .others
                    .iter()
                    .filter_map(|o| self.matcher.fuzzy_match(o, &q))
                    .max()
                    .map(|s| s - KEYWORD_PENALTY);
                let (score, positions) = match (on_label, on_others) {
                    (Some((s, idx)), Some(o)) if o > s => {
                        (o, original_positions(&e.folded_label, &idx))
                    }
                    (Some((s, idx)), _) => (s, original_positions(&e.folded_label, &idx)),
                    (None, Some(o)) => (o, Vec::new()),
                    (None, None) => return None,
                };
                let bonus = if e.kind == Kind::Metier {
                    RICH_BONUS
                } else {
                    0
                };
                Some(Hit {
                    kind: e.kind,
                    id: e.id.clone(),
                    label: e.label.clone(),
                    score: score + bonus,
                    positions,
                })
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(a.kind.cmp(&b.kind))
                .then(a.label.len().cmp(&b.label.len()))
                .then_with(|| a.id.cmp(&b.id))
        });
        hits.truncate(limit);
        hits
    }
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
