//! Fiche formation: what the formation is, then links to what follows it
//! (poursuites, métiers). The links list is shared with the fiche courte.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::ListItem;

use super::{Nav, ScreenState, clicked, plain_rows, step};
use crate::tui::keys::{self, Entry, Global, Keys, help_key, key};
use crate::tui::model::{Link, Model};
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{TextPane, block, field, list, one_line_rows, text};
use crate::tui::{layout, wrap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FicheFormation {
    pub id: String,
    /// The selected link.
    pub sel: usize,
    /// How far the description (top pane) is scrolled.
    pub scroll: u16,
}

impl FicheFormation {
    pub fn new(id: String) -> Self {
        Self { id, sel: 0, scroll: 0 }
    }
}

/// Opens the fiche a link leads to.
pub fn open_link(link: Link) -> Nav {
    match link {
        Link::Metier(id) => super::fiche_metier::open(id),
        Link::Formation(id) => Nav::Open(FicheFormation::new(id).into()),
        Link::Etablissement(id) => Nav::Open(super::FicheEtablissement { id, sel: 0 }.into()),
    }
}

#[derive(Debug, Clone, Copy)]
pub enum Action {
    Choisir,
    Ouvrir,
    Retour,
    /// Scrolls the description (formation fiche only).
    Defiler,
    /// "C'est mon métier actuel" (ROME fiche only).
    MetierActuel,
}

/// The formation fiche: ↑↓ choose a link, PgPréc / PgSuiv scroll the
/// description above.
const KEYS: &[Entry<Action>] = &[
    key(
        Keys::Any(&[Msg::Up, Msg::Down, Msg::Home, Msg::End, Msg::ScrollUp, Msg::ScrollDown]),
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
    Entry::Global(Global::Parler),
    key(
        Keys::Any(&[Msg::Back]),
        s::TOUCHE_ECHAP,
        s::ACTION_RETOUR,
        Action::Retour,
    ),
    Entry::Global(Global::Aide),
    help_key(
        Keys::Any(&[Msg::PageUp, Msg::PageDown]),
        s::TOUCHE_PAGES,
        s::ACTION_DEFILER_DESCRIPTION,
        Action::Defiler,
    ),
];

/// The keys of a fiche whose body is a list of links (formation, fiche courte).
pub const LINK_KEYS: &[Entry<Action>] = &[
    key(
        Keys::Any(super::MOVES),
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
    Entry::Global(Global::Parler),
    key(
        Keys::Any(&[Msg::Back]),
        s::TOUCHE_ECHAP,
        s::ACTION_RETOUR,
        Action::Retour,
    ),
    Entry::Global(Global::Aide),
];

/// A key on a list of links; `sel` is the selected link.
pub fn update_links(links: &[Link], sel: &mut usize, msg: Msg) -> Nav {
    match keys::action(LINK_KEYS, msg) {
        Some(Action::Retour) => Nav::Back,
        Some(Action::Ouvrir) => links.get(*sel).cloned().map_or(Nav::Stay, open_link),
        Some(Action::Choisir) => {
            *sel = step(*sel, links.len(), msg);
            Nav::Stay
        }
        Some(Action::Defiler | Action::MetierActuel) | None => Nav::Stay,
    }
}

impl Model {
    /// Links shown on a formation fiche: where to train (the person's
    /// département first), poursuites, then métiers.
    pub fn formation_links(&self, id: &str) -> Vec<Link> {
        let Some(f) = self.content.formation(id) else {
            return Vec::new();
        };
        let mut links: Vec<Link> =
            crate::lieux::par_departement(&self.content, &[id], self.departement())
                .iter()
                .flat_map(|g| &g.lieux)
                .map(|l| Link::Etablissement(l.etablissement.id.clone()))
                .collect();
        links.extend(
            f.poursuites
                .iter()
                .filter(|p| self.content.formation(p).is_some())
                .map(|p| Link::Formation(p.clone())),
        );
        links.extend(
            self.content
                .metiers_of_formation(id)
                .map(|m| Link::Metier(m.id.clone())),
        );
        links
    }
}

impl ScreenState for FicheFormation {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::FICHE_FORMATION_TITRE
    }

    fn keys(&self) -> &'static [Entry<Action>] {
        KEYS
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Nav {
        // PgPréc / PgSuiv scroll the description; the rest is the links'.
        if let Some(Action::Defiler) = keys::action(KEYS, msg) {
            self.scroll = super::scroll(self.scroll, msg);
            return Nav::Stay;
        }
        update_links(&model.formation_links(&self.id), &mut self.sel, msg)
    }

    fn click(&mut self, model: &mut Model, x: u16, y: u16) -> Nav {
        let (_, links) = layout::fiche_formation(layout::body(model.size));
        let n = model.formation_links(&self.id).len();
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
            text(frame, texts, pane.scroll(self.scroll), theme);
        }
        if model.content.formation(id).is_none() {
            return;
        }
        let (_, links_area) = layout::fiche_formation(area);
        let title = format!(
            "{}{}{}{}{}",
            s::FORMATION_LIEUX,
            theme.glyphs.sep,
            s::FORMATION_POURSUITES,
            theme.glyphs.sep,
            s::FORMATION_METIERS
        );
        links_pane(
            model,
            frame,
            links_area,
            Links {
                links: &model.formation_links(id),
                sel: self.sel,
                title: &title,
                formation: Some(id),
                etablissement: None,
            },
            theme,
        );
    }
}

/// What the formation is.
fn panes<'a>(model: &'a Model, theme: &Palette, area: Rect, id: &str) -> Vec<TextPane<'a>> {
    let Some(f) = model.content.formation(id) else {
        return Vec::new();
    };
    let (info, _) = layout::fiche_formation(area);
    let mut lines = vec![
        field(
            s::FORMATION_NIVEAU,
            format!("{} ({})", s::niveau(f.niveau), f.kind),
            theme,
        ),
        field(
            s::FORMATION_DUREE,
            s::duree_mois(u32::from(f.duree_mois)),
            theme,
        ),
        field(
            s::FORMATION_VOIES,
            f.voies
                .iter()
                .map(|v| s::voie(*v))
                .collect::<Vec<_>>()
                .join(", "),
            theme,
        ),
        field(
            s::FORMATION_ACCES,
            f.acces
                .iter()
                .map(|a| {
                    model.content
                        .situation(a)
                        .map_or(a.clone(), |x| x.libelle.clone())
                })
                .collect::<Vec<_>>()
                .join(" ; "),
            theme,
        ),
    ];
    if model.content.lieux(&f.id).next().is_none() {
        lines.push(Line::from(""));
        lines.push(Line::from(s::FORMATION_SANS_LIEU));
    }
    if let Some(p) = &f.presentation {
        lines.push(Line::from(""));
        lines.push(Line::from(p.as_str()));
    }
    lines.push(Line::from(""));
    lines.push(field(s::FICHE_SOURCES, f.sources.join(" ; "), theme));
    vec![TextPane::new(info, f.intitule.as_str(), lines)]
}

