//! How one word of the query matches a folded text: at the start of a word,
//! inside a word, or with letters missing (fuzzy, scored by fuzzy-matcher).
//!
//! Matching word by word keeps results readable: every word of the query
//! must be found in one word of the entry, so "elec" finds "électricien" and
//! "sélection", but not "é…l…e…c" scattered over a whole title.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{is_word_byte, letter_bit, letters};

/// How well a query word matches, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grade {
    /// A whole word of the text equals the query word.
    Whole,
    /// A word of the text starts with the query word.
    Start,
    /// The query word is inside a word of the text.
    Inside,
    /// A word of the text starts with the query word's first letter and holds
    /// its other letters in order (one or more forgotten).
    Fuzzy,
}

impl Grade {
    /// Points this grade is worth in an entry's score.
    pub fn points(self) -> i64 {
        match self {
            Grade::Whole => 5,
            Grade::Start => 4,
            Grade::Inside => 2,
            Grade::Fuzzy => 1,
        }
    }
}

/// The best match of a query word in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub grade: Grade,
    /// Byte range of the text's word that matched.
    pub word: (usize, usize),
}

/// Which grades a query word may have: one letter says little, so it must
/// start a word; two letters must appear together; from three letters on, a
/// missing letter (not the first) is forgiven.
pub fn allowed(word: &str) -> Grade {
    match word.len() {
        0 | 1 => Grade::Start,
        2 => Grade::Inside,
        _ => Grade::Fuzzy,
    }
}

/// What a folded text is made of, to turn most texts down at once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Masks {
    /// The letters and digits the text contains, one bit each: a text that
    /// lacks one of the query word's letters cannot match it.
    letters: u64,
    /// The letters and digits that start a word.
    initials: u64,
}

impl Masks {
    pub fn of(text: &str) -> Self {
        let mut masks = Masks::default();
        let mut prev = b' ';
        for b in text.bytes() {
            masks.letters |= letter_bit(b);
            if !is_word_byte(prev) {
                masks.initials |= letter_bit(b);
            }
            prev = b;
        }
        masks
    }
}

/// A word of the query, ready to be looked for in many texts.
pub struct QueryWord {
    pub text: String,
    /// The worst grade it may have (see `allowed`).
    pub worst: Grade,
    masks: Masks,
    finder: memchr::memmem::Finder<'static>,
}

impl QueryWord {
    /// `text` must be folded and non-empty.
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_string(),
            worst: allowed(text),
            masks: Masks {
                letters: letters(text),
                initials: text.bytes().next().map_or(0, letter_bit),
            },
            finder: memchr::memmem::Finder::new(text.as_bytes()).into_owned(),
        }
    }

    /// How this query word matches one folded word of the content, whose
    /// `fold::letters` are `letters`.
    pub fn grade_of_word(&self, word: &str, letters: u64) -> Option<Grade> {
        if self.masks.letters & !letters != 0 || word.len() < self.text.len() {
            return None;
        }
        if word.starts_with(self.text.as_str()) {
            return Some(if word.len() == self.text.len() {
                Grade::Whole
            } else {
                Grade::Start
            });
        }
        if self.worst >= Grade::Inside && self.finder.find(word.as_bytes()).is_some() {
            return Some(Grade::Inside);
        }
        // A forgotten letter, but not the first one: people start words right.
        let q = self.text.as_bytes();
        (self.worst >= Grade::Fuzzy && q.len() > 1 && word.as_bytes().first() == q.first() && {
            let mut rest = word.bytes();
            q.iter().all(|c| rest.any(|b| b == *c))
        })
        .then_some(Grade::Fuzzy)
    }

    /// The best match in the folded `text`, whose masks are `masks`.
    pub fn find(&self, text: &str, masks: Masks) -> Option<Found> {
        if self.masks.letters & !masks.letters != 0 || self.text.is_empty() {
            return None;
        }
        let starts_a_word = self.masks.initials & masks.initials != 0;
        if self.worst == Grade::Start && !starts_a_word {
            return None;
        }
        let bytes = text.as_bytes();
        let len = self.text.len();
        if len == 1 {
            // One letter: the first word that starts with it.
            return word_starts(bytes)
                .find(|&i| bytes[i] == bytes_of(&self.text))
                .map(|i| {
                    let word = word_around(bytes, i);
                    let grade = if word.1 == i + 1 {
                        Grade::Whole
                    } else {
                        Grade::Start
                    };
                    Found { grade, word }
                });
        }
        let mut best: Option<Found> = None;
        for i in self.finder.find_iter(bytes) {
            let at_start = i == 0 || !is_word_byte(bytes[i - 1]);
            if at_start {
                let word = word_around(bytes, i);
                if word.1 == i + len {
                    return Some(Found {
                        grade: Grade::Whole,
                        word,
                    });
                }
                // A later occurrence may be a whole word: keep looking.
                if best.is_none_or(|b| b.grade > Grade::Start) {
                    best = Some(Found {
                        grade: Grade::Start,
                        word,
                    });
                }
            } else if best.is_none() && self.worst >= Grade::Inside {
                best = Some(Found {
                    grade: Grade::Inside,
                    word: word_around(bytes, i),
                });
            }
        }
        if best.is_some() || self.worst < Grade::Fuzzy {
            return best;
        }
        fuzzy_word(bytes, self.text.as_bytes())
    }
}

