//! Rechercher: a text field, and what matches it, grouped by kind.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};

use super::{Nav, ScreenState, clicked, step};
use crate::search::{Hit, Kind};
use crate::tui::keys::{self, Entry, Keys, help_key, key};
use crate::tui::model::{Link, Model};
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{TextPane, block, grouped, list, one_line_rows, text};
use crate::tui::wrap::{self, stands_alone};
use crate::tui::layout;

/// Most results of a live search.
pub const SEARCH_LIMIT: usize = 60;
/// Longest query, in characters.
const MAX_QUERY: usize = 80;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recherche {
    pub query: String,
    /// The selected hit (index in `Model::hits`).
    pub sel: usize,
    /// Looking for the person's current job: a métier or a ROME fiche opens
    /// the métiers close to it.
    pub metier_actuel: bool,
}

/// Opens a search for the person's current job.
pub fn open_metier_actuel(model: &mut Model) -> Nav {
    model.hits.clear();
    Nav::Open(
        Recherche {
            metier_actuel: true,
            ..Recherche::default()
        }
        .into(),
    )
}

/// Opens an empty search.
pub fn open(model: &mut Model) -> Nav {
    model.hits.clear();
    Nav::Open(Recherche::default().into())
}

#[derive(Debug, Clone, Copy)]
pub enum Action {
    Taper,
    Choisir,
    Ouvrir,
    Retour,
    Effacer,
    ToutEffacer,
}

const KEYS: &[Entry<Action>] = &[
    key(
        Keys::Typing,
        s::TOUCHE_LETTRES,
        s::ACTION_CHERCHER,
        Action::Taper,
    ),
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
    key(
        Keys::Any(&[Msg::Back]),
        s::TOUCHE_ECHAP,
        s::ACTION_RETOUR,
        Action::Retour,
    ),
    help_key(
        Keys::Any(&[Msg::Backspace]),
        s::TOUCHE_RETOUR_ARRIERE,
        s::ACTION_EFFACER_LETTRE,
        Action::Effacer,
    ),
    help_key(
        Keys::Any(&[Msg::ClearInput]),
        s::TOUCHE_CTRL_U,
        s::ACTION_TOUT_EFFACER,
        Action::ToutEffacer,
    ),
];

impl Model {
    /// Rows of the search results: a header (`None`) before each kind.
    pub fn search_rows(&self) -> Vec<Option<usize>> {
        let mut rows = Vec::with_capacity(self.hits.len() + 3);
        let mut last = None;
        for (i, h) in self.hits.iter().enumerate() {
            if last != Some(h.kind) {
                rows.push(None);
                last = Some(h.kind);
            }
            rows.push(Some(i));
        }
        rows
    }

    fn run_search(&mut self, query: &str) {
        let mut hits = self.index.search(query, SEARCH_LIMIT);
        // Grouped by kind, best first within each group.
        hits.sort_by_key(|h| h.kind);
        self.hits = hits;
    }
}

impl ScreenState for Recherche {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::RECHERCHE_TITRE
    }

    fn keys(&self) -> &'static [Entry<Action>] {
        KEYS
    }

    fn takes_letters(&self) -> bool {
        true
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Nav {
        let Some(action) = keys::action(KEYS, msg) else {
            return Nav::Stay;
        };
        match action {
            Action::Retour => {
                model.hits.clear();
                return Nav::Back;
            }
            Action::Taper | Action::Effacer | Action::ToutEffacer => {
                match (action, msg) {
                    (Action::Taper, Msg::Char(c)) if self.query.chars().count() < MAX_QUERY => {
                        self.query.push(c)
                    }
                    (Action::Effacer, _) => {
                        self.query.pop();
                    }
                    (Action::ToutEffacer, _) => self.query.clear(),
                    _ => {}
                }
                self.sel = 0;
                model.run_search(&self.query);
            }
            Action::Ouvrir => {
                if let Some(hit) = model.hits.get(self.sel).cloned() {
                    if self.metier_actuel && matches!(hit.kind, Kind::Metier | Kind::Rome) {
                        model.saisie.metier_actuel = Some(hit.id.clone());
                        return Nav::Replace(
                            super::Proches {
                                depuis: hit.id,
                                sel: 0,
                                scroll: 0,
                            }
                            .into(),
                        );
                    }
                    return match hit.kind {
                        Kind::Metier => super::fiche_metier::open(hit.id),
                        Kind::Formation => super::fiche_formation::open_link(Link::Formation(hit.id)),
                        Kind::Etablissement => {
                            super::fiche_formation::open_link(Link::Etablissement(hit.id))
                        }
                        Kind::Dispositif => Nav::Open(super::Financement::default().into()),
                        Kind::Rome => Nav::Open(
                            super::FicheRome {
                                code: hit.id,
                                sel: 0,
                            }
                            .into(),
                        ),
                    };
                }
            }
            Action::Choisir => self.sel = step(self.sel, model.hits.len(), msg),
        }
        Nav::Stay
    }

    fn click(&mut self, model: &mut Model, x: u16, y: u16) -> Nav {
        let (_, results) = layout::recherche(layout::body(model.size));
        if let Some(i) = clicked(results, x, y, &model.search_rows(), self.sel) {
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
        let (query, sel) = (self.query.as_str(), self.sel);
        let metier_actuel = self.metier_actuel;
    let (input_area, results_area) = layout::recherche(area);
    let input = Line::from(vec![
        Span::styled(s::RECHERCHE_INVITE, theme.muted),
        Span::raw(query),
    ]);
    frame.render_widget(
        Paragraph::new(input).block(block(
            if metier_actuel {
                s::RECHERCHE_METIER_ACTUEL
            } else {
                s::RECHERCHE_TITRE
            },
            true,
            theme,
        )),
        input_area,
    );
    let typed = s::RECHERCHE_INVITE.chars().count() + query.chars().count();
    let x = input_area.x + 1 + u16::try_from(typed).unwrap_or(u16::MAX);
    if x < input_area.right().saturating_sub(1) {
        frame.set_cursor_position((x, input_area.y + 1));
    }
    let messages = panes(model, area, query);
    if !messages.is_empty() {
        for pane in messages {
            text(frame, texts, pane, theme);
        }
        return;
    }
    let rows = model.search_rows();
    let selected_row = rows.iter().position(|r| *r == Some(sel));
    let row = |n| {
        grouped(
            &rows,
            &model.hits,
            n,
            |h| ListItem::new(highlighted(h, theme)),
            |h| ListItem::new(Line::from(Span::styled(kind_label(h.kind), theme.header))),
        )
    };
    let title = format!("{} ({})", s::RECHERCHE_TITRE, model.hits.len());
    list(
        frame,
        results_area,
        one_line_rows(rows.len(), row),
        selected_row,
        block(&title, false, theme),
        theme,
    );
}
}

pub fn kind_label(k: Kind) -> &'static str {
    match k {
        Kind::Metier => s::KIND_METIER,
        Kind::Formation => s::KIND_FORMATION,
        Kind::Rome => s::KIND_ROME,
        Kind::Etablissement => s::KIND_ETABLISSEMENT,
        Kind::Dispositif => s::KIND_DISPOSITIF,
    }
}

