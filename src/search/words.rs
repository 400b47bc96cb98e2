//! How one word of the query matches a folded text: at the start of a word,
//! inside a word, or with letters missing (fuzzy, scored by fuzzy-matcher).
//!
//! Matching word by word keeps results readable: every word of the query
//! must be found in one word of the entry, so "electr" finds "électricien"
//! and "diélectrique", but not "é…l…e…c" scattered over a whole title.
//!
//! A short query word (four letters or fewer) is often an acronym ("cfa",
//! "vae", "sn"): it must be a whole word or the start of one, never found
//! inside a word or with letters missing, where it would hit unrelated words
//! ("cfa" in "chauffagiste").

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{compounds, is_word_byte, letters, split_words};

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

/// Query words of this many letters or fewer must be whole words or start
/// one: short words are often acronyms, and a few letters are found inside
/// or scattered over too many unrelated words.
pub const SHORT: usize = 4;

/// Which grades a query word may have: up to `SHORT` letters, it must start
/// a word; from five letters on, it may be inside a word, and a missing
/// letter (not the first) is forgiven.
pub fn allowed(word: &str) -> Grade {
    if word.len() <= SHORT {
        Grade::Start
    } else {
        Grade::Fuzzy
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
    /// Hyphenated words count joined too ("aidesoignante").
    pub fn best_in(&self, text: &str) -> Option<Found> {
        let words = split_words(text).map(|(start, word)| (start, start + word.len(), word));
        let joined = compounds(text);
        words
            .chain(joined.iter().map(|(s, e, w)| (*s, *e, w.as_str())))
            .filter_map(|(start, end, word)| {
                let grade = self.grade_of_word(word, letters(word))?;
                Some(Found {
                    grade,
                    word: (start, end),
                })
            })
            .min_by_key(|f| (f.grade, f.word.0))
    }
}

/// The letters of the matched word (without the hyphens of a joined word)
/// and the byte index in `text` of each.
fn word_letters(text: &str, found: Found) -> (String, Vec<usize>) {
    let (start, end) = found.word;
    text.get(start..end)
        .unwrap_or_default()
        .bytes()
        .enumerate()
        .filter(|(_, b)| is_word_byte(*b))
        .map(|(i, b)| (char::from(b), start + i))
        .unzip()
}

/// Where the letters of `q` are in the matched word of `text` (byte indices
/// in `text`).
pub fn positions_in(matcher: &SkimMatcherV2, text: &str, q: &str, found: Found) -> Vec<usize> {
    let (word, at) = word_letters(text, found);
    let indices: Vec<usize> = match found.grade {
        Grade::Fuzzy => matcher
            .fuzzy_indices(&word, q)
            .map(|(_, idx)| idx)
            .unwrap_or_default(),
        Grade::Inside => word
            .find(q)
            .map(|i| (i..i + q.len()).collect())
            .unwrap_or_default(),
        Grade::Whole | Grade::Start => (0..q.len()).collect(),
    };
    indices
        .into_iter()
        .filter_map(|i| at.get(i).copied())
        .collect()
}

/// The fuzzy score alone.
pub fn fuzzy_score(matcher: &SkimMatcherV2, text: &str, q: &str, found: Found) -> i64 {
    let (word, _) = word_letters(text, found);
    matcher.fuzzy_match(&word, q).unwrap_or(0)
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
        assert_eq!(grade("preselection", "selec"), Some(Grade::Inside));
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
        assert_eq!(grade("employe", "el"), None);
        assert_eq!(grade("salarie", "ele"), None);
        // The first letter is never the forgotten one.
        assert_eq!(grade("particulieres", "cuisi"), None);
        assert_eq!(grade("la cuisiniere", "cuisne"), Some(Grade::Fuzzy));
        assert_eq!(grade("eleveur", "elveu"), Some(Grade::Fuzzy));
    }

    #[test]
    fn short_words_are_whole_words_or_word_starts() {
        // Acronyms hit their own word, not letters inside or scattered
        // over unrelated words.
        assert_eq!(grade("plombier chauffagiste", "cfa"), None);
        assert_eq!(grade("conseiller en voyages", "vae"), None);
        assert_eq!(grade("transnational", "sn"), None);
        assert_eq!(grade("selection", "elec"), None);
        assert_eq!(grade("employe", "ele"), None);
        assert_eq!(
            grade("centre de formation / cfa", "cfa"),
            Some(Grade::Whole)
        );
        assert_eq!(grade("bts / vae", "vae"), Some(Grade::Whole));
        // Typed letter by letter, a word is found by its start all along.
        assert_eq!(grade("informatique", "info"), Some(Grade::Start));
        assert_eq!(grade("electricien", "el"), Some(Grade::Start));
        // From five letters on, inside words and letters missing again.
        assert_eq!(grade("selection", "lecti"), Some(Grade::Inside));
        assert_eq!(grade("chauffagiste", "chffa"), Some(Grade::Fuzzy));
    }

    #[test]
    fn hyphenated_words_are_found_joined_too() {
        let text = "aide-soignant / aide-soignante";
        let f = find(text, "aidesoignante").expect("found");
        assert_eq!((f.grade, f.word), (Grade::Whole, (16, 30)));
        let m = SkimMatcherV2::default();
        // The letters highlighted skip the hyphen.
        let at = positions_in(&m, text, "aidesoignante", f);
        assert_eq!(at.len(), 13);
        assert!(!at.contains(&20));
        // A part alone is still a whole word.
        assert_eq!(grade(text, "soignant"), Some(Grade::Whole));
        assert_eq!(grade("aide soignante", "aidesoignante"), None);
    }

    #[test]
    fn letters_point_at_the_matched_word() {
        let m = SkimMatcherV2::default();
        let text = "agent de selection";
        let f = find(text, "elect").expect("found");
        assert_eq!(positions_in(&m, text, "elect", f), vec![10, 11, 12, 13, 14]);
        let f = find(text, "slcti").expect("found");
        assert!(fuzzy_score(&m, text, "slcti", f) > 0);
        assert_eq!(positions_in(&m, text, "slcti", f), vec![9, 11, 13, 14, 15]);
    }
}
