//! Résultats: filters, the grouped list, and why the selected métier is there.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::{Nav, ScreenState, clicked, plain_rows, step};
use crate::matching::Method;
use crate::tui::keys::{self, Entry, Global, Keys, hidden, key, help_key};
use crate::tui::model::{Model, Ranked};
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{TextPane, block, grouped, heading, list, one_line_rows, style_if, text};
use crate::tui::{layout, wrap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resultats {
    pub pane: ResPane,
    /// The selected métier (index in `Model::ranked`).
    pub sel: usize,
    /// The selected filter row.
    pub filter: usize,
}

impl Default for Resultats {
    fn default() -> Self {
        Self {
            pane: ResPane::Liste,
            sel: 0,
            filter: 0,
        }
    }
}

/// Panes of the results screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResPane {
    Filtres,
    Liste,
}

/// One filter row of the results screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterRow {
    Niveau,
    Apprentissage,
    Domaine,
    Departement,
    Recrute,
}

impl FilterRow {
    pub const ALL: [FilterRow; 5] = [
        FilterRow::Niveau,
        FilterRow::Apprentissage,
        FilterRow::Domaine,
        FilterRow::Departement,
        FilterRow::Recrute,
    ];
}

#[derive(Debug, Clone, Copy)]
pub enum Action {
    Fiche,
    PasPourMoi,
    Favori,
    Comparer,
    Exporter,
    Comparaison,
    MesFavoris,
    Pane,
    Retour,
    Bouger,
    Gauche,
    Droite,
    Espace,
}

const KEYS: &[Entry<Action>] = &[
    key(
        Keys::Any(&[Msg::Enter]),
        s::TOUCHE_ENTREE,
        s::ACTION_FICHE,
        Action::Fiche,
    ),
    key(
        Keys::Any(&[Msg::Char('x')]),
        s::TOUCHE_X,
        s::ACTION_PAS_POUR_MOI,
        Action::PasPourMoi,
    ),
    key(
        Keys::Any(&[Msg::Char('f')]),
        s::TOUCHE_F,
        s::ACTION_FAVORI_MARQUE,
        Action::Favori,
    ),
    key(
        Keys::Any(&[Msg::Char('c')]),
        s::TOUCHE_C,
        s::ACTION_COMPARER_MARQUE,
        Action::Comparer,
    ),
    keys::exporter(Action::Exporter, true),
    key(
        Keys::Any(&[Msg::Char('v')]),
        s::TOUCHE_V,
        s::ACTION_COMPARAISON,
        Action::Comparaison,
    ),
    key(
        Keys::Any(&[Msg::Tab, Msg::BackTab]),
        s::TOUCHE_TAB,
        s::ACTION_FILTRES,
        Action::Pane,
    ),
    Entry::Global(Global::Aide),
    help_key(
        Keys::Any(&[Msg::Char('F')]),
        s::TOUCHE_F_MAJ,
        s::MENU_FAVORIS,
        Action::MesFavoris,
    ),
    help_key(
        Keys::Any(&[Msg::Back]),
        s::TOUCHE_ECHAP,
        s::ACTION_RETOUR,
        Action::Retour,
    ),
    help_key(
        Keys::Any(super::MOVES),
        s::TOUCHE_HAUT_BAS,
        s::ACTION_CHOISIR,
        Action::Bouger,
    ),
    help_key(
        Keys::Any(&[Msg::Left]),
        s::TOUCHE_GAUCHE_DROITE,
        s::ACTION_CHANGER_FILTRE,
        Action::Gauche,
    ),
    hidden(Keys::Any(&[Msg::Right]), Action::Droite),
    hidden(Keys::Any(&[Msg::Char(' ')]), Action::Espace),
];

/// Opens the results (ranked afresh), if there is a profile.
pub fn open(model: &mut Model) -> Nav {
    if model.saisie.profile.is_none() {
        return Nav::Stay;
    }
    model.recompute();
    Nav::Reopen(Resultats::default().into())
}

