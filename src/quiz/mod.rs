//! The interest questionnaire: which items to ask, and how answers become a profile.
//!
//! Method (see `docs/methode.md`): each answer is 0 to 4, "Je ne sais pas" is not
//! counted. A theme's score is the mean of its answered items, scaled to 0–100.
//! A theme with no answered item is unknown, not 0.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::{Item, Questionnaire, Theme};

/// The largest answer on the scale.
pub const MAX_ANSWER: u8 = 4;

/// A profile is "peu différencié" when its highest and lowest known scores are
/// less than this many points apart (on 0–100): a correlation would then mostly
/// measure noise.
pub const FLAT_SPREAD: f64 = 15.0;

/// Which form of the questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Items flagged `rapide` only.
    Rapide,
    /// Every item.
    Complet,
}

/// One answer to an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Answer {
    /// 0 ("Je n'aime pas du tout") to 4 ("J'adore").
    Note(u8),
    /// "Je ne sais pas": not counted.
    NeSaitPas,
}

/// The items of a form, in questionnaire order (the pupils' set).
pub fn items(q: &Questionnaire, form: Form) -> Vec<&Item> {
    items_pour(q, form, false)
}

/// The items of a form for this public: adults get their own set when the
/// content has one.
pub fn items_pour(q: &Questionnaire, form: Form, adulte: bool) -> Vec<&Item> {
    q.items_pour(adulte)
        .iter()
        .filter(|i| form == Form::Complet || i.rapide)
        .collect()
}

/// Answers by item id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    by_item: BTreeMap<String, Answer>,
}

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records (or changes) the answer to an item. Notes above 4 are capped.
    pub fn set(&mut self, item_id: &str, answer: Answer) {
        let answer = match answer {
            Answer::Note(n) => Answer::Note(n.min(MAX_ANSWER)),
            other => other,
        };
        self.by_item.insert(item_id.to_string(), answer);
    }

    pub fn get(&self, item_id: &str) -> Option<Answer> {
        self.by_item.get(item_id).copied()
    }

    pub fn clear(&mut self) {
        self.by_item.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.by_item.is_empty()
    }

    pub fn len(&self) -> usize {
        self.by_item.len()
    }

    /// Every answer by item id, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Answer)> {
        self.by_item.iter().map(|(id, a)| (id.as_str(), *a))
    }

    /// Item ids and notes (not "Je ne sais pas").
    pub fn notes(&self) -> impl Iterator<Item = (&str, u8)> {
        self.by_item.iter().filter_map(|(id, a)| match a {
            Answer::Note(n) => Some((id.as_str(), *n)),
            Answer::NeSaitPas => None,
        })
    }
}

/// The six theme scores of a person.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Profile {
    /// Score 0–100 per theme (order R, I, A, S, E, C); `None` when no item of the theme was answered.
    pub scores: [Option<f64>; 6],
}

impl Profile {
    /// The score of a theme, if known.
    pub fn score(&self, theme: Theme) -> Option<f64> {
        self.scores[theme.index()]
    }

    /// Known themes with their scores.
    pub fn known(&self) -> impl Iterator<Item = (Theme, f64)> + '_ {
        Theme::ALL
            .into_iter()
            .filter_map(|t| self.score(t).map(|s| (t, s)))
    }

    /// Themes from the highest score to the lowest (known themes only).
    /// Ties keep the canonical order R, I, A, S, E, C.
    pub fn ranked(&self) -> Vec<(Theme, f64)> {
        let mut known: Vec<(Theme, f64)> = self.known().collect();
        // Stable sort: equal scores keep R, I, A, S, E, C order.
        known.sort_by(|a, b| b.1.total_cmp(&a.1));
        known
    }

    /// The Holland code: the three highest known themes (fewer if fewer are known).
    pub fn code(&self) -> Vec<Theme> {
        self.ranked().into_iter().take(3).map(|(t, _)| t).collect()
    }

    /// The code as letters, e.g. "RIC".
    pub fn code_letters(&self) -> String {
        self.code().into_iter().map(Theme::letter).collect()
    }

    /// Highest minus lowest known score.
    pub fn spread(&self) -> Option<f64> {
        let ranked = self.ranked();
        Some(ranked.first()?.1 - ranked.last()?.1)
    }

    /// True when the profile cannot be matched by correlation: fewer than three
    /// known themes, or a spread below [`FLAT_SPREAD`].
    pub fn is_flat(&self) -> bool {
        self.known().count() < 3 || self.spread().is_none_or(|s| s < FLAT_SPREAD)
    }
}

