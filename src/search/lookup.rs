//! Looking a query word up in the vocabulary: the best match of the word in
//! each entry's label and other words.

use super::vocab::{Field, Vocab};
use super::words::{Grade, QueryWord};

/// The best match of a query word in one entry's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Best {
    pub grade: Grade,
    /// Byte range of the matched word in the folded text.
    pub word: (usize, usize),
    /// A word that starts a title starts with the query word.
    pub at_title_start: bool,
}

impl Best {
    /// Keeps the better grade, then the earlier word.
    fn improve(slot: &mut Option<Best>, grade: Grade, word: (usize, usize), title_start: bool) {
        let at_title_start = title_start && grade <= Grade::Start;
        match slot {
            Some(b) => {
                if (grade, word.0) < (b.grade, b.word.0) {
                    b.grade = grade;
                    b.word = word;
                }
                b.at_title_start |= at_title_start;
            }
            None => {
                *slot = Some(Best {
                    grade,
                    word,
                    at_title_start,
                })
            }
        }
    }
}

/// Scratch space for `find`, one slot per entry and field.
pub struct Slots {
    slots: Vec<[Option<Best>; 2]>,
    touched: Vec<u32>,
}

impl Slots {
    pub fn new(entries: usize) -> Self {
        Self {
            slots: vec![[None, None]; entries],
            touched: Vec::new(),
        }
    }

    /// Room for `entries` entries (the slots are all empty between calls).
    pub fn fit(&mut self, entries: usize) {
        self.slots.resize(entries, [None, None]);
    }
}

/// For each entry where `q` is found, calls `found(entry, [label, others])`
/// with its best match in each field.
pub fn find(
    vocab: &Vocab,
    q: &QueryWord,
    scratch: &mut Slots,
    mut found: impl FnMut(usize, [Option<Best>; 2]),
) {
    let Slots { slots, touched } = scratch;
    touched.clear();
    for w in &vocab.words {
        let Some(grade) = q.grade_of_word(&w.text, w.letters) else {
            continue;
        };
        for p in &w.postings {
            let Some(slot) = slots.get_mut(p.entry as usize) else {
                continue;
            };
            if slot[0].is_none() && slot[1].is_none() {
                touched.push(p.entry);
            }
            let start = p.start as usize;
            let word = (start, start + w.text.len());
            let field = match p.field {
                Field::Label => 0,
                Field::Others => 1,
            };
            Best::improve(&mut slot[field], grade, word, p.title_start);
        }
    }
    for &e in touched.iter() {
        if let Some(slot) = slots.get_mut(e as usize) {
            found(e as usize, *slot);
            *slot = [None, None];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fold::split_words;
    use crate::search::{Entry, Kind};

    fn entry(label: &str, others: &str) -> Entry {
        Entry {
            kind: Kind::Metier,
            id: label.to_string(),
            label: label.to_string(),
            folded: label.to_string(),
            others: others.to_string(),
            codes: Vec::new(),
            routes: Vec::new(),
        }
    }

    #[test]
    fn words_are_split_on_anything_but_letters_and_digits() {
        let words: Vec<_> = split_words("aide-soignant / aide-soignante (ide)").collect();
        assert_eq!(
            words,
            vec![
                (0, "aide"),
                (5, "soignant"),
                (16, "aide"),
                (21, "soignante"),
                (32, "ide")
            ]
        );
    }

    #[test]
    fn each_entry_gets_its_best_match_per_field() {
        let entries = [
            entry("macon / maconne", "batiment"),
            entry("chef de chantier", "macon"),
            entry("boulanger", ""),
        ];
        let vocab = Vocab::new(&entries);
        assert_eq!(vocab.words.len(), 7);
        let mut scratch = Slots::new(entries.len());
        let mut got = Vec::new();
        find(&vocab, &QueryWord::new("macon"), &mut scratch, |e, b| {
            got.push((e, b.map(|b| b.map(|b| (b.grade, b.word, b.at_title_start)))))
        });
        got.sort_by_key(|g| g.0);
        let whole = |at, title| Some((Grade::Whole, at, title));
        assert_eq!(
            got,
            vec![
                (0, [whole((0, 5), true), None]),
                (1, [None, whole((0, 5), false)]),
            ]
        );
        assert!(scratch.slots.iter().all(|s| s == &[None, None]));
    }
}
