//! L'apprentissage: the pay simulator, the rules and questions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::{Nav, ScreenState, scroll};
use crate::tui::keys::{self, Entry, Keys, key};
use crate::tui::model::Model;
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{TextPane, heading, style_if, text};
use crate::tui::wrap;

/// Ages offered by the pay simulator.
pub const AGES: std::ops::RangeInclusive<u8> = 15..=30;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Apprentissage {
    /// The simulator's field: 0 the age, 1 the year of contract.
    pub field: usize,
    /// Scroll of the rules.
    pub scroll: u16,
}

#[derive(Debug, Clone, Copy)]
pub enum Action {
    Champ,
    Changer,
    Defiler,
    Retour,
}

const KEYS: &[Entry<Action>] = &[
    key(
        Keys::Any(&[Msg::Up, Msg::Down, Msg::Tab, Msg::BackTab]),
        s::TOUCHE_HAUT_BAS,
        s::ACTION_CHOISIR,
        Action::Champ,
    ),
    key(
        Keys::Any(&[Msg::Left, Msg::Right]),
        s::TOUCHE_GAUCHE_DROITE,
        s::ACTION_CHANGER,
        Action::Changer,
    ),
    key(
        Keys::Any(&[
            Msg::PageUp,
            Msg::PageDown,
            Msg::Home,
            Msg::ScrollUp,
            Msg::ScrollDown,
        ]),
        s::TOUCHE_PAGE_SUIVANTE,
        s::ACTION_LIRE_SUITE,
        Action::Defiler,
    ),
    key(
        Keys::Any(&[Msg::Back]),
        s::TOUCHE_ECHAP,
        s::ACTION_RETOUR,
        Action::Retour,
    ),
];

impl ScreenState for Apprentissage {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::APPRENTISSAGE_TITRE
    }

    fn keys(&self) -> &'static [Entry<Action>] {
        KEYS
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Nav {
        let years = model
            .content
            .apprentissage
            .remuneration
            .tranche
            .iter()
            .map(|t| t.taux.len())
            .max()
            .unwrap_or(1)
            .max(1) as u8;
        match keys::action(KEYS, msg) {
            Some(Action::Retour) => return Nav::Back,
            Some(Action::Champ) => {
                self.field = if matches!(msg, Msg::Up | Msg::BackTab) {
                    self.field.saturating_sub(1)
                } else {
                    (self.field + 1).min(1)
                };
            }
            Some(Action::Changer) => {
                let fwd = msg == Msg::Right;
                let session = &mut model.saisie;
                if self.field == 0 {
                    let a = session.age;
                    session.age = if fwd {
                        (a + 1).min(*AGES.end())
                    } else {
                        a.saturating_sub(1).max(*AGES.start())
                    };
                } else {
                    let y = session.annee;
                    session.annee = if fwd {
                        (y + 1).min(years)
                    } else {
                        y.saturating_sub(1).max(1)
                    };
                }
            }
            Some(Action::Defiler) => self.scroll = scroll(self.scroll, msg),
            None => {}
        }
        Nav::Stay
    }

    fn view(
        &self,
        model: &Model,
        theme: &Palette,
        frame: &mut Frame,
        texts: &mut wrap::Cache,
        area: Rect,
    ) {
        for pane in panes(model, theme, area, self.field, self.scroll) {
            text(frame, texts, pane, theme);
        }
    }
}

/// The pay simulator, then the rules and questions.
fn panes<'a>(
    model: &'a Model,
    theme: &Palette,
    area: Rect,
    field_sel: usize,
    scroll: u16,
) -> Vec<TextPane<'a>> {
    let a = &model.content.apprentissage;
    let [sim_area, rules_area] =
        Layout::vertical([Constraint::Length(7), Constraint::Min(3)]).areas(area);
    let age = model.saisie.age;
    let annee = model.saisie.annee;
    let value = |sel: bool, v: String| {
        Span::styled(
            format!("{} {v} {}", theme.glyphs.left, theme.glyphs.right),
            style_if(sel, theme.selected),
        )
    };
    let mut sim = vec![
        Line::from(vec![
            Span::raw(if field_sel == 0 { "> " } else { "  " }),
            Span::styled(format!("{:<18}", s::SIMULATEUR_AGE), theme.header),
            value(field_sel == 0, s::age(age)),
        ]),
        Line::from(vec![
            Span::raw(if field_sel == 1 { "> " } else { "  " }),
            Span::styled(format!("{:<18}", s::SIMULATEUR_ANNEE), theme.header),
            value(field_sel == 1, s::annee(annee)),
        ]),
        Line::from(""),
    ];
    match a.salaire_minimum(age, usize::from(annee)) {
        Some((taux, montant)) => sim.push(Line::from(Span::styled(
            s::salaire(taux, montant, &a.smic.date),
            theme.good,
        ))),
        None => sim.push(Line::from("—")),
    }
    let mut lines = Vec::new();
    if let Some(note) = &a.remuneration.note {
        lines.push(Line::from(Span::styled(note.as_str(), theme.muted)));
        lines.push(Line::from(""));
    }
    lines.push(heading(s::REGLES_TITRE, theme));
    for r in &a.regle {
        lines.push(Line::from(Span::styled(r.titre.as_str(), theme.title)));
        lines.push(Line::from(r.texte.as_str()));
        lines.push(Line::from(Span::styled(
            format!("({})", r.source),
            theme.muted,
        )));
    }
    if !a.question.is_empty() {
        lines.push(Line::from(""));
        lines.push(heading(s::QUESTIONS_TITRE, theme));
        for q in &a.question {
            lines.push(Line::from(Span::styled(q.question.as_str(), theme.title)));
            lines.push(Line::from(q.reponse.as_str()));
        }
    }
    vec![
        TextPane::new(sim_area, s::SIMULATEUR_TITRE, sim).focused(true),
        TextPane::new(rules_area, s::APPRENTISSAGE_TITRE, lines).scroll(scroll),
    ]
}
