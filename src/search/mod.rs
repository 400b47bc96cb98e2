//! Accent-proof search over rich métiers, ROME fiches and formations.
//!
//! Both the query and the texts are folded (deunicode, lower case) so that
//! "electricien" finds "Électricien" and "oenologue" finds "Œnologue". Each
//! word of the query must be found in one word of an entry (see `words`):
//! whole word, start of a word, inside a word, or with letters missing, the
//! last scored by fuzzy-matcher's SkimMatcherV2; short words (acronyms such
//! as "cfa", "vae") must be whole words or start one. Match positions are
//! mapped back to the original characters for highlighting.

mod lookup;
mod words;

// Built from the content at build time too: they live in the content crate.
use boussole_content::index::{entries, fold, vocab};

use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;
use std::sync::{Mutex, OnceLock};

use crate::content::Content;

pub use entries::{Entry, Kind, entries};
pub use fold::{Folded, fold};
use lookup::Slots;
use vocab::Field;
pub use vocab::{Posting, Vocab, Word};
use words::{Found, Grade, QueryWord};

/// The bundled content's index entries and words, compiled by build.rs (postcard).
static COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.postcard"));

/// Queries are cut to this many folded characters: longer ones say nothing more
/// and would only cost time.
pub const MAX_QUERY: usize = 64;

/// Bonus that puts a rich fiche above a short one with the same title.
const RICH_BONUS: i64 = 2;
/// Bonus of a formation: found by a keyword, it still comes before a short
/// ROME fiche found by its title ("électricité" finds the CAP Électricien
/// before the "Bobinier en électricité" fiche).
const FORMATION_BONUS: i64 = 1;
/// A word found in the keywords counts a little less than in the title.
const KEYWORD_PENALTY: i64 = 1;
/// Points of a word found among the words of a formation's routes
/// ("apprentissage", "vae"): less than a keyword, as most formations have
/// them ("apprentissage" finds the CFAs first).
const ROUTE_POINTS: i64 = 2;
/// Bonus when a title (masculine or feminine) starts with the query's first word.
const PREFIX_BONUS: i64 = 2;
/// Score of an entry found by the prefix of one of its codes: above all.
const CODE_SCORE: i64 = 1000;

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

/// A query, folded and cut into words.
struct Query {
    /// The folded words.
    words: Vec<QueryWord>,
    /// The folded query without spaces, when it looks like a code (ROME
    /// "h2913", RNCP "rncp37233"), which is looked up by prefix.
    code: Option<String>,
}

impl Query {
    fn new(raw: &str) -> Self {
        let folded: String = fold(raw).text.chars().take(MAX_QUERY).collect();
        let words: Vec<QueryWord> = folded
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(QueryWord::new)
            .collect();
        let code = match words.as_slice() {
            [w] if w.text.len() >= 2
                && w.text
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_alphabetic())
                && w.text.bytes().any(|b| b.is_ascii_digit()) =>
            {
                Some(w.text.clone())
            }
            _ => None,
        };
        Query { words, code }
    }
}

/// Where a query word was found in an entry.
#[derive(Clone, Copy)]
enum Place {
    Label(Found),
    Others(Found),
}

/// Where query word `q` is best found in entry `e`: the title wins unless
/// the keywords match better, penalty included.
fn place(e: &Entry, q: &QueryWord) -> Option<Place> {
    let on_label = q.best_in(&e.folded);
    let on_others = match on_label {
        Some(f) if f.grade == Grade::Whole => None,
        _ => q.best_in(&e.others),
    };
    match choose(on_label.map(|f| f.grade), on_others.map(|f| f.grade))? {
        Field::Label => on_label.map(Place::Label),
        Field::Others => on_others.map(Place::Others),
    }
}

/// Which field's match counts: the title's, unless the keywords' is better
/// even after the keyword penalty.
fn choose(label: Option<Grade>, others: Option<Grade>) -> Option<Field> {
    match (label, others) {
        (Some(l), Some(o)) if o.points() - KEYWORD_PENALTY > l.points() => Some(Field::Others),
        (Some(_), _) => Some(Field::Label),
        (None, Some(_)) => Some(Field::Others),
        (None, None) => None,
    }
}

/// What an entry has gathered over the words of the query.
#[derive(Debug, Clone, Copy, Default)]
struct Acc {
    score: i64,
    /// Query words found.
    found: usize,
    /// Some word was found only with letters missing.
    fuzzy: bool,
    /// 1 + the index of the last query word found.
    last: usize,
}

