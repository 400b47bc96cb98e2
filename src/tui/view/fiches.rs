//! Fiches: a rich métier (with tabs), a formation, a short ROME fiche.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Tabs};

use super::super::app::{App, Link, Tab};
use super::super::strings as s;
use super::super::theme::Theme;
use super::super::wrap;
use super::{TextPane, block, bullet, field, heading, list, one_line_rows, text};
use crate::content::{Formation, Metier, Voie};
use crate::parcours::Mode;

pub fn tab_label(t: Tab) -> &'static str {
    match t {
        Tab::Metier => s::TAB_METIER,
        Tab::Formations => s::TAB_FORMATIONS,
        Tab::Parcours => s::TAB_PARCOURS,
        Tab::Normandie => s::TAB_NORMANDIE,
        Tab::Pourquoi => s::TAB_POURQUOI,
    }
}

#[allow(clippy::too_many_arguments)]
pub fn metier(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    texts: &mut wrap::Cache,
    area: Rect,
    id: &str,
    tab: Tab,
    sel: usize,
    scroll: u16,
) {
    let Some(m) = app.content.metier(id) else {
        return;
    };
    let (tabs_area, body) = super::super::layout::fiche_metier(area);
    let tabs: Vec<Tab> = Tab::ALL
        .into_iter()
        .filter(|t| *t != Tab::Pourquoi || app.session.profile.is_some())
        .collect();
    let titles: Vec<Line<'_>> = tabs
        .iter()
        .enumerate()
        .map(|(i, t)| Line::from(format!("{} {}", i + 1, tab_label(*t))))
        .collect();
    let selected = tabs.iter().position(|t| *t == tab);
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
    if tab == Tab::Formations {
        let formations: Vec<&Formation> = m
            .formations
            .iter()
            .filter_map(|fid| app.content.formation(fid))
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
            Some(sel),
            block(&metier_title(app, m), true, theme),
            theme,
        );
    }
    for pane in metier_panes(app, theme, area, id, tab, scroll) {
        text(frame, texts, pane, theme);
    }
}

/// The métier's title, marked when it is a favourite (*) or compared (=).
fn metier_title(app: &App, m: &Metier) -> String {
    let marks = format!(
        "{}{}",
        if app.session.favoris.contains(&m.id) {
            " *"
        } else {
            ""
        },
        if app.session.comparaison.contains(&m.id) {
            " ="
        } else {
            ""
        }
    );
    format!("{}{marks}", m.titre.both())
}

/// The text of the tab (every tab but the list of formations).
pub fn metier_panes<'a>(
    app: &'a App,
    theme: &Theme,
    area: Rect,
    id: &str,
    tab: Tab,
    scroll: u16,
) -> Vec<TextPane<'a>> {
    let Some(m) = app.content.metier(id) else {
        return Vec::new();
    };
    let (_, body) = super::super::layout::fiche_metier(area);
    let lines = match tab {
        Tab::Metier => metier_lines(app, m, theme),
        Tab::Formations => return Vec::new(),
        Tab::Parcours => parcours_lines(app, m, theme),
        Tab::Normandie => {
            let mut lines = Vec::new();
            match &m.normandie {
                Some(n) => lines.push(Line::from(n.as_str())),
                None => {
                    let d = app
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
            lines
        }
        Tab::Pourquoi => match app.ranked_of(id) {
            Some(r) => super::resultats::reasons_lines(app, r, theme),
            None => vec![Line::from(s::FICHE_POURQUOI_VIDE)],
        },
    };
    vec![
        TextPane::new(body, metier_title(app, m), lines)
            .focused(true)
            .scroll(scroll),
    ]
}

fn formation_row<'a>(f: &'a Formation, theme: &Theme) -> Line<'a> {
    let app = if f.has_voie(Voie::Apprentissage) {
        format!("{}{}", theme.glyphs.sep, s::voie(Voie::Apprentissage))
    } else {
        String::new()
    };
    Line::from(format!(
        "{} ({}, {}{app})",
        f.intitule,
        s::niveau(f.niveau),
        s::duree_mois(u32::from(f.duree_mois))
    ))
}

