//! Fiche métier: five tabs (the métier, its formations, the routes to it, in
//! Normandy, why it was proposed).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Tabs};

use super::{Nav, ScreenState, clicked, plain_rows, scroll, step};
use crate::content::{Formation, Metier, Voie};
use crate::tui::keys::{self, Entry, Global, Keys, help_key, hidden, key};
use crate::tui::model::{Link, Model};
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{
    TextPane, block, bullet, field, heading, list, one_line_rows, style_if, text,
};
use crate::tui::{layout, wrap};

mod parcours;

use parcours::parcours_lines;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FicheMetier {
    pub id: String,
    pub tab: Tab,
    /// The selected formation (Formations tab).
    pub sel: usize,
    pub scroll: u16,
}

/// Opens the fiche of métier `id`.
pub fn open(id: String) -> Nav {
    Nav::Open(
        FicheMetier {
            id,
            tab: Tab::Metier,
            sel: 0,
            scroll: 0,
        }
        .into(),
    )
}

/// Tabs of a métier fiche.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Metier,
    Formations,
    Parcours,
    Normandie,
    Pourquoi,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Metier,
        Tab::Formations,
        Tab::Parcours,
        Tab::Normandie,
        Tab::Pourquoi,
    ];
}

#[derive(Debug, Clone, Copy)]
pub enum Action {
    OngletSuivant,
    OngletPrecedent,
    Onglet,
    Ouvrir,
    Favori,
    Comparer,
    Exporter,
    Comparaison,
    Situation,
    TousParcours,
    MetierActuel,
    Retour,
    Bouger,
}

const KEYS: &[Entry<Action>] = &[
    key(
        Keys::Any(&[Msg::Right, Msg::Tab]),
        s::TOUCHE_GAUCHE_DROITE,
        s::ACTION_ONGLETS,
        Action::OngletSuivant,
    ),
    key(
        Keys::Any(&[Msg::Enter]),
        s::TOUCHE_ENTREE,
        s::ACTION_OUVRIR,
        Action::Ouvrir,
    ),
    key(
        Keys::Any(&[Msg::Char('f')]),
        s::TOUCHE_F,
        s::ACTION_FAVORI,
        Action::Favori,
    ),
    key(
        Keys::Any(&[Msg::Char('c')]),
        s::TOUCHE_C,
        s::ACTION_COMPARER,
        Action::Comparer,
    ),
    Entry::Global(Global::Parler),
    key(
        Keys::Any(&[Msg::Back]),
        s::TOUCHE_ECHAP,
        s::ACTION_RETOUR,
        Action::Retour,
    ),
    Entry::Global(Global::Aide),
    hidden(Keys::Any(&[Msg::Left, Msg::BackTab]), Action::OngletPrecedent),
    help_key(
        Keys::Range('1', '5'),
        s::TOUCHE_ONGLETS,
        s::ACTION_ALLER_ONGLET,
        Action::Onglet,
    ),
    keys::exporter(Action::Exporter, false),
    help_key(
        Keys::Any(&[Msg::Char('v')]),
        s::TOUCHE_V,
        s::ACTION_VOIR_COMPARAISON,
        Action::Comparaison,
    ),
    help_key(
        Keys::Any(&[Msg::Char('s')]),
        s::TOUCHE_S,
        s::ACTION_SITUATION_PARCOURS,
        Action::Situation,
    ),
    help_key(
        Keys::Any(&[Msg::Char('m')]),
        s::TOUCHE_M,
        s::ACTION_METIER_ACTUEL,
        Action::MetierActuel,
    ),
    help_key(
        Keys::Any(&[Msg::Char('t')]),
        s::TOUCHE_T,
        s::ACTION_TOUS_PARCOURS,
        Action::TousParcours,
    ),
    help_key(
        Keys::Any(super::MOVES),
        s::TOUCHE_HAUT_BAS,
        s::ACTION_DEFILER_CHOISIR,
        Action::Bouger,
    ),
];

/// Number of selectable rows on a métier fiche's tab.
fn fiche_rows(model: &Model, id: &str, tab: Tab) -> usize {
    match tab {
        Tab::Formations => model.content.metier(id).map_or(0, |m| m.formations.len()),
        _ => 0,
    }
}

/// The tabs shown: Pourquoi moi only once there is a profile.
fn visible_tabs(model: &Model) -> Vec<Tab> {
    Tab::ALL
        .into_iter()
        .filter(|t| *t != Tab::Pourquoi || model.saisie.profile.is_some())
        .collect()
}

impl FicheMetier {
    fn set_tab(&mut self, tab: Tab) {
        self.tab = tab;
        self.sel = 0;
        self.scroll = 0;
    }
}