/// A fiche's list of links (formation, fiche courte, établissement).
pub struct Links<'a> {
    pub links: &'a [Link],
    pub sel: usize,
    pub title: &'a str,
    /// The fiche's formation: each place tells its routes for it.
    pub formation: Option<&'a str>,
    /// The fiche's establishment: each formation tells its routes there.
    pub etablissement: Option<&'a str>,
}

pub fn links_pane(model: &Model, frame: &mut Frame, area: Rect, pane: Links<'_>, theme: &Palette) {
    let Links {
        links,
        sel,
        title,
        formation,
        etablissement,
    } = pane;
    let row = |i: usize| {
        ListItem::new(
            links
                .get(i)
                .map(|l| link_line(model, l, formation, etablissement))
                .unwrap_or_default(),
        )
    };
    let sel = (!links.is_empty()).then_some(sel);
    list(
        frame,
        area,
        one_line_rows(links.len(), row),
        sel,
        block(title, true, theme),
        theme,
    );
}

/// One link's row; `formation` is the fiche's formation, whose routes are
/// told for each place.
fn link_line<'a>(
    model: &'a Model,
    l: &Link,
    formation: Option<&str>,
    etablissement: Option<&str>,
) -> Line<'a> {
    let offre = |e: &str, f: &str| {
        model
            .content
            .etablissement(e)
            .and_then(|e| e.offre_de(f))
            .map(|o| {
                o.voies
                    .iter()
                    .map(|v| s::voie(*v))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
    };
    match l {
        Link::Formation(id) if etablissement.is_some() => {
            let voies = etablissement.and_then(|e| offre(e, id)).unwrap_or_default();
            Line::from(format!(
                "{} ({voies})",
                model
                    .content
                    .formation(id)
                    .map_or(id.as_str(), |f| f.intitule.as_str())
            ))
        }
        Link::Etablissement(id) => {
            let Some(e) = model.content.etablissement(id) else {
                return Line::from(id.clone());
            };
            match formation.and_then(|f| offre(id, f)) {
                Some(voies) => Line::from(format!(
                    "{} : {}, {} ({voies})",
                    crate::content::departement_label(&e.departement),
                    e.commune,
                    e.nom,
                )),
                None => Line::from(format!("{}, {}", e.commune, e.nom)),
            }
        }
        Link::Formation(id) => Line::from(format!(
            "{} : {}",
            s::FORMATION_POURSUITES,
            model
                .content
                .formation(id)
                .map_or(id.as_str(), |f| f.intitule.as_str())
        )),
        Link::Metier(id) => Line::from(format!(
            "{} : {}",
            s::TAB_METIER,
            model
                .content
                .metier(id)
                .map_or(id.clone(), |m| m.titre.both())
        )),
    }
}
