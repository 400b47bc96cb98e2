//! Parler à quelqu'un: who can help, for free.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Nav, ScreenState, scroll};
use crate::tui::keys::{self, Entry, Global, Keys, hidden, key};
use crate::tui::model::Model;
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{TextPane, field, text};
use crate::tui::wrap;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contacts {
    pub scroll: u16,
}

/// The keys of a screen that is one scrolling text (shared with Financement).
#[derive(Debug, Clone, Copy)]
pub enum Action {
    Defiler,
    Retour,
}

pub const KEYS: &[Entry<Action>] = &[
    key(
        Keys::Any(&[Msg::Up, Msg::Down]),
        s::TOUCHE_HAUT_BAS,
        s::ACTION_DEFILER,
        Action::Defiler,
    ),
    key(
        Keys::Any(&[Msg::Back]),
        s::TOUCHE_ECHAP,
        s::ACTION_RETOUR,
        Action::Retour,
    ),
    Entry::Global(Global::Aide),
    hidden(Keys::Any(super::MOVES), Action::Defiler),
];

/// A key on a screen that is one scrolling text.
pub fn update_text(scroll_at: &mut u16, msg: Msg) -> Nav {
    match keys::action(KEYS, msg) {
        Some(Action::Retour) => Nav::Back,
        Some(Action::Defiler) => {
            *scroll_at = scroll(*scroll_at, msg);
            Nav::Stay
        }
        None => Nav::Stay,
    }
}

impl ScreenState for Contacts {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::CONTACTS_TITRE
    }

    fn keys(&self) -> &'static [Entry<Action>] {
        KEYS
    }

    fn update(&mut self, _model: &mut Model, msg: Msg) -> Nav {
        update_text(&mut self.scroll, msg)
    }

    fn view(
        &self,
        model: &Model,
        theme: &Palette,
        frame: &mut Frame,
        texts: &mut wrap::Cache,
        area: Rect,
    ) {
        for pane in panes(model, theme, area, self.scroll) {
            text(frame, texts, pane, theme);
        }
    }
}

fn panes<'a>(
    model: &'a Model,
    theme: &Palette,
    area: Rect,
    scroll: u16,
) -> Vec<TextPane<'a>> {
    let mut lines = vec![
        Line::from(Span::styled(
            if model.adulte() {
                s::CONTACTS_INTRO_ADULTE
            } else {
                s::CONTACTS_INTRO
            },
            theme.muted,
        )),
        Line::from(""),
    ];
    let situation = model.content.situations.get(model.saisie.situation);
    let (first, rest) = model.content.contacts_pour(situation);
    let mut all: Vec<Option<&crate::content::Contact>> = first.into_iter().map(Some).collect();
    if !rest.is_empty() && !all.is_empty() {
        all.push(None);
    }
    all.extend(rest.into_iter().map(Some));
    for c in all {
        let Some(c) = c else {
            lines.push(Line::from(Span::styled(s::CONTACTS_AUTRES, theme.header)));
            lines.push(Line::from(""));
            continue;
        };
        lines.push(Line::from(Span::styled(c.nom.as_str(), theme.title)));
        lines.push(Line::from(c.offre.as_str()));
        lines.push(field(s::CONTACT_POUR, c.public.clone(), theme));
        if let Some(t) = &c.telephone {
            lines.push(field(s::CONTACT_TEL, t.clone(), theme));
        }
        if let Some(w) = &c.web {
            lines.push(field(s::CONTACT_WEB, w.clone(), theme));
        }
        lines.push(Line::from(""));
    }
    vec![
        TextPane::new(area, s::CONTACTS_TITRE, lines)
            .focused(true)
            .scroll(scroll),
    ]
}