impl ScreenState for FicheMetier {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::FICHE_METIER_TITRE
    }

    fn keys(&self) -> &'static [Entry<Action>] {
        KEYS
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Nav {
        let tabs = visible_tabs(model);
        let ti = tabs.iter().position(|t| *t == self.tab).unwrap_or(0);
        let Some(action) = keys::action(KEYS, msg) else {
            return Nav::Stay;
        };
        match action {
            Action::Retour => return Nav::Back,
            Action::OngletSuivant => self.set_tab(tabs[(ti + 1) % tabs.len()]),
            Action::OngletPrecedent => self.set_tab(tabs[(ti + tabs.len() - 1) % tabs.len()]),
            Action::Onglet => {
                if let Msg::Char(c) = msg
                    && let Some(t) = tabs.get(c as usize - '1' as usize)
                {
                    self.set_tab(*t);
                }
            }
            Action::Favori => model.toggle_favori(&self.id),
            Action::Comparer => model.toggle_compare(&self.id),
            Action::Exporter => model.ask_export(),
            Action::Comparaison => return Nav::Open(super::Comparer::default().into()),
            Action::Situation if self.tab == Tab::Parcours => {
                let n = model.content.situations.len().max(1);
                let cur = model.parcours_situation();
                model.saisie.parcours_situation = Some((cur + 1) % n);
                self.set_tab(self.tab);
            }
            Action::Ouvrir if self.tab == Tab::Formations => {
                if let Some(fid) = model
                    .content
                    .metier(&self.id)
                    .and_then(|m| m.formations.get(self.sel))
                    .cloned()
                {
                    return super::fiche_formation::open_link(Link::Formation(fid));
                }
            }
            Action::Bouger => {
                let rows = fiche_rows(model, &self.id, self.tab);
                if rows > 0 {
                    self.sel = step(self.sel, rows, msg);
                } else {
                    self.scroll = scroll(self.scroll, msg);
                }
            }
            Action::TousParcours if self.tab == Tab::Parcours => {
                model.saisie.tous_parcours = !model.saisie.tous_parcours;
                self.set_tab(self.tab);
            }
            Action::MetierActuel => {
                model.saisie.metier_actuel = Some(self.id.clone());
                return Nav::Open(
                    super::Proches {
                        depuis: self.id.clone(),
                        sel: 0,
                        scroll: 0,
                    }
                    .into(),
                );
            }
            Action::Situation | Action::TousParcours | Action::Ouvrir => {}
        }
        Nav::Stay
    }

    fn click(&mut self, model: &mut Model, x: u16, y: u16) -> Nav {
        if self.tab == Tab::Formations {
            let (_, content) = layout::fiche_metier(layout::body(model.size));
            let n = fiche_rows(model, &self.id, Tab::Formations);
            if let Some(i) = clicked(content, x, y, &plain_rows(n), self.sel) {
                self.sel = i;
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
        let Some(m) = model.content.metier(&self.id) else {
            return;
        };
        let (tabs_area, body) = layout::fiche_metier(area);
        let tabs = visible_tabs(model);
        let titles: Vec<Line<'_>> = tabs
            .iter()
            .enumerate()
            .map(|(i, t)| Line::from(format!("{} {}", i + 1, tab_label(*t))))
            .collect();
        let selected = tabs.iter().position(|t| *t == self.tab);
        frame.render_widget(
            Tabs::new(titles)
                .select(selected)
                .highlight_style(theme.selected)
                .padding("", "")
                .divider(theme.glyphs.tab_divider)
                .block(
                    ratatui::widgets::Block::default()
                        .borders(ratatui::widgets::Borders::BOTTOM)
                        .border_set(theme.glyphs.border)
                        .border_style(theme.border),
                ),
            tabs_area,
        );
        if self.tab == Tab::Formations {
            let formations: Vec<&Formation> = m
                .formations
                .iter()
                .filter_map(|fid| model.content.formation(fid))
                .collect();
            let row = |i: usize| {
                ListItem::new(
                    formations
                        .get(i)
                        .map(|f| formation_row(f, theme))
                        .unwrap_or_default(),
                )
            };
            list(
                frame,
                body,
                one_line_rows(formations.len(), row),
                Some(self.sel),
                block(&metier_title(model, m), true, theme),
                theme,
            );
        }
        for pane in panes(model, theme, area, &self.id, self.tab, self.scroll) {
            text(frame, texts, pane, theme);
        }
    }
}

pub fn tab_label(t: Tab) -> &'static str {
    match t {
        Tab::Metier => s::TAB_METIER,
        Tab::Formations => s::TAB_FORMATIONS,
        Tab::Parcours => s::TAB_PARCOURS,
        Tab::Normandie => s::TAB_NORMANDIE,
        Tab::Pourquoi => s::TAB_POURQUOI,
    }
}

/// The métier's title, marked when it is a favourite (*) or compared (=).
fn metier_title(model: &Model, m: &Metier) -> String {
    let mut title = m.titre.both();
    for (marked, mark) in [
        (model.saisie.favoris.contains(&m.id), s::MARQUE_FAVORI),
        (model.saisie.comparaison.contains(&m.id), s::MARQUE_COMPARE),
    ] {
        if marked {
            title.push(' ');
            title.push_str(mark);
        }
    }
    title
}