/// What the results pane says when there is nothing to list.
fn panes<'a>(model: &'a Model, area: Rect, query: &str) -> Vec<TextPane<'a>> {
    let (_, results_area) = layout::recherche(area);
    let message = if query.trim().is_empty() {
        s::RECHERCHE_VIDE
    } else if model.hits.is_empty() {
        s::RECHERCHE_RIEN
    } else {
        return Vec::new();
    };
    vec![TextPane::new(results_area, "", vec![Line::from(message)])]
}

/// The label with its matched letters styled: letters of the same style go
/// in one span, except those that could join a neighbour on screen (see
/// `wrap::stands_alone`), which keep a span each.
fn highlighted<'a>(h: &'a Hit, theme: &Palette) -> Line<'a> {
    let mut spans = vec![Span::raw(" ")];
    // The letters gathered so far: bytes start..end of the label, their style,
    // and whether more letters may join them.
    let mut run: Option<(usize, usize, Style, bool)> = None;
    for (i, (at, c)) in h.label.char_indices().enumerate() {
        let style = if h.positions.contains(&i) {
            theme.matched
        } else {
            theme.base
        };
        let alone = stands_alone(c);
        let end = at + c.len_utf8();
        match &mut run {
            Some((_, run_end, run_style, open)) if *open && alone && *run_style == style => {
                *run_end = end;
            }
            _ => {
                if let Some((s, e, st, _)) = run.take() {
                    spans.push(Span::styled(&h.label[s..e], st));
                }
                run = Some((at, end, style, alone));
            }
        }
    }
    if let Some((s, e, st, _)) = run {
        spans.push(Span::styled(&h.label[s..e], st));
    }
    if h.kind == Kind::Rome {
        spans.push(Span::styled(format!(" ({})", s::FICHE_COURTE), theme.muted));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::ThemeName;
    use ratatui::buffer::Buffer;
    use ratatui::widgets::Widget;

    /// The label drawn one span per letter, as before spans were grouped.
    fn letter_by_letter<'a>(h: &'a Hit, theme: &Palette) -> Line<'a> {
        let mut spans = vec![Span::raw(" ")];
        for (i, c) in h.label.chars().enumerate() {
            let style = if h.positions.contains(&i) {
                theme.matched
            } else {
                theme.base
            };
            spans.push(Span::styled(c.to_string(), style));
        }
        if h.kind == Kind::Rome {
            spans.push(Span::styled(format!(" ({})", s::FICHE_COURTE), theme.muted));
        }
        Line::from(spans)
    }

    #[test]
    fn grouped_letters_draw_the_same_cells() {
        let theme = Palette::new(ThemeName::Defaut);
        let labels = [
            "Électricien / Électricienne",
            "Cuisinier (cuisinière) : « chef » d’œuvre",
            "Cafe\u{301} e\u{301}crit a\u{300} part",
            "Soft\u{AD}hyphen, zero\u{200B}width, joiner a\u{200D}b",
            "日本語 et 🇫🇷 drapeau 👩\u{200D}🍳",
        ];
        for label in labels {
            for kind in [Kind::Metier, Kind::Rome] {
                let n = label.chars().count();
                let hit = Hit {
                    kind,
                    id: String::new(),
                    label: label.to_string(),
                    score: 0,
                    positions: (0..n).filter(|i| i % 3 != 1 && *i < n / 2).collect(),
                };
                for width in [5, 12, 40, 80] {
                    let area = Rect::new(0, 0, width, 1);
                    let draw = |line: Line<'_>| {
                        let mut buf = Buffer::empty(area);
                        line.render(area, &mut buf);
                        buf
                    };
                    assert_eq!(
                        draw(highlighted(&hit, &theme)),
                        draw(letter_by_letter(&hit, &theme)),
                        "{label:?} at width {width}"
                    );
                }
            }
        }
    }
}