/// The search index, built once from the content.
///
/// The compiled index of the bundled content is decoded at the first search
/// (or by `prepare`), so that start-up does not wait for it.
pub struct Index {
    data: OnceLock<Data>,
    /// Where the data come from when they are not there yet.
    compiled: &'static [u8],
    matcher: SkimMatcherV2,
    /// Working memory kept from one search to the next: with large content,
    /// fresh buffers at each keystroke cost more in page faults than the
    /// search itself.
    scratch: Mutex<Scratch>,
}

/// One accumulator and two slots per entry.
struct Scratch {
    acc: Vec<Acc>,
    slots: Slots,
}

impl Default for Scratch {
    fn default() -> Self {
        Self {
            acc: Vec::new(),
            slots: Slots::new(0),
        }
    }
}

/// The entries and their distinct words.
#[derive(Default)]
struct Data {
    entries: Vec<Entry>,
    vocab: Vocab,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("ready", &self.data.get().is_some())
            .finish()
    }
}

impl Index {
    pub fn new(content: &Content) -> Self {
        Self::from_entries(entries(content))
    }

    /// The index of the bundled content, as compiled by build.rs: no folding
    /// at start-up, and no need to decode the content to search it. Decoded
    /// when first needed; the tests check that it decodes and equals the
    /// index built from the content.
    pub fn bundled() -> Self {
        Self {
            data: OnceLock::new(),
            compiled: COMPILED,
            matcher: SkimMatcherV2::default().ignore_case(),
            scratch: Mutex::default(),
        }
    }

    pub fn from_entries(entries: Vec<Entry>) -> Self {
        let vocab = Vocab::new(&entries);
        Self {
            data: OnceLock::from(Data { entries, vocab }),
            compiled: &[],
            matcher: SkimMatcherV2::default().ignore_case(),
            scratch: Mutex::default(),
        }
    }

    /// Does now the work of the first search (decoding the compiled index),
    /// for a caller with time to spare.
    pub fn prepare(&self) {
        self.data();
    }

    fn data(&self) -> &Data {
        self.data.get_or_init(|| {
            // build.rs wrote these bytes from the same types; the tests
            // decode them. Should that ever fail, search finds nothing.
            postcard::from_bytes::<(Vec<Entry>, Vocab)>(self.compiled)
                .map(|(entries, vocab)| Data { entries, vocab })
                .unwrap_or_default()
        })
    }

    /// The entries, in index order.
    pub fn entries(&self) -> &[Entry] {
        &self.data().entries
    }

    /// The distinct words of the entries and where they appear.
    pub fn vocab(&self) -> &Vocab {
        &self.data().vocab
    }

    /// Number of indexed entries.
    pub fn len(&self) -> usize {
        self.entries().len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries().is_empty()
    }

