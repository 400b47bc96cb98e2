//! The words of the index, each listed once with where it appears: a query
//! word is compared with each distinct word once, not with every text, so a
//! keystroke costs little even when the content grows.

use std::collections::HashMap;

use super::entries::Entry;
use super::words::{Grade, QueryWord, is_word_byte};

/// Which text of an entry a word is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The label (the title).
    Label,
    /// The other words (keywords, formation type).
    Others,
}

/// One appearance of a word.
#[derive(Debug, Clone, Copy)]
struct Posting {
    entry: u32,
    field: Field,
    /// Byte offset of the word in the folded text.
    start: u32,
    /// The word starts the label or one of its titles ("Maçon / Maçonne").
    title_start: bool,
}

/// A distinct word and where it appears.
#[derive(Debug)]
struct Word {
    text: String,
    letters: u64,
    postings: Vec<Posting>,
}

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

/// The distinct words of every entry's label and other words.
#[derive(Debug, Default)]
pub struct Vocab {
    words: Vec<Word>,
}

impl Vocab {
    pub fn new(entries: &[Entry]) -> Self {
        let mut at: HashMap<&str, usize> = HashMap::new();
        let mut words: Vec<Word> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let Ok(entry) = u32::try_from(i) else { break };
            for (field, text) in [(Field::Label, &e.folded), (Field::Others, &e.others)] {
                for (start, word) in split_words(text) {
                    let Ok(start32) = u32::try_from(start) else {
                        break;
                    };
                    let k = *at.entry(word).or_insert_with(|| {
                        words.push(Word {
                            text: word.to_string(),
                            letters: QueryWord::letters_of(word),
                            postings: Vec::new(),
                        });
                        words.len() - 1
                    });
                    let title_start =
                        field == Field::Label && (start == 0 || text[..start].ends_with("/ "));
                    words[k].postings.push(Posting {
                        entry,
                        field,
                        start: start32,
                        title_start,
                    });
                }
            }
        }
        Vocab { words }
    }

    /// Number of distinct words.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.words.len()
    }

    /// For each entry where `q` is found, call `found(entry, [label, others])`
    /// with its best match in each field. `slots` is scratch space, one per
    /// entry, all `[None, None]` on entry and on return.
    pub fn find(
        &self,
        q: &QueryWord,
        slots: &mut [[Option<Best>; 2]],
        touched: &mut Vec<u32>,
        mut found: impl FnMut(usize, [Option<Best>; 2]),
    ) {
        touched.clear();
        for w in &self.words {
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
                Best::improve(&mut slot[p.field as usize], grade, word, p.title_start);
            }
        }
        for &e in touched.iter() {
            if let Some(slot) = slots.get_mut(e as usize) {
                found(e as usize, *slot);
                *slot = [None, None];
            }
        }
    }
}

/// The words of a folded text with their byte offsets.
pub fn split_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !is_word_byte(bytes[i]) {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() && is_word_byte(bytes[i]) {
            i += 1;
        }
        text.get(start..i).map(|w| (start, w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Kind;

    fn entry(label: &str, others: &str) -> Entry {
        Entry {
            kind: Kind::Metier,
            id: label.to_string(),
            label: label.to_string(),
            folded: label.to_string(),
            others: others.to_string(),
            codes: Vec::new(),
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
        assert_eq!(vocab.len(), 7);
        let mut slots = vec![[None; 2]; entries.len()];
        let mut touched = Vec::new();
        let mut got = Vec::new();
        vocab.find(
            &QueryWord::new("macon"),
            &mut slots,
            &mut touched,
            |e, b| got.push((e, b.map(|b| b.map(|b| (b.grade, b.word, b.at_title_start))))),
        );
        got.sort_by_key(|g| g.0);
        let whole = |at, title| Some((Grade::Whole, at, title));
        assert_eq!(
            got,
            vec![
                (0, [whole((0, 5), true), None]),
                (1, [None, whole((0, 5), false)]),
            ]
        );
        assert!(slots.iter().all(|s| s == &[None, None]));
    }
}
