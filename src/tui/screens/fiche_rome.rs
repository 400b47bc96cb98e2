//! Fiche courte: a ROME code without a rich fiche, and the rich fiches near it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::fiche_formation::{Action, LINK_KEYS, Links, links_pane, update_links};
use super::{Nav, ScreenState, clicked, plain_rows};
use crate::tui::keys::{self, Entry, Keys, help_key};
use crate::tui::model::{Link, Model};
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{TextPane, field, text};
use crate::tui::{layout, wrap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FicheRome {
    pub code: String,
    /// The selected link.
    pub sel: usize,
}

impl Model {
    /// Rich métiers sharing a ROME code.
    pub fn rome_links(&self, code: &str) -> Vec<Link> {
        self.content
            .metiers
            .iter()
            .filter(|m| m.rome.iter().any(|c| c == code))
            .map(|m| Link::Metier(m.id.clone()))
            .collect()
    }
}

/// The links' keys, and `m`: this is my current job.
const KEYS: &[Entry<Action>] = &{
    let mut k = [help_key(
        Keys::Any(&[Msg::Char('m')]),
        s::TOUCHE_M,
        s::ACTION_METIER_ACTUEL,
        Action::MetierActuel,
    ); LINK_KEYS.len() + 1];
    let mut i = 0;
    while i < LINK_KEYS.len() {
        k[i] = LINK_KEYS[i];
        i += 1;
    }
    k
};

impl ScreenState for FicheRome {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::FICHE_ROME_TITRE
    }

    fn keys(&self) -> &'static [Entry<Action>] {
        KEYS
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Nav {
        if let Some(Action::MetierActuel) = keys::action(KEYS, msg) {
            model.saisie.metier_actuel = Some(self.code.clone());
            return Nav::Open(
                super::Proches {
                    depuis: self.code.clone(),
                    sel: 0,
                    scroll: 0,
                }
                .into(),
            );
        }
        update_links(&model.rome_links(&self.code), &mut self.sel, msg)
    }

    fn click(&mut self, model: &mut Model, x: u16, y: u16) -> Nav {
        let (_, links) = layout::fiche_rome(layout::body(model.size));
        let n = model.rome_links(&self.code).len();
        if let Some(i) = clicked(links, x, y, &plain_rows(n), self.sel) {
            self.sel = i;
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
        let code = self.code.as_str();
        for pane in panes(model, theme, area, code) {
            text(frame, texts, pane, theme);
        }
        if model.content.fiche_rome(code).is_none() {
            return;
        }
        let (_, links_area) = layout::fiche_rome(area);
        links_pane(
            model,
            frame,
            links_area,
            Links {
                links: &model.rome_links(code),
                sel: self.sel,
                title: s::FICHE_COURTE_PROCHES,
                formation: None,
                etablissement: None,
            },
            theme,
        );
    }
}

/// What the short fiche says.
fn panes<'a>(model: &'a Model, theme: &Palette, area: Rect, code: &str) -> Vec<TextPane<'a>> {
    let Some(r) = model.content.fiche_rome(code) else {
        return Vec::new();
    };
    let (info, _) = layout::fiche_rome(area);
    let domaine = model
        .content
        .domaine(r.code.get(..1).unwrap_or(""))
        .map_or("", |d| d.libelle.as_str());
    let lines = vec![
        Line::from(Span::styled(
            format!("{} ({})", r.libelle, s::FICHE_COURTE),
            theme.title,
        )),
        Line::from(""),
        Line::from(s::FICHE_COURTE_TEXTE),
        Line::from(""),
        field(s::FICHE_ROME, r.code.clone(), theme),
        field(s::FILTRE_DOMAINE, domaine.to_string(), theme),
    ];
    vec![TextPane::new(info, r.libelle.as_str(), lines)]
}
