//! Où se former: the départements, then their establishments.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::ListItem;

use super::explorer::{Action, KEYS};
use super::{Nav, ScreenState, step};
use crate::content::departement_label;
use crate::tui::keys::{self, Entry};
use crate::tui::model::{Link, Model};
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{TextPane, block, list, one_line_rows, text};
use crate::tui::{layout, wrap};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lieux {
    /// The selected département.
    pub dep: usize,
    /// The selected establishment.
    pub sel: usize,
    /// Whether the focus is on the establishments (right column).
    pub right: bool,
}

/// Opens Où se former on the person's département, if chosen.
pub fn open(model: &mut Model) -> Nav {
    let dep = model
        .departement()
        .and_then(|d| {
            model
                .lieux_departements()
                .iter()
                .position(|(c, _)| *c == d)
        })
        .unwrap_or(0);
    Nav::Open(
        Lieux {
            dep,
            sel: 0,
            right: false,
        }
        .into(),
    )
}

impl Model {
    /// The départements of the Où se former screen (Normandy's five, then
    /// any other the content names), with their number of establishments.
    pub fn lieux_departements(&self) -> Vec<(&str, usize)> {
        let mut deps: Vec<(&str, usize)> = crate::content::DEPARTEMENTS
            .iter()
            .map(|(c, _)| (*c, 0))
            .collect();
        let mut others: Vec<&str> = Vec::new();
        for e in &self.content.etablissements {
            match deps.iter_mut().find(|(c, _)| *c == e.departement) {
                Some((_, n)) => *n += 1,
                None => others.push(&e.departement),
            }
        }
        others.sort_unstable();
        for code in others {
            match deps.last_mut() {
                Some((c, n)) if *c == code => *n += 1,
                _ => deps.push((code, 1)),
            }
        }
        deps
    }

    /// The establishments of the Où se former screen's département `dep`.
    pub fn lieux_etablissements(&self, dep: usize) -> Vec<&crate::content::Etablissement> {
        self.lieux_departements()
            .get(dep)
            .map_or(Vec::new(), |(code, _)| {
                crate::lieux::du_departement(&self.content, code)
            })
    }
}

impl ScreenState for Lieux {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::LIEUX_TITRE
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
                if let Some(e) = model.lieux_etablissements(self.dep).get(self.sel) {
                    let id = e.id.clone();
                    return super::fiche_formation::open_link(Link::Etablissement(id));
                }
            }
            Action::Choisir if self.right => {
                let len = model.lieux_etablissements(self.dep).len();
                self.sel = step(self.sel, len, msg);
            }
            Action::Choisir => {
                self.dep = step(self.dep, model.lieux_departements().len(), msg);
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
        let Self { dep, sel, right } = *self;
        let (left_area, _, list_area) = layout::lieux(area);
        let deps = model.lieux_departements();
        let row = |i: usize| {
            ListItem::new(deps.get(i).map_or(String::new(), |(code, n)| {
                format!("{} ({n})", departement_label(code))
            }))
        };
        list(
            frame,
            left_area,
            one_line_rows(deps.len(), row),
            Some(dep),
            block(s::LIEUX_DEPARTEMENTS, !right, theme),
            theme,
        );
        for pane in panes(model, area, dep) {
            text(frame, texts, pane, theme);
        }
        let etablissements = model.lieux_etablissements(dep);
        let row = |i: usize| {
            ListItem::new(
                etablissements
                    .get(i)
                    .map_or(String::new(), |e| format!("{}, {}", e.commune, e.nom)),
            )
        };
        let title = format!("{} ({})", s::LIEUX_ETABLISSEMENTS, etablissements.len());
        list(
            frame,
            list_area,
            one_line_rows(etablissements.len(), row),
            right.then_some(sel),
            block(&title, right, theme),
            theme,
        );
    }
}

/// What this screen is for, above the list.
fn panes(model: &Model, area: Rect, dep: usize) -> Vec<TextPane<'_>> {
    let (_, pres_area, _) = layout::lieux(area);
    let text = if model
        .lieux_departements()
        .get(dep)
        .is_some_and(|(_, n)| *n == 0)
    {
        s::LIEUX_VIDE
    } else {
        s::LIEUX_AIDE
    };
    vec![TextPane::new(pres_area, "", vec![Line::from(text)])]
}
