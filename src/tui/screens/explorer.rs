//! Explorer: the domains, a domain's presentation, its métiers.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::{Nav, ScreenState, clicked, plain_rows, step};
use crate::content::{Domaine, FicheRome, Metier};
use crate::tui::keys::{self, Entry, Global, Keys, hidden, key};
use crate::tui::model::Model;
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{ListRows, TextPane, block, list, text};
use crate::tui::{layout, wrap};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Explorer {
    /// The selected domain.
    pub domaine: usize,
    /// The selected entry of the domain.
    pub sel: usize,
    /// Whether the focus is on the domain's entries (right column).
    pub right: bool,
}

/// A row of the Explorer's right column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DomainEntry<'a> {
    Metier(&'a Metier),
    Rome(&'a FicheRome),
}

#[derive(Debug, Clone, Copy)]
pub enum Action {
    Choisir,
    Colonne,
    Ouvrir,
    Retour,
    Gauche,
    Droite,
}

/// The keys of a two-column screen (also Où se former).
pub(super) const KEYS: &[Entry<Action>] = &[
    key(
        Keys::Any(super::MOVES),
        s::TOUCHE_HAUT_BAS,
        s::ACTION_CHOISIR,
        Action::Choisir,
    ),
    key(
        Keys::Any(&[Msg::Tab, Msg::BackTab]),
        s::TOUCHE_TAB,
        s::ACTION_CHANGER_COLONNE,
        Action::Colonne,
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
    hidden(Keys::Any(&[Msg::Left]), Action::Gauche),
    hidden(Keys::Any(&[Msg::Right]), Action::Droite),
];

impl Model {
    /// Rich métiers of a domain, then ROME codes of the domain without a rich fiche.
    pub fn domain_entries(&self, domaine: usize) -> Vec<DomainEntry<'_>> {
        let Some(d) = self.content.domaines.get(domaine) else {
            return Vec::new();
        };
        let mut out: Vec<DomainEntry<'_>> = self
            .content
            .metiers
            .iter()
            .filter(|m| m.domaine == d.lettre)
            .map(DomainEntry::Metier)
            .collect();
        out.extend(
            self.content
                .rome
                .iter()
                .filter(|r| r.code.starts_with(d.lettre.as_str()))
                .map(DomainEntry::Rome),
        );
        out
    }
}

impl ScreenState for Explorer {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::EXPLORER_TITRE
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
            Action::Ouvrir => match model.domain_entries(self.domaine).get(self.sel) {
                Some(DomainEntry::Metier(m)) => return super::fiche_metier::open(m.id.clone()),
                Some(DomainEntry::Rome(r)) => {
                    let code = r.code.clone();
                    return Nav::Open(super::FicheRome { code, sel: 0 }.into());
                }
                None => {}
            },
            Action::Choisir if self.right => {
                let len = model.domain_entries(self.domaine).len();
                self.sel = step(self.sel, len, msg);
            }
            Action::Choisir => {
                self.domaine = step(self.domaine, model.content.domaines.len(), msg);
                self.sel = 0;
            }
            Action::Droite => {}
        }
        Nav::Stay
    }

    fn click(&mut self, model: &mut Model, x: u16, y: u16) -> Nav {
        let (left, _, list) = layout::explorer(layout::body(model.size));
        let n_dom = model.content.domaines.len();
        if let Some(d) = clicked(left, x, y, &plain_rows(n_dom), self.domaine) {
            self.domaine = d;
            self.sel = 0;
            self.right = false;
        } else {
            let n = model.domain_entries(self.domaine).len();
            let current = if self.right { self.sel } else { 0 };
            if let Some(i) = clicked(list, x, y, &plain_rows(n), current) {
                self.sel = i;
                self.right = true;
            }
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
            domaine,
            sel,
            right,
        } = *self;
        let (left_area, _, list_area) = layout::explorer(area);
        let domaines = &model.content.domaines;
        let domain_label = |d: &Domaine| format!("{} {}", d.lettre, d.libelle);
        let domains = ListRows {
            len: domaines.len(),
            height: |i: usize| match domaines.get(i) {
                Some(d) if d.lettre.contains('\n') || d.libelle.contains('\n') => {
                    lines_of(&domain_label(d))
                }
                _ => 1,
            },
            row: |i: usize| ListItem::new(domaines.get(i).map(domain_label).unwrap_or_default()),
        };
        list(
            frame,
            left_area,
            domains,
            Some(domaine),
            block(s::EXPLORER_DOMAINES, !right, theme),
            theme,
        );
        for pane in panes(model, area, domaine) {
            text(frame, texts, pane, theme);
        }
        let entries = model.domain_entries(domaine);
        let metiers = ListRows {
            len: entries.len(),
            height: |i: usize| match entries.get(i) {
                Some(DomainEntry::Metier(m)) => title_lines(m),
                _ => 1,
            },
            row: |i: usize| match entries.get(i) {
                Some(DomainEntry::Metier(m)) => ListItem::new(m.titre.both()),
                Some(DomainEntry::Rome(r)) => ListItem::new(Line::from(vec![
                    Span::raw(r.libelle.as_str()),
                    Span::styled(format!(" ({})", s::FICHE_COURTE), theme.muted),
                ])),
                None => ListItem::new(Line::default()),
            },
        };
        let title = format!("{} ({})", s::EXPLORER_METIERS, entries.len());
        list(
            frame,
            list_area,
            metiers,
            if right { Some(sel) } else { None },
            block(&title, right, theme),
            theme,
        );
    }
}

/// Lines of a list row made from a `String` (ratatui splits it at newlines).
fn lines_of(text: &str) -> usize {
    text.lines().count().max(1)
}

/// Lines of a métier's row: one, unless its title has a newline.
fn title_lines(m: &Metier) -> usize {
    if m.titre.masculin.contains('\n') || m.titre.feminin.contains('\n') {
        lines_of(&m.titre.both())
    } else {
        1
    }
}

/// The domain's presentation.
fn panes(model: &Model, area: Rect, domaine: usize) -> Vec<TextPane<'_>> {
    let (_, pres_area, _) = layout::explorer(area);
    let presentation = model
        .content
        .domaines
        .get(domaine)
        .map(|d| d.presentation.as_str())
        .unwrap_or("");
    vec![TextPane::new(pres_area, "", vec![Line::from(presentation)])]
}
