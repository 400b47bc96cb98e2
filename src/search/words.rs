//! How one word of the query matches a folded text: at the start of a word,
//! inside a word, or with letters missing (fuzzy, scored by fuzzy-matcher).
//!
//! Matching word by word keeps results readable: every word of the query
//! must be found in one word of the entry, so "elec" finds "électricien" and
//! "sélection", but not "é…l…e…c" scattered over a whole title.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{letters, split_words};

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

/// A word of the query, ready to be compared with many words.
pub struct QueryWord {
    pub text: String,
    /// The worst grade it may have (see `allowed`).
    pub worst: Grade,
    /// `fold::letters` of the word.
    letters: u64,
    finder: memchr::memmem::Finder<'static>,
}

impl QueryWord {
    /// `text` must be folded and non-empty.
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_string(),
            worst: allowed(text),
            letters: letters(text),
            finder: memchr::memmem::Finder::new(text.as_bytes()).into_owned(),
        }
    }

    /// How this query word matches one folded word of the content, whose
    /// `fold::letters` are `letters`. The one rule of the search: the
    /// vocabulary and the highlighting both use it.
    pub fn grade_of_word(&self, word: &str, letters: u64) -> Option<Grade> {
        if self.letters & !letters != 0 || word.len() < self.text.len() {
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

    /// The best match in a folded text: the best grade, then the first word.
    pub fn best_in(&self, text: &str) -> Option<Found> {
        split_words(text)
            .filter_map(|(start, word)| {
                let grade = self.grade_of_word(word, letters(word))?;
                Some(Found {
                    grade,
                    word: (start, start + word.len()),
                })
            })
            .min_by_key(|f| (f.grade, f.word.0))
    }
}

/// Where the letters of `q` are in the matched word of `text` (byte indices
/// in `text`).
pub fn positions_in(matcher: &SkimMatcherV2, text: &str, q: &str, found: Found) -> Vec<usize> {
    let (start, end) = found.word;
    let word = text.get(start..end).unwrap_or_default();
    match found.grade {
        Grade::Fuzzy => matcher
            .fuzzy_indices(word, q)
            .map(|(_, idx)| idx.into_iter().map(|i| i + start).collect())
            .unwrap_or_default(),
        _ => {
            let at = if found.grade == Grade::Inside {
                word.find(q)
            } else {
                Some(0)
            };
            let at = at.unwrap_or(0) + start;
            (at..at + q.len()).collect()
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
        QueryWord::new(q).best_in(text)
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
        assert_eq!(positions_in(&m, text, "elec", f), vec![10, 11, 12, 13]);
        let f = find(text, "slct").expect("found");
        assert!(fuzzy_score(&m, text, "slct", f) > 0);
        assert_eq!(positions_in(&m, text, "slct", f), vec![9, 11, 13, 14]);
    }
}