    /// The best `limit` results, best first. An empty query gives no result.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = Query::new(query);
        if q.words.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut scored = self.matching(&q);
        let entries = self.entries();
        let order = |a: &Scored, b: &Scored| {
            let (ea, eb) = (&entries[a.entry], &entries[b.entry]);
            b.score
                .cmp(&a.score)
                .then(
                    b.fuzzy
                        .unwrap_or(i64::MAX)
                        .cmp(&a.fuzzy.unwrap_or(i64::MAX)),
                )
                .then(ea.kind.cmp(&eb.kind))
                .then(ea.label.len().cmp(&eb.label.len()))
                .then_with(|| ea.id.cmp(&eb.id))
        };
        if scored.len() > limit {
            // Only the entries that score at least as well as the last one
            // kept can make the cut.
            scored.select_nth_unstable_by(limit - 1, |a, b| b.score.cmp(&a.score));
            let cut = scored[limit - 1].score;
            scored.retain(|s| s.score >= cut);
        }
        // fuzzy-matcher orders the entries found with letters missing.
        for s in &mut scored {
            if s.fuzzy.is_some() {
                s.fuzzy = Some(self.fuzzy_score(&q, &entries[s.entry]));
            }
        }
        scored.sort_unstable_by(order);
        scored.truncate(limit);
        scored
            .into_iter()
            .map(|s| {
                let e = &entries[s.entry];
                Hit {
                    kind: e.kind,
                    id: e.id.clone(),
                    label: e.label.clone(),
                    score: s.score,
                    positions: self.positions(&q, e),
                }
            })
            .collect()
    }

    /// The entries that have every word of the query (or, when none has,
    /// those that have the most, if more than half), scored; and those
    /// found by a code.
    fn matching(&self, q: &Query) -> Vec<Scored> {
        let n = self.len();
        // A search that panicked leaves the slots in an unknown state: start afresh.
        let mut guard = self.scratch.lock().unwrap_or_else(|poisoned| {
            let mut guard = poisoned.into_inner();
            *guard = Scratch::default();
            guard
        });
        let Scratch { acc, slots } = &mut *guard;
        acc.clear();
        acc.resize(n, Acc::default());
        slots.fit(n);
        for (k, w) in q.words.iter().enumerate() {
            lookup::find(self.vocab(), w, slots, |i, [label, others]| {
                let Some(a) = acc.get_mut(i) else { return };
                let (field, best) = match choose(label.map(|b| b.grade), others.map(|b| b.grade)) {
                    Some(Field::Label) => (Field::Label, label),
                    Some(Field::Others) => (Field::Others, others),
                    None => return,
                };
                let Some(best) = best else { return };
                a.found += 1;
                a.score += best.grade.points();
                a.fuzzy |= best.grade == Grade::Fuzzy;
                match field {
                    Field::Others => a.score -= KEYWORD_PENALTY,
                    Field::Label if k == 0 && best.at_title_start => a.score += PREFIX_BONUS,
                    Field::Label => {}
                }
                a.last = k + 1;
            });
            // The words of the routes, whole, where the word was not found otherwise.
            for (e, a) in self.entries().iter().zip(acc.iter_mut()) {
                if a.last != k + 1 && e.routes.contains(&w.text) {
                    a.found += 1;
                    a.score += ROUTE_POINTS;
                    a.last = k + 1;
                }
            }
        }
        let all = q.words.len();
        // When no entry has every word, those with the most of them, as long
        // as that is more than half ("de" alone does not make a result).
        let need = if acc.iter().any(|a| a.found == all) {
            all
        } else {
            let most = acc.iter().map(|a| a.found).max().unwrap_or(0);
            most.max(all / 2 + 1)
        };
        let by_code = |e: &Entry| {
            q.code
                .as_ref()
                .is_some_and(|code| e.codes.iter().any(|c| c.starts_with(code.as_str())))
        };
        self.entries()
            .iter()
            .zip(acc.iter())
            .enumerate()
            .filter_map(|(i, (e, a))| {
                if by_code(e) {
                    return Some(Scored {
                        entry: i,
                        score: CODE_SCORE,
                        fuzzy: None,
                    });
                }
                (a.found >= need).then(|| Scored {
                    entry: i,
                    score: a.score
                        + match e.kind {
                            Kind::Metier | Kind::Dispositif => RICH_BONUS,
                            Kind::Formation => FORMATION_BONUS,
                            Kind::Rome | Kind::Etablissement => 0,
                        },
                    // Scored later, and only if it may make the cut.
                    fuzzy: a.fuzzy.then_some(0),
                })
            })
            .collect()
    }

    /// fuzzy-matcher's score of the words of the query found in `e` with
    /// letters missing.
    fn fuzzy_score(&self, q: &Query, e: &Entry) -> i64 {
        q.words
            .iter()
            .filter_map(|w| {
                let (text, found) = match place(e, w)? {
                    Place::Label(f) => (&e.folded, f),
                    Place::Others(f) => (&e.others, f),
                };
                (found.grade == Grade::Fuzzy)
                    .then(|| words::fuzzy_score(&self.matcher, text, &w.text, found))
            })
            .sum()
    }

    /// Where the query's letters are in the entry's label (in chars of the
    /// original label), for the words found there.
    fn positions(&self, q: &Query, e: &Entry) -> Vec<usize> {
        let mut at: Vec<usize> = Vec::new();
        for w in &q.words {
            if let Some(Place::Label(found)) = place(e, w) {
                at.extend(words::positions_in(
                    &self.matcher,
                    &e.folded,
                    &w.text,
                    found,
                ));
            }
        }
        if at.is_empty() {
            return at;
        }
        at.sort_unstable();
        at.dedup();
        original_positions(&fold(&e.label), &at)
    }
}

/// An entry that matches, before the best are kept.
struct Scored {
    entry: usize,
    score: i64,
    /// fuzzy-matcher's score of the words found with letters missing, if
    /// any (None when every word was found whole).
    fuzzy: Option<i64>,
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
mod tests;
