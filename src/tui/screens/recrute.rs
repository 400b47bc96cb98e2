//! Les métiers qui recrutent en Normandie: the families of métiers with their
//! published recruitment figures (BMO), then their métiers, which open their fiche.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::ListItem;

use super::explorer::{Action, KEYS};
use super::{Nav, ScreenState, step};
use crate::content::{Famille, Metier};
use crate::tui::keys::{self, Entry};
use crate::tui::model::Model;
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{TextPane, block, list, one_line_rows, text};
use crate::tui::{layout, wrap};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recrute {
    /// The selected family.
    pub famille: usize,
    /// The selected métier.
    pub sel: usize,
    /// Whether the focus is on the métiers (right column).
    pub right: bool,
}

impl Model {
    /// The families of the recruitment survey (none without one).
    pub fn familles(&self) -> &[Famille] {
        self.content
            .recrutement
            .as_ref()
            .map_or(&[], |r| r.famille.as_slice())
    }

    /// The métiers Boussole has in family `i`.
    pub fn metiers_de_famille(&self, i: usize) -> Vec<&Metier> {
        self.familles().get(i).map_or(Vec::new(), |f| {
            f.metiers
                .iter()
                .filter_map(|id| self.content.metier(id))
                .collect()
        })
    }
}

impl ScreenState for Recrute {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::RECRUTE_TITRE
    }

    fn keys(&self) -> &'static [Entry<Action>] {
        KEYS
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Nav {
        let Some(action) = keys::action(KEYS, msg) else {
            return Nav::Stay;
        };
        match action {
            Action::Retour if self.right => self.right = false,
            Action::Retour => return Nav::Back,
            Action::Colonne => self.right = !self.right,
            Action::Droite | Action::Ouvrir if !self.right => {
                self.sel = 0;
                self.right = true;
            }
            Action::Gauche => self.right = false,
            Action::Ouvrir => {
                if let Some(m) = model.metiers_de_famille(self.famille).get(self.sel) {
                    return super::fiche_metier::open(m.id.clone());
                }
            }
            Action::Choisir if self.right => {
                let len = model.metiers_de_famille(self.famille).len();
                self.sel = step(self.sel, len, msg);
            }
            Action::Choisir => {
                self.famille = step(self.famille, model.familles().len(), msg);
                self.sel = 0;
            }
            Action::Droite => {}
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
        let Self {
            famille,
            sel,
            right,
        } = *self;
        let (left_area, _, list_area) = layout::explorer(area);
        let familles = model.familles();
        let row = |i: usize| {
            ListItem::new(familles.get(i).map_or(String::new(), |f| f.libelle.clone()))
        };
        list(
            frame,
            left_area,
            one_line_rows(familles.len(), row),
            Some(famille),
            block(s::RECRUTE_FAMILLES, !right, theme),
            theme,
        );
        for pane in panes(model, area, famille) {
            text(frame, texts, pane, theme);
        }
        let metiers = model.metiers_de_famille(famille);
        let row = |i: usize| {
            ListItem::new(metiers.get(i).map_or(String::new(), |m| m.titre.both()))
        };
        let title = format!("{} ({})", s::EXPLORER_METIERS, metiers.len());
        list(
            frame,
            list_area,
            one_line_rows(metiers.len(), row),
            right.then_some(sel),
            block(&title, right, theme),
            theme,
        );
    }
}

/// The family's figure, and the survey's, above the list of métiers.
fn panes(model: &Model, area: Rect, famille: usize) -> Vec<TextPane<'_>> {
    let (_, pres_area, _) = layout::explorer(area);
    let Some(r) = model.content.recrutement.as_ref() else {
        return vec![TextPane::new(
            pres_area,
            "",
            vec![Line::from(s::RECRUTE_VIDE)],
        )];
    };
    let line = match r.famille.get(famille) {
        Some(f) => crate::present::recrutement_famille(f, &r.enquete),
        None => crate::present::recrutement_enquete(&r.enquete),
    };
    vec![TextPane::new(pres_area, "", vec![Line::from(line)])]
}