fn metier_lines<'a>(app: &'a App, m: &'a Metier, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![Line::from(m.resume.as_str()), Line::from("")];
    lines.push(heading(s::FICHE_ACTIVITES, theme));
    lines.extend(m.activites.iter().map(|a| bullet(a)));
    lines.push(field(s::FICHE_QUALITES, m.qualites.join(", "), theme));
    lines.push(field(s::FICHE_CONDITIONS, m.conditions.clone(), theme));
    lines.push(field(
        s::FICHE_NIVEAU,
        s::niveau(m.niveau_min).to_string(),
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
    let domaine = app
        .content
        .domaine(&m.domaine)
        .map_or("", |d| d.libelle.as_str());
    lines.push(field(s::FILTRE_DOMAINE, domaine.to_string(), theme));
    lines.push(field(s::FICHE_ROME, m.rome.join(", "), theme));
    lines.push(field(s::FICHE_SOURCES, m.sources.join(" ; "), theme));
    lines
}

/// Widest text inside a route box (fits 80 columns with the borders).
const BOX_TEXT: u16 = 56;

fn parcours_lines<'a>(app: &'a App, m: &'a Metier, theme: &Theme) -> Vec<Line<'a>> {
    let g = &theme.glyphs;
    let idx = app.parcours_situation();
    let Some(situation) = app.content.situations.get(idx) else {
        return Vec::new();
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} : ", s::PARCOURS_DEPUIS), theme.header),
        Span::raw(situation.libelle.as_str()),
        Span::styled(format!("   ({})", s::PARCOURS_CHANGER), theme.muted),
    ])];
    let routes = app.routes(m, idx);
    if routes.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(s::PARCOURS_AUCUN));
        return lines;
    }
    for (n, r) in routes.iter().enumerate() {
        lines.push(Line::from(""));
        let mut head = vec![Span::styled(
            s::parcours_titre(n + 1, r.duree_mois),
            theme.title,
        )];
        if r.tout_apprentissage {
            head.push(Span::styled(
                format!("{}{}", g.sep, s::PARCOURS_TOUT_APPRENTISSAGE),
                theme.good,
            ));
        }
        lines.push(Line::from(head));
        for (i, e) in r.etapes.iter().enumerate() {
            if i > 0 {
                lines.push(Line::from(format!("        {}", g.vline)));
                lines.push(Line::from(format!("        {}", g.down)));
            }
            let f = e.formation;
            let name_lines = wrap::rows(&f.intitule, BOX_TEXT);
            let width = name_lines
                .iter()
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0)
                + 2;
            lines.push(Line::from(format!(
                "  {}{}{}",
                g.box_top_left,
                g.box_h.repeat(width),
                g.box_top_right
            )));
            for name in name_lines {
                lines.push(Line::from(format!(
                    "  {v} {name:<w$} {v}",
                    v = g.box_v,
                    w = width - 2
                )));
            }
            lines.push(Line::from(format!(
                "  {}{}{}",
                g.box_bottom_left,
                g.box_h.repeat(width),
                g.box_bottom_right
            )));
            let detail = match e.mode {
                Mode::Vae => s::PARCOURS_VAE.to_string(),
                Mode::Formation => {
                    let mut d = format!(
                        "{}{}{}",
                        s::niveau(f.niveau),
                        g.sep,
                        s::duree_mois(u32::from(f.duree_mois))
                    );
                    if f.has_voie(Voie::Apprentissage) {
                        d.push_str(&format!("{}{}", g.sep, s::PARCOURS_APPRENTISSAGE));
                    }
                    d
                }
            };
            lines.push(Line::from(Span::styled(
                format!("    {detail}"),
                theme.muted,
            )));
        }
    }
    lines
}

pub fn formation(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    texts: &mut wrap::Cache,
    area: Rect,
    id: &str,
    sel: usize,
) {
    for pane in formation_panes(app, theme, area, id) {
        text(frame, texts, pane, theme);
    }
    if app.content.formation(id).is_none() {
        return;
    }
    let (_, links_area) = super::super::layout::fiche_formation(area);
    let title = format!(
        "{}{}{}",
        s::FORMATION_POURSUITES,
        theme.glyphs.sep,
        s::FORMATION_METIERS
    );
    links_pane(
        app,
        frame,
        links_area,
        &app.formation_links(id),
        sel,
        &title,
        theme,
    );
}

/// What the formation is.
pub fn formation_panes<'a>(app: &'a App, theme: &Theme, area: Rect, id: &str) -> Vec<TextPane<'a>> {
    let Some(f) = app.content.formation(id) else {
        return Vec::new();
    };
    let (info, _) = super::super::layout::fiche_formation(area);
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
                    app.content
                        .situation(a)
                        .map_or(a.clone(), |x| x.libelle.clone())
                })
                .collect::<Vec<_>>()
                .join(" ; "),
            theme,
        ),
    ];
    if !f.lieux.is_empty() {
        let lieux: Vec<String> = f
            .lieux
            .iter()
            .map(|l| match &l.ville {
                Some(v) => format!("{v} ({})", l.departement),
                None => l.departement.clone(),
            })
            .collect();
        lines.push(field(s::FORMATION_LIEUX, lieux.join(", "), theme));
    }
    if let Some(p) = &f.presentation {
        lines.push(Line::from(""));
        lines.push(Line::from(p.as_str()));
    }
    lines.push(Line::from(""));
    lines.push(field(s::FICHE_SOURCES, f.sources.join(" ; "), theme));
    vec![TextPane::new(info, f.intitule.as_str(), lines)]
}

/// The list of links at the bottom of a formation or a fiche courte.
fn links_pane(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    links: &[Link],
    sel: usize,
    title: &str,
    theme: &Theme,
) {
    let row = |i: usize| ListItem::new(links.get(i).map(|l| link_line(app, l)).unwrap_or_default());
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

fn link_line<'a>(app: &'a App, l: &Link) -> Line<'a> {
    match l {
        Link::Formation(id) => Line::from(format!(
            "{} : {}",
            s::FORMATION_POURSUITES,
            app.content
                .formation(id)
                .map_or(id.as_str(), |f| f.intitule.as_str())
        )),
        Link::Metier(id) => Line::from(format!(
            "{} : {}",
            s::TAB_METIER,
            app.content
                .metier(id)
                .map_or(id.clone(), |m| m.titre.both())
        )),
    }
}

pub fn rome(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    texts: &mut wrap::Cache,
    area: Rect,
    code: &str,
    sel: usize,
) {
    for pane in rome_panes(app, theme, area, code) {
        text(frame, texts, pane, theme);
    }
    if app.content.fiche_rome(code).is_none() {
        return;
    }
    let (_, links_area) = super::super::layout::fiche_rome(area);
    links_pane(
        app,
        frame,
        links_area,
        &app.rome_links(code),
        sel,
        s::FICHE_COURTE_PROCHES,
        theme,
    );
}

/// What the short fiche says.
pub fn rome_panes<'a>(app: &'a App, theme: &Theme, area: Rect, code: &str) -> Vec<TextPane<'a>> {
    let Some(r) = app.content.fiche_rome(code) else {
        return Vec::new();
    };
    let (info, _) = super::super::layout::fiche_rome(area);
    let domaine = app
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