/// The text of the tab (every tab but the list of formations).
fn panes<'a>(
    model: &'a Model,
    theme: &Palette,
    area: Rect,
    id: &str,
    tab: Tab,
    scroll: u16,
) -> Vec<TextPane<'a>> {
    let Some(m) = model.content.metier(id) else {
        return Vec::new();
    };
    let (_, body) = layout::fiche_metier(area);
    let lines = match tab {
        Tab::Metier => metier_lines(model, m, theme),
        Tab::Formations => return Vec::new(),
        Tab::Parcours => parcours_lines(model, m, theme),
        Tab::Normandie => {
            let mut lines = Vec::new();
            match &m.normandie {
                Some(n) => {
                    lines.push(Line::from(n.as_str()));
                    if let Some(y) = crate::present::fait_ancien(n, model.annee_courante) {
                        lines.push(Line::from(Span::styled(
                            crate::present::fait_ancien_note(y),
                            theme.warning,
                        )));
                    }
                }
                None => {
                    let d = model
                        .content
                        .domaine(&m.domaine)
                        .and_then(|d| d.normandie.as_deref());
                    match d {
                        Some(n) => {
                            lines.push(Line::from(Span::styled(
                                s::FICHE_NORMANDIE_VIDE,
                                theme.muted,
                            )));
                            lines.push(Line::from(""));
                            lines.push(Line::from(n));
                        }
                        None => lines.push(Line::from(s::FICHE_NORMANDIE_RIEN)),
                    }
                }
            }
            lines.push(Line::from(""));
            lines.extend(lieux_lines(model, m, theme));
            lines
        }
        Tab::Pourquoi => match model.ranked_of(id) {
            Some(r) => super::resultats::reasons_lines(model, r, theme),
            None => vec![Line::from(s::FICHE_POURQUOI_VIDE)],
        },
    };
    vec![
        TextPane::new(body, metier_title(model, m), lines)
            .focused(true)
            .scroll(scroll),
    ]
}

/// "Où se former": the places of the métier's formations, by département,
/// the person's first.
fn lieux_lines<'a>(model: &'a Model, m: &Metier, theme: &Palette) -> Vec<Line<'a>> {
    let ids: Vec<&str> = m.formations.iter().map(String::as_str).collect();
    let groupes = crate::lieux::par_departement(&model.content, &ids, model.departement());
    let mut lines = vec![heading(s::NORMANDIE_LIEUX, theme)];
    if groupes.is_empty() {
        lines.push(Line::from(s::FORMATION_SANS_LIEU));
    }
    for g in groupes {
        lines.push(Line::from(Span::styled(
            crate::content::departement_label(g.departement),
            theme.header,
        )));
        // By formation, in the métier's order, then one row per place: short
        // rows that do not wrap, the apprenticeship route marked.
        for id in &ids {
            let mut here = g.lieux.iter().filter(|l| l.formation.id == *id).peekable();
            let Some(first) = here.peek() else {
                continue;
            };
            lines.push(Line::from(Span::styled(
                format!("  {}", first.formation.intitule),
                theme.title,
            )));
            for l in here {
                let voies: Vec<&str> = l.offre.voies.iter().map(|v| s::voie(*v)).collect();
                lines.push(Line::from(vec![
                    Span::raw(format!(
                        "    - {}, {}{}",
                        l.etablissement.commune, l.etablissement.nom, theme.glyphs.sep
                    )),
                    Span::styled(voies.join(", "), style_if(l.apprentissage(), theme.key)),
                ]));
            }
        }
    }
    lines
}

fn formation_row<'a>(f: &'a Formation, theme: &Palette) -> Line<'a> {
    let model = if f.has_voie(Voie::Apprentissage) {
        format!("{}{}", theme.glyphs.sep, s::voie(Voie::Apprentissage))
    } else {
        String::new()
    };
    Line::from(format!(
        "{} ({}, {}{model})",
        f.intitule,
        s::niveau(f.niveau),
        s::duree_mois(u32::from(f.duree_mois))
    ))
}

fn metier_lines<'a>(model: &'a Model, m: &'a Metier, theme: &Palette) -> Vec<Line<'a>> {
    let mut lines = vec![Line::from(m.resume.as_str()), Line::from("")];
    lines.push(heading(s::FICHE_ACTIVITES, theme));
    lines.extend(m.activites.iter().map(|a| bullet(a)));
    lines.push(field(s::FICHE_QUALITES, m.qualites.join(", "), theme));
    lines.push(field(s::FICHE_CONDITIONS, m.conditions.clone(), theme));
    lines.push(field(
        s::FICHE_NIVEAU,
        s::niveau_min(m.niveau_min).to_string(),
        theme,
    ));
    lines.push(Line::from(Span::styled(
        if m.apprentissage {
            s::FICHE_APPRENTISSAGE_OUI
        } else {
            s::FICHE_APPRENTISSAGE_NON
        },
        theme.good,
    )));
    let domaine = model
        .content
        .domaine(&m.domaine)
        .map_or("", |d| d.libelle.as_str());
    lines.push(field(s::FILTRE_DOMAINE, domaine.to_string(), theme));
    lines.push(field(s::FICHE_ROME, m.rome.join(", "), theme));
    lines.push(field(s::FICHE_SOURCES, m.sources.join(" ; "), theme));
    lines
}