/// The first word of `text` that starts with the first letter of `q` and
/// holds its other letters in order.
fn fuzzy_word(text: &[u8], q: &[u8]) -> Option<Found> {
    // Most texts do not even hold the letters in order: jump from letter to
    // letter to find out before looking word by word.
    let mut at = 0;
    for &b in q {
        at += memchr::memchr(b, text.get(at..)?)? + 1;
    }
    let (mut k, mut start) = (0, 0);
    for (i, &b) in text.iter().enumerate() {
        if !is_word_byte(b) {
            k = 0;
            start = i + 1;
        } else if i == start && q.first() != Some(&b) {
            // The word must start with the query's first letter: skip it.
            k = usize::MAX;
        } else if q.get(k) == Some(&b) {
            k += 1;
            if k == q.len() {
                return Some(Found {
                    grade: Grade::Fuzzy,
                    word: word_around(text, start),
                });
            }
        }
    }
    None
}

fn bytes_of(one: &str) -> u8 {
    one.as_bytes().first().copied().unwrap_or(0)
}

/// Where the words of `text` start.
fn word_starts(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
    (0..text.len())
        .filter(move |&i| is_word_byte(text[i]) && (i == 0 || !is_word_byte(text[i - 1])))
}

/// The byte range of the word of `text` around byte `i`.
fn word_around(text: &[u8], i: usize) -> (usize, usize) {
    let start = text[..i]
        .iter()
        .rposition(|b| !is_word_byte(*b))
        .map_or(0, |p| p + 1);
    let end = text[i..]
        .iter()
        .position(|b| !is_word_byte(*b))
        .map_or(text.len(), |p| p + i);
    (start, end)
}

/// Where the letters of `q` are in the matched word of `text` (byte indices
/// in `text`), and how good a fuzzy match is (fuzzy-matcher's score; 0 for
/// the other grades).
pub fn positions_in(
    matcher: &SkimMatcherV2,
    text: &str,
    q: &str,
    found: Found,
) -> (i64, Vec<usize>) {
    let (start, end) = found.word;
    let word = text.get(start..end).unwrap_or_default();
    match found.grade {
        Grade::Fuzzy => matcher
            .fuzzy_indices(word, q)
            .map(|(score, idx)| (score, idx.into_iter().map(|i| i + start).collect()))
            .unwrap_or_default(),
        _ => {
            let at = if found.grade == Grade::Inside {
                word.find(q)
            } else {
                Some(0)
            };
            let at = at.unwrap_or(0) + start;
            (0, (at..at + q.len()).collect())
        }
    }
}

/// The fuzzy score alone.
pub fn fuzzy_score(matcher: &SkimMatcherV2, text: &str, q: &str, found: Found) -> i64 {
    let (start, end) = found.word;
    text.get(start..end)
        .and_then(|word| matcher.fuzzy_match(word, q))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, q: &str) -> Option<Found> {
        QueryWord::new(q).find(text, Masks::of(text))
    }

    fn grade(text: &str, q: &str) -> Option<Grade> {
        find(text, q).map(|f| f.grade)
    }

    #[test]
    fn grades_from_whole_word_to_fuzzy() {
        assert_eq!(grade("conducteur de bus", "bus"), Some(Grade::Whole));
        assert_eq!(grade("electricien", "elec"), Some(Grade::Start));
        assert_eq!(grade("selection", "elec"), Some(Grade::Inside));
        assert_eq!(grade("electricien", "electricen"), Some(Grade::Fuzzy));
        assert_eq!(grade("conseiller en economie", "elec"), None);
    }

    #[test]
    fn a_whole_word_later_in_the_text_beats_an_earlier_start() {
        let f = find("business bus", "bus").expect("found");
        assert_eq!((f.grade, f.word), (Grade::Whole, (9, 12)));
    }

    #[test]
    fn short_words_are_stricter() {
        assert_eq!(grade("electricien", "t"), None);
        assert_eq!(grade("technicien", "t"), Some(Grade::Start));
        assert_eq!(grade("selection", "el"), Some(Grade::Inside));
        assert_eq!(grade("employe", "el"), None);
        assert_eq!(grade("employe", "ele"), Some(Grade::Fuzzy));
        assert_eq!(grade("salarie", "ele"), None);
        assert_eq!(grade("eleveur", "elr"), Some(Grade::Fuzzy));
        // The first letter is never the forgotten one.
        assert_eq!(grade("particulieres", "cuis"), None);
        assert_eq!(grade("la cuisiniere", "cuisne"), Some(Grade::Fuzzy));
    }

    #[test]
    fn letters_point_at_the_matched_word() {
        let m = SkimMatcherV2::default();
        let text = "agent de selection";
        let f = find(text, "elec").expect("found");
        assert_eq!(positions_in(&m, text, "elec", f).1, vec![10, 11, 12, 13]);
        let f = find(text, "slct").expect("found");
        let (score, at) = positions_in(&m, text, "slct", f);
        assert!(score > 0);
        assert_eq!(at, vec![9, 11, 13, 14]);
    }
}
