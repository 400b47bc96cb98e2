//! Mon profil: six bars, the code explained, the flat-profile message.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Nav, ScreenState, scroll};
use crate::content::Theme;
use crate::tui::keys::{self, Entry, Global, Keys, help_key, key};
use crate::tui::model::Model;
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{TextPane, text};
use crate::tui::wrap;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profil {
    pub scroll: u16,
}

#[derive(Debug, Clone, Copy)]
pub enum Action {
    VoirMetiers,
    Retour,
    Defiler,
}

const KEYS: &[Entry<Action>] = &[
    key(
        Keys::Any(&[Msg::Enter]),
        s::TOUCHE_ENTREE,
        s::ACTION_VOIR_METIERS,
        Action::VoirMetiers,
    ),
    key(
        Keys::Any(&[Msg::Back]),
        s::TOUCHE_ECHAP,
        s::ACTION_RETOUR,
        Action::Retour,
    ),
    Entry::Global(Global::Aide),
    help_key(
        Keys::Any(super::MOVES),
        s::TOUCHE_HAUT_BAS,
        s::ACTION_DEFILER,
        Action::Defiler,
    ),
];

impl ScreenState for Profil {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::PROFIL_TITRE
    }

    fn keys(&self) -> &'static [Entry<Action>] {
        KEYS
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Nav {
        match keys::action(KEYS, msg) {
            Some(Action::VoirMetiers) => return super::resultats::open(model),
            Some(Action::Retour) => return Nav::Back,
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
        for pane in panes(model, theme, area, self.scroll) {
            text(frame, texts, pane, theme);
        }
    }
}

/// Width of a full bar, in cells.
const BAR: usize = 20;

fn panes<'a>(model: &'a Model, theme: &Palette, area: Rect, scroll: u16) -> Vec<TextPane<'a>> {
    let Some(p) = model.saisie.profile else {
        return Vec::new();
    };
    let q = &model.content.questionnaire;
    let mut lines = vec![
        Line::from(Span::styled(s::PROFIL_SUITE, theme.key)),
        Line::from(Span::styled(s::PROFIL_EXPLORATION, theme.muted)),
        Line::from(""),
    ];
    for t in Theme::ALL {
        let name = q.theme_info(t).map_or("", |i| i.nom.as_str());
        let mut spans = vec![
            Span::styled(format!(" {} ", t.letter()), theme.key),
            Span::raw(format!("{name:<28}")),
        ];
        match p.score(t) {
            Some(score) => {
                let filled = ((score / 100.0) * BAR as f64).round() as usize;
                spans.push(Span::styled(
                    theme.glyphs.bar_full.repeat(filled),
                    theme.gauge,
                ));
                spans.push(Span::styled(
                    theme.glyphs.bar_empty.repeat(BAR - filled.min(BAR)),
                    theme.muted,
                ));
                spans.push(Span::raw(format!(" {:>3}", score.round())));
            }
            None => spans.push(Span::styled(s::PROFIL_INCONNU, theme.muted)),
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(""));
    if p.is_flat() {
        lines.push(Line::from(Span::styled(s::PROFIL_PLAT, theme.warning)));
        lines.push(Line::from(s::PROFIL_PLAT_SUITE));
        lines.push(Line::from(""));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{} : ", s::PROFIL_CODE), theme.header),
        Span::styled(p.code_letters(), theme.title),
    ]));
    for t in p.code() {
        if let Some(info) = q.theme_info(t) {
            lines.push(Line::from(vec![
                Span::styled(format!(" {} ", t.letter()), theme.key),
                Span::raw(format!(
                    "{} : {}",
                    info.nom,
                    info.explication_pour(model.adulte())
                )),
            ]));
        }
    }
    vec![
        TextPane::new(area, s::PROFIL_TITRE, lines)
            .focused(true)
            .scroll(scroll),
    ]
}
