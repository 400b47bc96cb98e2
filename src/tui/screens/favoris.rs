//! Mes favoris: the métiers the person marked, each with why it fits (once
//! the questionnaire is done); open a fiche, take one out, compare, export.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Nav, ScreenState, step};
use crate::tui::keys::{self, Entry, Global, Keys, hidden, key};
use crate::tui::model::Model;
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{TextPane, text};
use crate::tui::wrap;

/// Lines each favourite takes: its title, its summary line, a blank line.
const LIGNES: usize = 3;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Favoris {
    pub sel: usize,
}

#[derive(Debug, Clone, Copy)]
pub enum Action {
    Choisir,
    Ouvrir,
    Retirer,
    Comparer,
    Comparaison,
    Exporter,
    Retour,
}

const KEYS: &[Entry<Action>] = &[
    key(
        Keys::Any(&[Msg::Enter]),
        s::TOUCHE_ENTREE,
        s::ACTION_FICHE,
        Action::Ouvrir,
    ),
    key(
        Keys::Any(&[Msg::Char('f'), Msg::Char('x')]),
        s::TOUCHE_F,
        s::ACTION_RETIRER_FAVORI,
        Action::Retirer,
    ),
    key(
        Keys::Any(&[Msg::Char('c')]),
        s::TOUCHE_C,
        s::ACTION_COMPARER,
        Action::Comparer,
    ),
    key(
        Keys::Any(&[Msg::Char('v')]),
        s::TOUCHE_V,
        s::ACTION_COMPARAISON,
        Action::Comparaison,
    ),
    keys::exporter(Action::Exporter, true),
    key(
        Keys::Any(&[Msg::Back]),
        s::TOUCHE_ECHAP,
        s::ACTION_RETOUR,
        Action::Retour,
    ),
    Entry::Global(Global::Aide),
    hidden(Keys::Any(super::MOVES), Action::Choisir),
];

impl ScreenState for Favoris {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::FAVORIS_TITRE
    }

    fn keys(&self) -> &'static [Entry<Action>] {
        KEYS
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Nav {
        let len = model.saisie.favoris.len();
        let id = model.saisie.favoris.get(self.sel.min(len.saturating_sub(1))).cloned();
        match keys::action(KEYS, msg) {
            Some(Action::Retour) => return Nav::Back,
            Some(Action::Choisir) => self.sel = step(self.sel, len, msg),
            Some(Action::Ouvrir) => {
                if let Some(id) = id {
                    return super::fiche_metier::open(id);
                }
            }
            Some(Action::Retirer) => {
                if let Some(id) = id {
                    model.toggle_favori(&id);
                    self.sel = self.sel.min(model.saisie.favoris.len().saturating_sub(1));
                }
            }
            Some(Action::Comparer) => {
                if let Some(id) = id {
                    model.toggle_compare(&id);
                }
            }
            Some(Action::Comparaison) => {
                return Nav::Open(super::Comparer::default().into());
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
        let c = &model.content;
        let favoris: Vec<_> = model
            .saisie
            .favoris
            .iter()
            .filter_map(|id| c.metier(id))
            .collect();
        let sel = self.sel.min(favoris.len().saturating_sub(1));
        // Room for the detail line inside the borders, after its indent.
        let width = usize::from(area.width.saturating_sub(4));
        let mut lines = vec![
            Line::from(Span::styled(s::FAVORIS_AIDE, theme.muted)),
            Line::from(""),
        ];
        if favoris.is_empty() {
            lines.push(Line::from(s::FAVORIS_VIDE));
        }
        for (i, m) in favoris.iter().enumerate() {
            let (marker, style) = if i == sel {
                ("> ", theme.selected)
            } else {
                ("  ", theme.title)
            };
            let compare = if model.saisie.comparaison.contains(&m.id) {
                s::FAVORIS_COMPARE
            } else {
                ""
            };
            // One row a title too, so that scrolling by whole entries holds.
            let room = usize::from(area.width.saturating_sub(4))
                .saturating_sub(unicode_width::UnicodeWidthStr::width(compare));
            lines.push(Line::from(vec![
                Span::raw(marker),
                Span::styled(one_line(&m.titre.both(), room), style),
                Span::styled(compare, theme.key),
            ]));
            let detail = match model.ranked_of(&m.id) {
                Some(r) => format!(
                    "{}{}{}",
                    crate::present::bucket(r.bucket),
                    theme.glyphs.sep,
                    crate::present::raisons(c, &r.reasons)
                ),
                None => m.resume.clone(),
            };
            lines.push(Line::from(format!("  {}", one_line(&detail, width))));
            lines.push(Line::from(""));
        }
        // Keep the selected favourite in view: scroll by whole entries.
        let visible = usize::from(area.height.saturating_sub(2));
        let bottom = 2 + (sel + 1) * LIGNES;
        let scroll = u16::try_from(bottom.saturating_sub(visible)).unwrap_or(u16::MAX);
        let title = format!("{} ({})", s::FAVORIS_TITRE, favoris.len());
        let pane = TextPane::new(area, title, lines).focused(true).scroll(scroll);
        text(frame, texts, pane, theme);
    }
}

/// `text` cut to `width` columns, with "…" when cut: one entry, one line.
fn one_line(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if unicode_width::UnicodeWidthStr::width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(ch);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn a_long_detail_is_cut_to_the_width() {
        assert_eq!(one_line("court", 10), "court");
        assert_eq!(one_line("électricité", 6), "élect…");
        assert_eq!(one_line("métier", 0), "…");
    }
}
