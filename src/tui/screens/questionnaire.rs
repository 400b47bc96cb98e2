//! Questionnaire: one activity at a time, a note from 0 to 4 or "je ne sais pas".

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Nav, ScreenState};
use crate::quiz::{self, Answer, Form};
use crate::tui::keys::{self, Entry, Global, Keys, hidden, key, help_key};
use crate::tui::model::Model;
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{block, style_if};
use crate::tui::{layout, wrap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Questionnaire {
    pub form: Form,
    /// The activity shown.
    pub pos: usize,
    /// The choice under the cursor: a note, or 5 for "je ne sais pas".
    pub cursor: u8,
}

impl Questionnaire {
    pub fn new(form: Form) -> Self {
        Self {
            form,
            pos: 0,
            cursor: 2,
        }
    }

    /// Takes a questionnaire up again at activity `pos`.
    pub fn reprendre(form: Form, pos: usize) -> Self {
        Self {
            form,
            pos,
            cursor: 2,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub enum Action {
    Note,
    NeSaitPas,
    Valider,
    Precedente,
    Suivante,
    Monter,
    Descendre,
    Arreter,
}

const KEYS: &[Entry<Action>] = &[
    key(
        Keys::Range('0', '4'),
        s::TOUCHE_NOTES,
        s::ACTION_REPONDRE,
        Action::Note,
    ),
    key(
        Keys::Any(&[Msg::Char('n'), Msg::Char('N')]),
        s::TOUCHE_N,
        s::ACTION_NE_SAIT_PAS,
        Action::NeSaitPas,
    ),
    key(
        Keys::Any(&[Msg::Left, Msg::Backspace]),
        s::TOUCHE_GAUCHE,
        s::ACTION_PRECEDENTE,
        Action::Precedente,
    ),
    key(
        Keys::Any(&[Msg::Back]),
        s::TOUCHE_ECHAP,
        s::ACTION_ARRETER,
        Action::Arreter,
    ),
    Entry::Global(Global::Aide),
    help_key(
        Keys::Any(&[Msg::Enter]),
        s::TOUCHE_ENTREE,
        s::ACTION_VALIDER,
        Action::Valider,
    ),
    help_key(
        Keys::Any(&[Msg::Right]),
        s::TOUCHE_DROITE,
        s::ACTION_SUIVANTE,
        Action::Suivante,
    ),
    help_key(
        Keys::Any(&[Msg::Up, Msg::ScrollUp]),
        s::TOUCHE_HAUT_BAS,
        s::ACTION_CHOISIR_REPONSE,
        Action::Monter,
    ),
    hidden(Keys::Any(&[Msg::Down, Msg::ScrollDown]), Action::Descendre),
];

impl Model {
    /// A questionnaire left midway: its form, the first activity without an
    /// answer, and how many of how many are answered.
    pub fn quiz_en_cours(&self) -> Option<(Form, usize, usize, usize)> {
        let form = self.saisie.form?;
        let items = self.quiz_items(form);
        let total = items.len();
        let first = items
            .iter()
            .position(|i| self.saisie.answers.get(&i.id).is_none())?;
        let done = items
            .iter()
            .filter(|i| self.saisie.answers.get(&i.id).is_some())
            .count();
        (done > 0).then_some((form, first, done, total))
    }

    /// Whether a questionnaire is under way is the app's to say (it has the
    /// stack); this ends one: the profile, then the results start afresh.
    fn finish_quiz(&mut self) -> Nav {
        let profile = quiz::score(&self.content.questionnaire, &self.saisie.answers);
        self.saisie.profile = Some(profile);
        self.saisie.rejected.clear();
        self.recompute();
        Nav::Replace(super::Profil::default().into())
    }
}

impl ScreenState for Questionnaire {
    type Action = Action;

    fn title(&self) -> &'static str {
        if self.form == Form::Rapide {
            s::QUIZ_TITRE_RAPIDE
        } else {
            s::QUIZ_TITRE_COMPLET
        }
    }

    fn keys(&self) -> &'static [Entry<Action>] {
        KEYS
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Nav {
        let items: Vec<String> = model
            .quiz_items(self.form)
            .iter()
            .map(|i| i.id.clone())
            .collect();
        let total = items.len();
        let cursor_of = |model: &Model, pos: usize| -> u8 {
            match items.get(pos).and_then(|id| model.saisie.answers.get(id)) {
                Some(Answer::Note(n)) => n,
                Some(Answer::NeSaitPas) => 5,
                None => 2,
            }
        };
        let action = keys::action(KEYS, msg);
        if total == 0 {
            return match action {
                Some(Action::Arreter) => Nav::Back,
                _ => Nav::Stay,
            };
        }
        let answer = match (action, msg) {
            (Some(Action::Note), Msg::Char(c)) => Some(Answer::Note(c as u8 - b'0')),
            (Some(Action::NeSaitPas), _) => Some(Answer::NeSaitPas),
            (Some(Action::Valider), _) => Some(if self.cursor >= 5 {
                Answer::NeSaitPas
            } else {
                Answer::Note(self.cursor)
            }),
            _ => None,
        };
        let pos = self.pos;
        if let Some(a) = answer {
            if let Some(id) = items.get(pos) {
                model.saisie.answers.set(id, a);
            }
            if pos + 1 >= total {
                return model.finish_quiz();
            }
            self.pos = pos + 1;
            self.cursor = cursor_of(model, pos + 1);
            return Nav::Stay;
        }
        match action {
            Some(Action::Monter) => self.cursor = self.cursor.saturating_sub(1),
            Some(Action::Descendre) => self.cursor = (self.cursor + 1).min(5),
            Some(Action::Precedente) if pos > 0 => {
                self.pos = pos - 1;
                self.cursor = cursor_of(model, pos - 1);
            }
            Some(Action::Suivante)
                if pos + 1 < total
                    && items
                        .get(pos)
                        .is_some_and(|id| model.saisie.answers.get(id).is_some()) =>
            {
                self.pos = pos + 1;
                self.cursor = cursor_of(model, pos + 1);
            }
            Some(Action::Arreter) => {
                // The answers stay for the session: Accueil offers to resume.
                if !model.saisie.answers.is_empty() {
                    model.flash = Some(s::MSG_QUIZ_GARDE.to_string());
                }
                return Nav::Back;
            }
            _ => {}
        }
        Nav::Stay
    }

    /// A click on a choice answers it.
    fn click(&mut self, model: &mut Model, _x: u16, y: u16) -> Nav {
        let body = layout::body(model.size);
        // Choices start below the progress (3 rows) and the question (5 rows).
        let first = body.y + 8;
        if (first..first + 6).contains(&y) {
            let choice = (y - first) as u8;
            let msg = if choice >= 5 {
                Msg::Char('n')
            } else {
                Msg::Char(char::from(b'0' + choice))
            };
            return self.update(model, msg);
        }
        Nav::Stay
    }

    fn view(
        &self,
        model: &Model,
        theme: &Palette,
        frame: &mut Frame,
        _texts: &mut wrap::Cache,
        area: Rect,
    ) {
        view(model, theme, frame, area, self.form, self.pos, self.cursor);
    }
}

fn view(
    model: &Model,
    theme: &Palette,
    frame: &mut Frame,
    area: Rect,
    form: Form,
    pos: usize,
    cursor: u8,
) {
    let items = model.quiz_items(form);
    let Some(item) = items.get(pos) else {
        frame.render_widget(Paragraph::new(s::QUIZ_VIDE), area);
        return;
    };
    let [progress, question, choices, _] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(5),
        Constraint::Length(8),
        Constraint::Min(0),
    ])
    .areas(area);
    let done = pos as f64 / items.len() as f64;
    frame.render_widget(
        Paragraph::new(progress_bar(done, progress.width.saturating_sub(2), theme)).block(block(
            &s::quiz_progression(pos + 1, items.len()),
            false,
            theme,
        )),
        progress,
    );
    let q = vec![
        Line::from(Span::styled(s::QUIZ_CONSIGNE, theme.muted)),
        Line::from(""),
        Line::from(Span::styled(item.texte.as_str(), theme.title)),
    ];
    frame.render_widget(
        Paragraph::new(q)
            .wrap(Wrap { trim: true })
            .block(block("", false, theme)),
        question,
    );
    let previous = model.saisie.answers.get(&item.id);
    let mut lines: Vec<Line<'_>> = Vec::new();
    let scale = &model.content.questionnaire.echelle;
    for e in scale {
        let selected = cursor == e.valeur;
        let chosen = previous == Some(Answer::Note(e.valeur));
        lines.push(choice_line(
            &e.valeur.to_string(),
            &e.libelle,
            selected,
            chosen,
            theme,
        ));
    }
    let selected = cursor >= 5;
    let chosen = previous == Some(Answer::NeSaitPas);
    lines.push(choice_line(
        "n",
        &model.content.questionnaire.ne_sait_pas,
        selected,
        chosen,
        theme,
    ));
    frame.render_widget(Paragraph::new(lines), choices);
    let row = choices.y + u16::from(cursor.min(5));
    if row < choices.bottom() {
        frame.set_cursor_position((choices.x + 2, row));
    }
}

fn choice_line<'a>(
    key: &str,
    label: &'a str,
    selected: bool,
    chosen: bool,
    theme: &Palette,
) -> Line<'a> {
    Line::from(vec![
        Span::raw(if selected { "  > " } else { "    " }),
        Span::styled(format!("{key} "), theme.key),
        Span::styled(format!(" {label} "), style_if(selected, theme.selected)),
        Span::styled(if chosen { s::QUIZ_TA_REPONSE } else { "" }, theme.muted),
    ])
}

/// A progress bar drawn with characters (visible in every theme, even without colour).
fn progress_bar(done: f64, width: u16, theme: &Palette) -> Line<'static> {
    let percent = format!(" {:>3} %", (done.clamp(0.0, 1.0) * 100.0).round());
    let room = usize::from(width).saturating_sub(percent.chars().count());
    let filled = ((done.clamp(0.0, 1.0) * room as f64).round() as usize).min(room);
    Line::from(vec![
        Span::styled(theme.glyphs.bar_full.repeat(filled), theme.gauge),
        Span::styled(theme.glyphs.bar_empty.repeat(room - filled), theme.muted),
        Span::raw(percent),
    ])
}