/// Computes the profile from the answers.
pub fn score(q: &Questionnaire, answers: &Answers) -> Profile {
    let mut sums = [0u32; 6];
    let mut counts = [0u32; 6];
    // Answers to either set (pupils' or adults'), each item once.
    for (id, answer) in answers.iter() {
        if let (Answer::Note(n), Some(item)) = (answer, q.item(id)) {
            sums[item.theme.index()] += u32::from(n);
            counts[item.theme.index()] += 1;
        }
    }
    let mut scores = [None; 6];
    for t in 0..6 {
        if counts[t] > 0 {
            let mean = f64::from(sums[t]) / f64::from(counts[t]);
            scores[t] = Some(mean / f64::from(MAX_ANSWER) * 100.0);
        }
    }
    Profile { scores }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::ThemeInfo;

    fn questionnaire() -> Questionnaire {
        let mut q = Questionnaire {
            ne_sait_pas: "Je ne sais pas".into(),
            ..Default::default()
        };
        for t in Theme::ALL {
            q.theme.push(ThemeInfo {
                code: t,
                nom: t.letter().to_string(),
                explication: String::new(),
                explication_adulte: None,
            });
            for n in 0..2 {
                q.item.push(Item {
                    id: format!("{}{n}", t.letter()),
                    texte: String::new(),
                    theme: t,
                    rapide: n == 0,
                    domaines: Vec::new(),
                });
            }
        }
        q
    }

    #[test]
    fn forms_select_items() {
        let q = questionnaire();
        assert_eq!(items(&q, Form::Rapide).len(), 6);
        assert_eq!(items(&q, Form::Complet).len(), 12);
    }

    #[test]
    fn hand_computed_scores() {
        let q = questionnaire();
        let mut a = Answers::new();
        a.set("R0", Answer::Note(4));
        a.set("R1", Answer::Note(3)); // R: (4+3)/2 = 3.5 -> 87.5
        a.set("I0", Answer::Note(1));
        a.set("I1", Answer::NeSaitPas); // I: 1 -> 25
        a.set("A0", Answer::NeSaitPas); // A: unknown
        a.set("S0", Answer::Note(0));
        a.set("S1", Answer::Note(2)); // S: 1 -> 25
        a.set("E0", Answer::Note(9)); // capped to 4 -> 100
        a.set("C0", Answer::Note(2)); // C: 50
        let p = score(&q, &a);
        assert_eq!(
            p.scores,
            [
                Some(87.5),
                Some(25.0),
                None,
                Some(25.0),
                Some(100.0),
                Some(50.0)
            ]
        );
        // E 100, R 87.5, C 50; I and S tie at 25 below.
        assert_eq!(p.code_letters(), "ERC");
        assert_eq!(p.spread(), Some(75.0));
        assert!(!p.is_flat());
    }

    #[test]
    fn ties_keep_riasec_order() {
        let q = questionnaire();
        let mut a = Answers::new();
        for t in ["S0", "A0", "C0", "R0"] {
            a.set(t, Answer::Note(3));
        }
        a.set("I0", Answer::Note(0));
        a.set("E0", Answer::Note(0));
        assert_eq!(score(&q, &a).code_letters(), "RAS");
    }

    #[test]
    fn flat_profiles_are_flagged() {
        let q = questionnaire();
        let mut a = Answers::new();
        for item in &q.item {
            a.set(&item.id, Answer::Note(2));
        }
        a.set("R0", Answer::Note(3)); // R = 62.5, others 50: spread 12.5 < 15
        let p = score(&q, &a);
        assert!(p.is_flat());
        // Nothing answered: no known theme, flat, empty code.
        let empty = score(&q, &Answers::new());
        assert!(empty.is_flat());
        assert_eq!(empty.code_letters(), "");
        assert!(empty.scores.iter().all(Option::is_none));
    }
}