impl Model {
    /// Rows of the results list: a group header (`None`) before each bucket,
    /// then the index of each ranked métier.
    pub fn result_rows(&self) -> Vec<Option<usize>> {
        let mut rows = Vec::with_capacity(self.ranked.len() + 3);
        let mut last = None;
        for (i, r) in self.ranked.iter().enumerate() {
            if last != Some(r.bucket) {
                rows.push(None);
                last = Some(r.bucket);
            }
            rows.push(Some(i));
        }
        rows
    }

    /// Moves a filter to its next (or previous) value.
    fn cycle_filter(&mut self, row: FilterRow, forward: bool) {
        let has_places = self.has_places();
        let f = &mut self.saisie.filters;
        match row {
            FilterRow::Niveau => {
                let values = [None, Some(3), Some(4), Some(5), Some(6), Some(7), Some(8)];
                let i = values.iter().position(|v| *v == f.niveau_max).unwrap_or(0);
                f.niveau_max = values[cycle(i, values.len(), forward)];
            }
            FilterRow::Apprentissage => f.apprentissage_seulement = !f.apprentissage_seulement,
            FilterRow::Recrute => f.recrute = !f.recrute,
            FilterRow::Domaine => {
                let mut values: Vec<Option<String>> = vec![None];
                values.extend(self.content.domaines.iter().map(|d| Some(d.lettre.clone())));
                let i = values.iter().position(|v| *v == f.domaine).unwrap_or(0);
                f.domaine = values[cycle(i, values.len(), forward)].clone();
            }
            FilterRow::Departement if !has_places => {
                // No formation has a place yet: a département filter would hide everything.
            }
            FilterRow::Departement => {
                let mut values: Vec<Option<String>> = vec![None];
                values.extend(
                    crate::content::DEPARTEMENTS
                        .iter()
                        .map(|(code, _)| Some((*code).to_string())),
                );
                let i = values.iter().position(|v| *v == f.departement).unwrap_or(0);
                f.departement = values[cycle(i, values.len(), forward)].clone();
            }
        }
        self.recompute();
    }
}

fn cycle(i: usize, len: usize, forward: bool) -> usize {
    if forward {
        (i + 1) % len
    } else {
        (i + len - 1) % len
    }
}

