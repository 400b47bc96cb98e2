//! Fiche établissement: what the place is, how to reach it, and the
//! formations it teaches.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::fiche_formation::{Action, LINK_KEYS, Links, links_pane, update_links};
use super::{Nav, ScreenState, clicked, plain_rows};
use crate::tui::keys::Entry;
use crate::tui::model::{Link, Model};
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{TextPane, field, text};
use crate::tui::{layout, wrap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FicheEtablissement {
    pub id: String,
    /// The selected formation.
    pub sel: usize,
}

impl Model {
    /// Links shown on an establishment's fiche: the formations it teaches.
    pub fn etablissement_links(&self, id: &str) -> Vec<Link> {
        self.content.etablissement(id).map_or(Vec::new(), |e| {
            crate::lieux::enseignements(&self.content, e)
                .map(|(f, _)| Link::Formation(f.id.clone()))
                .collect()
        })
    }
}

impl ScreenState for FicheEtablissement {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::FICHE_ETABLISSEMENT_TITRE
    }

    fn keys(&self) -> &'static [Entry<Action>] {
        LINK_KEYS
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Nav {
        update_links(&model.etablissement_links(&self.id), &mut self.sel, msg)
    }

    fn click(&mut self, model: &mut Model, x: u16, y: u16) -> Nav {
        let (_, links) = layout::fiche_formation(layout::body(model.size));
        let n = model.etablissement_links(&self.id).len();
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
        let id = self.id.as_str();
        for pane in panes(model, theme, area, id) {
            text(frame, texts, pane, theme);
        }
        if model.content.etablissement(id).is_none() {
            return;
        }
        let (_, links_area) = layout::fiche_formation(area);
        links_pane(
            model,
            frame,
            links_area,
            Links {
                links: &model.etablissement_links(id),
                sel: self.sel,
                title: s::ETABLISSEMENT_ENSEIGNE,
                formation: None,
                etablissement: Some(id),
            },
            theme,
        );
    }
}

/// What the establishment is and how to reach it.
fn panes<'a>(model: &'a Model, theme: &Palette, area: Rect, id: &str) -> Vec<TextPane<'a>> {
    let Some(e) = model.content.etablissement(id) else {
        return Vec::new();
    };
    let (info, _) = layout::fiche_formation(area);
    let mut lines = vec![
        field(s::ETABLISSEMENT_TYPE, e.kind.libelle().to_string(), theme),
        field(
            s::ETABLISSEMENT_COMMUNE,
            format!(
                "{} ({})",
                e.commune,
                crate::content::departement_label(&e.departement)
            ),
            theme,
        ),
    ];
    if let Some(site) = &e.site {
        lines.push(field(s::ETABLISSEMENT_SITE, site.clone(), theme));
    }
    if let Some(tel) = &e.telephone {
        lines.push(field(s::ETABLISSEMENT_TELEPHONE, tel.clone(), theme));
    }
    if let Some(uai) = &e.uai {
        lines.push(field(s::ETABLISSEMENT_UAI, uai.clone(), theme));
    }
    lines.push(Line::from(""));
    lines.push(field(s::FICHE_SOURCES, e.sources.join(" ; "), theme));
    vec![TextPane::new(info, e.nom.as_str(), lines)]
}
