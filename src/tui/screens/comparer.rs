//! Comparer: two or three métiers side by side.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;

use super::{Nav, ScreenState, scroll};
use crate::tui::keys::{self, Entry, Keys, hidden, key};
use crate::tui::model::Model;
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{TextPane, field, heading, text};
use crate::tui::wrap;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparer {
    /// The selected column.
    pub sel: usize,
    pub scroll: u16,
}

#[derive(Debug, Clone, Copy)]
pub enum Action {
    Suivant,
    Precedent,
    Defiler,
    Retirer,
    Fiche,
    Retour,
}

const KEYS: &[Entry<Action>] = &[
    key(
        Keys::Any(&[Msg::Right, Msg::Tab]),
        s::TOUCHE_GAUCHE_DROITE,
        s::ACTION_CHOISIR,
        Action::Suivant,
    ),
    key(
        Keys::Any(super::MOVES),
        s::TOUCHE_HAUT_BAS,
        s::ACTION_DEFILER,
        Action::Defiler,
    ),
    key(
        Keys::Any(&[Msg::Char('x'), Msg::Char('c')]),
        s::TOUCHE_X,
        s::ACTION_RETIRER,
        Action::Retirer,
    ),
    key(
        Keys::Any(&[Msg::Enter]),
        s::TOUCHE_ENTREE,
        s::ACTION_FICHE,
        Action::Fiche,
    ),
    key(
        Keys::Any(&[Msg::Back]),
        s::TOUCHE_ECHAP,
        s::ACTION_RETOUR,
        Action::Retour,
    ),
    hidden(Keys::Any(&[Msg::Left, Msg::BackTab]), Action::Precedent),
];

impl ScreenState for Comparer {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::COMPARER_TITRE
    }

    fn keys(&self) -> &'static [Entry<Action>] {
        KEYS
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Nav {
        let len = model.saisie.comparaison.len();
        match keys::action(KEYS, msg) {
            Some(Action::Retour) => return Nav::Back,
            Some(Action::Precedent) => self.sel = self.sel.saturating_sub(1),
            Some(Action::Suivant) => self.sel = (self.sel + 1).min(len.saturating_sub(1)),
            Some(Action::Defiler) => self.scroll = scroll(self.scroll, msg),
            Some(Action::Retirer) => {
                if let Some(id) = model.saisie.comparaison.get(self.sel).cloned() {
                    model.toggle_compare(&id);
                    self.sel = self
                        .sel
                        .min(model.saisie.comparaison.len().saturating_sub(1));
                }
            }
            Some(Action::Fiche) => {
                if let Some(id) = model.saisie.comparaison.get(self.sel).cloned() {
                    return super::fiche_metier::open(id);
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
        for pane in panes(model, theme, area, self.sel, self.scroll) {
            text(frame, texts, pane, theme);
        }
    }
}

/// One column per métier compared.
fn panes<'a>(
    model: &'a Model,
    theme: &Palette,
    area: Rect,
    sel: usize,
    scroll: u16,
) -> Vec<TextPane<'a>> {
    let ids = &model.saisie.comparaison;
    if ids.is_empty() {
        return vec![
            TextPane::new(area, s::COMPARER_TITRE, vec![Line::from(s::COMPARER_VIDE)])
                .focused(true),
        ];
    }
    let mut panes = Vec::new();
    let constraints = vec![Constraint::Ratio(1, ids.len() as u32); ids.len()];
    let columns = Layout::horizontal(constraints).split(area);
    for (i, (id, col)) in ids.iter().zip(columns.iter()).enumerate() {
        let Some(m) = model.content.metier(id) else {
            continue;
        };
        let mut lines = vec![
            field(
                s::COMPARER_NIVEAU,
                s::niveau_min(m.niveau_min).to_string(),
                theme,
            ),
            field(
                s::COMPARER_APPRENTISSAGE,
                (if m.apprentissage { s::OUI } else { s::NON }).to_string(),
                theme,
            ),
        ];
        if let Some(r) = model.ranked_of(id) {
            lines.push(field(
                s::COMPARER_PROFIL,
                crate::present::bucket(r.bucket).to_string(),
                theme,
            ));
        }
        lines.push(heading(s::COMPARER_ETUDES, theme));
        for f in m.formations.iter().filter_map(|f| model.content.formation(f)) {
            lines.push(Line::from(format!(
                "- {} ({})",
                f.intitule,
                s::duree_mois(u32::from(f.duree_mois))
            )));
        }
        lines.push(heading(s::COMPARER_CONDITIONS, theme));
        lines.push(Line::from(m.conditions.as_str()));
        panes.push(
            TextPane::new(*col, m.titre.both(), lines)
                .focused(i == sel)
                .scroll(scroll),
        );
    }
    panes
}
