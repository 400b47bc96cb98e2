//! Financer ma formation: who pays for a training, and how to start (adults).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::contacts::{Action, KEYS, update_text};
use super::{Nav, ScreenState};
use crate::tui::keys::Entry;
use crate::tui::model::Model;
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::{TextPane, field, text};
use crate::tui::wrap;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Financement {
    pub scroll: u16,
}

impl ScreenState for Financement {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::FINANCEMENT_TITRE
    }

    fn keys(&self) -> &'static [Entry<Action>] {
        KEYS
    }

    fn update(&mut self, _model: &mut Model, msg: Msg) -> Nav {
        update_text(&mut self.scroll, msg)
    }

    fn view(
        &self,
        model: &Model,
        theme: &Palette,
        frame: &mut Frame,
        texts: &mut wrap::Cache,
        area: Rect,
    ) {
        for pane in panes(model, theme, area, self.scroll) {
            text(frame, texts, pane, theme);
        }
    }
}

fn panes<'a>(
    model: &'a Model,
    theme: &Palette,
    area: Rect,
    scroll: u16,
) -> Vec<TextPane<'a>> {
    let mut lines = vec![
        Line::from(Span::styled(s::FINANCEMENT_INTRO, theme.muted)),
        Line::from(""),
    ];
    if model.content.financement.is_empty() {
        lines.push(Line::from(s::FINANCEMENT_VIDE));
    }
    for d in &model.content.financement {
        lines.push(Line::from(Span::styled(d.nom.as_str(), theme.title)));
        lines.push(field(s::FINANCEMENT_POUR_QUI, d.pour_qui.clone(), theme));
        lines.push(field(s::FINANCEMENT_QUOI, d.ce_que_c_est.clone(), theme));
        lines.push(field(
            s::FINANCEMENT_COMMENCER,
            d.comment_commencer.clone(),
            theme,
        ));
        if let Some(t) = &d.telephone {
            lines.push(field(s::CONTACT_TEL, t.clone(), theme));
        }
        if let Some(w) = &d.web {
            lines.push(field(s::CONTACT_WEB, w.clone(), theme));
        }
        lines.push(Line::from(Span::styled(
            format!(
                "{} : {} ({})",
                s::FINANCEMENT_SOURCE,
                d.source,
                crate::present::mois_fr(&d.date)
            ),
            theme.muted,
        )));
        lines.push(Line::from(""));
    }
    vec![
        TextPane::new(area, s::FINANCEMENT_TITRE, lines)
            .focused(true)
            .scroll(scroll),
    ]
}