impl ScreenState for Resultats {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::RESULTATS_TITRE
    }

    fn keys(&self) -> &'static [Entry<Action>] {
        KEYS
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Nav {
        let len = model.ranked.len();
        let current = model.ranked.get(self.sel).map(|r| r.id.clone());
        let Some(action) = keys::action(KEYS, msg) else {
            return Nav::Stay;
        };
        let filtres = self.pane == ResPane::Filtres;
        match action {
            Action::Retour => return Nav::Back,
            Action::Pane => {
                self.pane = if filtres {
                    ResPane::Liste
                } else {
                    ResPane::Filtres
                };
            }
            Action::PasPourMoi => {
                if let Some(id) = current {
                    model.saisie.rejected.insert(id);
                    let rejected = &model.saisie.rejected;
                    model.saisie.favoris.retain(|f| !rejected.contains(f));
                    model.recompute();
                    model.flash = Some(s::MSG_REJETE.to_string());
                    self.sel = self.sel.min(model.ranked.len().saturating_sub(1));
                }
            }
            Action::Favori => {
                if let Some(id) = current {
                    model.toggle_favori(&id);
                }
            }
            Action::Comparer => {
                if let Some(id) = current {
                    model.toggle_compare(&id);
                }
            }
            Action::Comparaison => return Nav::Open(super::Comparer::default().into()),
            Action::MesFavoris => return Nav::Open(super::Favoris::default().into()),
            Action::Exporter => model.ask_export(),
            Action::Bouger if filtres => {
                if matches!(msg, Msg::Up | Msg::Down | Msg::Home | Msg::End) {
                    self.filter = step(self.filter, FilterRow::ALL.len(), msg);
                }
            }
            Action::Gauche | Action::Droite | Action::Fiche | Action::Espace if filtres => {
                let row = FilterRow::ALL[self.filter.min(FilterRow::ALL.len() - 1)];
                model.cycle_filter(row, msg != Msg::Left);
                self.sel = 0;
            }
            Action::Fiche => {
                if let Some(id) = current {
                    return super::fiche_metier::open(id);
                }
            }
            Action::Bouger => self.sel = step(self.sel, len, msg),
            Action::Gauche | Action::Droite | Action::Espace => {}
        }
        Nav::Stay
    }

    fn click(&mut self, model: &mut Model, x: u16, y: u16) -> Nav {
        let (filters, list, _) = layout::resultats(layout::body(model.size));
        let rows = model.result_rows();
        if let Some(i) = clicked(list, x, y, &rows, self.sel) {
            self.pane = ResPane::Liste;
            self.sel = i;
        } else if let Some(f) = clicked(
            filters,
            x,
            y,
            &plain_rows(FilterRow::ALL.len()),
            self.filter,
        ) {
            self.pane = ResPane::Filtres;
            self.filter = f;
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
        let Self { pane, sel, filter } = *self;
        let (_, left, _) = layout::resultats(area);
        for text_pane in panes(model, theme, area, pane, sel, filter) {
            text(frame, texts, text_pane, theme);
        }
        if model.ranked.is_empty() {
            return;
        }
        // Rows with group headers (the same rows `update` maps clicks to).
        let rows = model.result_rows();
        let selected_row = rows.iter().position(|r| *r == Some(sel));
        let row = |n| {
            grouped(
                &rows,
                &model.ranked,
                n,
                |r| ListItem::new(row_line(model, r, theme)),
                |r| {
                    ListItem::new(Line::from(Span::styled(
                        crate::present::bucket(r.bucket),
                        theme.header,
                    )))
                },
            )
        };
        list(
            frame,
            left,
            one_line_rows(rows.len(), row),
            selected_row,
            block(list_title(model), pane == ResPane::Liste, theme),
            theme,
        );
    }
}

fn filter_value(model: &Model, row: FilterRow) -> String {
    let f = &model.saisie.filters;
    match row {
        FilterRow::Niveau => f.niveau_max.map_or(s::FILTRE_TOUS.to_string(), |n| {
            s::niveau_vise(n).to_string()
        }),
        FilterRow::Recrute => (if f.recrute { s::OUI } else { s::NON }).to_string(),
        FilterRow::Apprentissage => (if f.apprentissage_seulement {
            s::OUI
        } else {
            s::NON
        })
        .to_string(),
        FilterRow::Domaine => f.domaine.as_ref().map_or(s::FILTRE_TOUS.to_string(), |d| {
            model.content
                .domaine(d)
                .map_or(d.clone(), |x| format!("{d} {}", x.libelle))
        }),
        FilterRow::Departement if !model.has_places() => s::FILTRE_SANS_LIEUX.to_string(),
        FilterRow::Departement => f.departement.as_deref().map_or(
            s::FILTRE_TOUS.to_string(),
            crate::content::departement_label,
        ),
    }
}

fn filter_label(row: FilterRow) -> &'static str {
    match row {
        FilterRow::Niveau => s::FILTRE_NIVEAU,
        FilterRow::Apprentissage => s::FILTRE_APPRENTISSAGE,
        FilterRow::Domaine => s::FILTRE_DOMAINE,
        FilterRow::Departement => s::FILTRE_DEPARTEMENT,
        FilterRow::Recrute => s::FILTRE_RECRUTE,
    }
}

fn list_title(model: &Model) -> &'static str {
    if model.method == Method::HighestThemes {
        s::RESULTATS_PLAT
    } else {
        s::RESULTATS_TITRE
    }
}

