//! Comparer: two or three métiers side by side.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{Nav, ScreenState, scroll};
use crate::tui::keys::{self, Entry, Keys, hidden, key};
use crate::tui::model::Model;
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{TextPane, text};
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
    Exporter,
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
    keys::exporter(Action::Exporter, true),
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
            Some(Action::Exporter) => model.ask_export(),
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

/// Columns between two métiers: " │ ".
const SEP: u16 = 3;

/// The métiers side by side, field by field: each field's row is as tall as
/// its longest value, so the rows line up across the columns.
fn panes<'a>(
    model: &'a Model,
    theme: &Palette,
    area: Rect,
    sel: usize,
    scroll: u16,
) -> Vec<TextPane<'a>> {
    let c = &model.content;
    let metiers: Vec<_> = model
        .saisie
        .comparaison
        .iter()
        .filter_map(|id| c.metier(id))
        .collect();
    if metiers.is_empty() {
        return vec![
            TextPane::new(area, s::COMPARER_TITRE, vec![Line::from(s::COMPARER_VIDE)])
                .focused(true),
        ];
    }
    let n = metiers.len() as u16;
    let inner = area.width.saturating_sub(2);
    let width = (inner.saturating_sub(SEP * (n - 1)) / n).max(1);
    let departement = model.departement();
    let lieux_titre = match departement.and_then(crate::content::departement_nom) {
        Some(nom) => s::comparer_lieux_dans(nom),
        None => s::COMPARER_LIEUX_NORMANDIE.to_string(),
    };
    let mut lines = Vec::new();
    let titres: Vec<String> = metiers.iter().map(|m| m.titre.both()).collect();
    let styles: Vec<Style> = (0..metiers.len())
        .map(|i| if i == sel { theme.selected } else { theme.title })
        .collect();
    row(&mut lines, &titres, width, &styles, theme);
    let plain = vec![theme.base; metiers.len()];
    let champs: [(&str, Vec<String>); 6] = [
        (
            s::COMPARER_NIVEAU,
            metiers
                .iter()
                .map(|m| s::niveau_min(m.niveau_min).to_string())
                .collect(),
        ),
        (
            s::COMPARER_ETUDES,
            metiers
                .iter()
                .map(|m| {
                    let f: Vec<String> = m
                        .formations
                        .iter()
                        .filter_map(|f| c.formation(f))
                        .map(|f| {
                            format!("{} ({})", f.intitule, s::duree_mois(u32::from(f.duree_mois)))
                        })
                        .collect();
                    if f.is_empty() { s::COMPARER_AUCUNE.to_string() } else { f.join(" ; ") }
                })
                .collect(),
        ),
        (
            s::COMPARER_APPRENTISSAGE,
            metiers
                .iter()
                .map(|m| (if m.apprentissage { s::OUI } else { s::NON }).to_string())
                .collect(),
        ),
        (
            lieux_titre.as_str(),
            metiers
                .iter()
                .map(|m| crate::lieux::nombre(c, m, departement).to_string())
                .collect(),
        ),
        (
            s::COMPARER_PROFIL,
            metiers
                .iter()
                .map(|m| {
                    model.ranked_of(&m.id).map_or(s::COMPARER_SANS_PROFIL.to_string(), |r| {
                        crate::present::bucket(r.bucket).to_string()
                    })
                })
                .collect(),
        ),
        (
            s::COMPARER_CONDITIONS,
            metiers.iter().map(|m| m.conditions.clone()).collect(),
        ),
    ];
    for (label, values) in &champs {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(label.to_string(), theme.header)));
        row(&mut lines, values, width, &plain, theme);
    }
    vec![
        TextPane::new(area, s::COMPARER_TITRE, lines)
            .focused(true)
            .scroll(scroll),
    ]
}

/// One row of the table: each value wrapped to its column, padded, the
/// columns separated.
fn row(lines: &mut Vec<Line<'_>>, values: &[String], width: u16, styles: &[Style], theme: &Palette) {
    let wrapped: Vec<Vec<String>> = values.iter().map(|v| crate::tui::wrap::rows(v, width)).collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(0);
    for r in 0..height {
        let mut spans = Vec::new();
        for (i, col) in wrapped.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(format!(" {} ", theme.glyphs.vline), theme.muted));
            }
            let text = col.get(r).map_or("", String::as_str);
            let pad = usize::from(width).saturating_sub(text.width());
            let style = styles.get(i).copied().unwrap_or(theme.base);
            spans.push(Span::styled(text.to_string(), style));
            if i + 1 < wrapped.len() {
                spans.push(Span::raw(" ".repeat(pad)));
            }
        }
        lines.push(Line::from(spans));
    }
}
