//! The words of the index, each listed once with where it appears: a query
//! word is compared with each distinct word once, not with every text, so a
//! keystroke costs little even when the content grows. Also used by build.rs,
//! which compiles the bundled content's vocabulary into the binary.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::entries::Entry;
use super::fold::{compounds, letters, split_words};

/// Which text of an entry a word is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    /// The label (the title).
    Label,
    /// The other words (keywords, formation type).
    Others,
}

/// One appearance of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    /// Index of the entry.
    pub entry: u32,
    pub field: Field,
    /// Byte offset of the word in the folded text.
    pub start: u32,
    /// The word starts the label or one of its titles ("Maçon / Maçonne").
    pub title_start: bool,
}

/// A distinct word and where it appears.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Word {
    pub text: String,
    /// `fold::letters` of the word.
    pub letters: u64,
    pub postings: Vec<Posting>,
}

/// The distinct words of every entry's label and other words (hyphenated
/// words also joined, see `fold::compounds`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vocab {
    pub words: Vec<Word>,
}

impl Vocab {
    pub fn new(entries: &[Entry]) -> Self {
        let mut at: HashMap<String, usize> = HashMap::new();
        let mut words: Vec<Word> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let Ok(entry) = u32::try_from(i) else { break };
            for (field, text) in [(Field::Label, &e.folded), (Field::Others, &e.others)] {
                let joined = compounds(text);
                let terms = split_words(text).chain(
                    joined
                        .iter()
                        .map(|(start, _, word)| (*start, word.as_str())),
                );
                for (start, word) in terms {
                    let Ok(start32) = u32::try_from(start) else {
                        break;
                    };
                    let k = match at.get(word) {
                        Some(&k) => k,
                        None => {
                            words.push(Word {
                                text: word.to_string(),
                                letters: letters(word),
                                postings: Vec::new(),
                            });
                            at.insert(word.to_string(), words.len() - 1);
                            words.len() - 1
                        }
                    };
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
}