/// The filters, the list when it is empty, and why the selected métier is there.
fn panes<'a>(
    model: &'a Model,
    theme: &Palette,
    area: Rect,
    pane: ResPane,
    sel: usize,
    filter: usize,
) -> Vec<TextPane<'a>> {
    let (filters_area, left, right) = layout::resultats(area);
    let filters: Vec<Line<'_>> = FilterRow::ALL
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let selected = pane == ResPane::Filtres && i == filter;
            Line::from(vec![
                Span::raw(if selected { "> " } else { "  " }),
                Span::styled(format!("{:<24}", filter_label(*row)), theme.header),
                Span::styled(
                    format!(
                        "{} {} {}",
                        theme.glyphs.left,
                        filter_value(model, *row),
                        theme.glyphs.right
                    ),
                    style_if(selected, theme.selected),
                ),
            ])
        })
        .collect();
    let mut panes = vec![
        TextPane::new(filters_area, s::RESULTATS_FILTRES, filters)
            .focused(pane == ResPane::Filtres),
    ];
    if model.ranked.is_empty() {
        panes.push(
            TextPane::new(left, list_title(model), vec![Line::from(s::RESULTATS_AUCUN)])
                .focused(pane == ResPane::Liste),
        );
    }
    let reasons = model
        .ranked
        .get(sel)
        .map(|r| reasons_lines(model, r, theme))
        .unwrap_or_default();
    panes.push(TextPane::new(right, s::RESULTATS_POURQUOI, reasons));
    panes
}

fn row_line<'a>(model: &'a Model, r: &Ranked, theme: &Palette) -> Line<'a> {
    let title = model
        .content
        .metier(&r.id)
        .map_or(r.id.clone(), |m| m.titre.both());
    let fav = model.saisie.favoris.contains(&r.id);
    let cmp = model.saisie.comparaison.contains(&r.id);
    Line::from(vec![
        Span::styled(if fav { s::MARQUE_FAVORI } else { " " }, theme.warning),
        Span::styled(if cmp { s::MARQUE_COMPARE } else { " " }, theme.key),
        Span::raw(format!(" {title}")),
    ])
}

/// The "Pourquoi ce métier ?" text, shared with the fiche's Pourquoi moi tab.
pub fn reasons_lines<'a>(model: &'a Model, r: &Ranked, theme: &Palette) -> Vec<Line<'a>> {
    let q = &model.content.questionnaire;
    let mut lines = Vec::new();
    if let Some(m) = model.content.metier(&r.id) {
        lines.push(Line::from(Span::styled(m.titre.both(), theme.title)));
    }
    lines.push(Line::from(match s::ressemblance(r.score) {
        Some(likeness) => format!(
            "{}{}{likeness}",
            crate::present::bucket(r.bucket),
            theme.glyphs.sep
        ),
        None => crate::present::bucket(r.bucket).to_string(),
    }));
    lines.push(Line::from(""));
    if !r.reasons.themes.is_empty() {
        lines.push(heading(s::RAISON_THEMES, theme));
        for t in &r.reasons.themes {
            let name = q.theme_info(*t).map_or(String::new(), |i| i.nom.clone());
            lines.push(Line::from(format!("  {} {name}", t.letter())));
        }
    }
    if !r.reasons.items.is_empty() {
        lines.push(heading(s::RAISON_ITEMS, theme));
        for id in &r.reasons.items {
            if let Some(i) = q.item(id) {
                lines.push(Line::from(format!("  « {} »", i.texte)));
            }
        }
    }
    if !r.reasons.filters.is_empty() {
        lines.push(heading(s::RAISON_FILTRES, theme));
        for f in &r.reasons.filters {
            lines.push(Line::from(format!("  {}", crate::present::filtre(&model.content, f))));
        }
    }
    if r.reasons.themes.is_empty() && r.reasons.items.is_empty() {
        lines.push(Line::from(s::RAISON_PROFIL));
    }
    lines
}
