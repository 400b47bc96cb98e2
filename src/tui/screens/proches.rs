//! Métiers proches de mon métier actuel: what is near the job the person does
//! today, what carries over, and the shortest route for an adult.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Nav, ScreenState, scroll, step};
use crate::matching::proches::{self, Depuis};
use crate::tui::keys::{self, Entry, Global, Keys, hidden, key};
use crate::tui::model::Model;
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{TextPane, text};
use crate::tui::wrap;

/// Most métiers listed.
const MAX: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proches {
    /// The current job: a rich fiche id or a ROME code.
    pub depuis: String,
    pub sel: usize,
    pub scroll: u16,
}

#[derive(Debug, Clone, Copy)]
pub enum Action {
    Choisir,
    Ouvrir,
    Retour,
}

const KEYS: &[Entry<Action>] = &[
    key(
        Keys::Any(&[Msg::Up, Msg::Down]),
        s::TOUCHE_HAUT_BAS,
        s::ACTION_CHOISIR,
        Action::Choisir,
    ),
    key(
        Keys::Any(&[Msg::Enter]),
        s::TOUCHE_ENTREE,
        s::ACTION_OUVRIR,
        Action::Ouvrir,
    ),
    key(
        Keys::Any(&[Msg::Back]),
        s::TOUCHE_ECHAP,
        s::ACTION_RETOUR,
        Action::Retour,
    ),
    Entry::Global(Global::Aide),
    hidden(Keys::Any(super::MOVES), Action::Choisir),
];

impl ScreenState for Proches {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::PROCHES_TITRE
    }

    fn keys(&self) -> &'static [Entry<Action>] {
        KEYS
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Nav {
        let list = match Depuis::trouver(&model.content, &self.depuis) {
            Some(d) => proches::proches(&model.content, d, MAX),
            None => Vec::new(),
        };
        match keys::action(KEYS, msg) {
            Some(Action::Retour) => return Nav::Back,
            Some(Action::Choisir) => {
                self.sel = step(self.sel, list.len(), msg);
                self.scroll = scroll(self.scroll, msg).min(u16::try_from(self.sel * 4).unwrap_or(u16::MAX));
            }
            Some(Action::Ouvrir) => {
                if let Some(p) = list.get(self.sel) {
                    return super::fiche_metier::open(p.metier.id.clone());
                }
            }
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
        let c = &model.content;
        let depuis = Depuis::trouver(c, &self.depuis);
        let titre = match depuis {
            Some(Depuis::Metier(m)) => m.titre.both(),
            Some(Depuis::Rome(r)) => r.libelle.clone(),
            None => self.depuis.clone(),
        };
        let mut lines = vec![
            Line::from(vec![
                Span::styled(format!("{} : ", s::PROCHES_DEPUIS), theme.header),
                Span::raw(titre),
            ]),
            Line::from(Span::styled(s::PROCHES_AIDE, theme.muted)),
            Line::from(""),
        ];
        let list = depuis.map_or(Vec::new(), |d| proches::proches(c, d, MAX));
        if list.is_empty() {
            lines.push(Line::from(s::PROCHES_AUCUN));
        }
        for (i, p) in list.iter().enumerate() {
            let marker = if i == self.sel { "> " } else { "  " };
            let style = if i == self.sel { theme.selected } else { theme.title };
            lines.push(Line::from(vec![
                Span::raw(marker),
                Span::styled(p.metier.titre.both(), style),
            ]));
            let liens: Vec<String> = p
                .liens
                .iter()
                .map(|l| crate::present::lien_proche(c, l))
                .collect();
            lines.push(Line::from(format!("    {}", liens.join(" ; "))));
            if let Some(r) = &p.route {
                lines.push(Line::from(Span::styled(
                    format!("    {}", crate::present::parcours(r)),
                    theme.muted,
                )));
            }
            lines.push(Line::from(""));
        }
        let pane = TextPane::new(area, s::PROCHES_TITRE, lines)
            .focused(true)
            .scroll(self.scroll);
        text(frame, texts, pane, theme);
    }
}
