//! Dialogs drawn over the screen: help, questionnaire choice, confirmations.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::super::app::{App, Overlay};
use super::super::keys::{self, Shown};
use super::super::strings as s;
use super::super::theme::Palette;
use super::super::widgets::{block, centered, style_if};

pub fn view(
    app: &App,
    theme: &Palette,
    frame: &mut Frame,
    area: Rect,
    overlay: Overlay,
    shown: &[Shown],
) {
    let (title, lines, width, height) = match overlay {
        Overlay::Help => {
            let mut lines = Vec::new();
            for (k, a) in keys::help(shown, app.kiosk) {
                lines.push(Line::from(vec![
                    Span::styled(format!("{:<16}", theme.glyphs.key(k)), theme.key),
                    Span::raw(a),
                ]));
            }
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(s::AIDE_FERMER, theme.muted)));
            let h = lines.len() as u16 + 2;
            (s::AIDE_TITRE, lines, 70, h)
        }
        Overlay::ChooseForm { rapide } => {
            let n_rapide = app.quiz_items(crate::quiz::Form::Rapide).len();
            let n_complet = app.quiz_items(crate::quiz::Form::Complet).len();
            let mut lines = vec![
                Line::from(vec![
                    Span::styled("r ", theme.key),
                    Span::styled(
                        format!(" {} ({n_rapide}) ", s::CHOIX_RAPIDE),
                        style_if(rapide, theme.selected),
                    ),
                ]),
                Line::from(vec![
                    Span::styled("c ", theme.key),
                    Span::styled(
                        format!(" {} ({n_complet}) ", s::CHOIX_COMPLET),
                        style_if(!rapide, theme.selected),
                    ),
                ]),
            ];
            // Retaking it says first that the profile will be replaced.
            let h = if app.saisie.profile.is_some() {
                lines.push(Line::from(Span::styled(
                    s::CHOIX_PROFIL_REMPLACE,
                    theme.warning,
                )));
                5
            } else {
                4
            };
            (s::CHOIX_FORME_TITRE, lines, 64, h)
        }
        Overlay::ConfirmQuit => (
            s::CONFIRM_TITRE,
            vec![
                Line::from(s::CONFIRM_QUITTER),
                Line::from(""),
                Line::from(Span::styled(s::CONFIRM_OUI_NON, theme.key)),
            ],
            60,
            5,
        ),
        Overlay::ConfirmExport => {
            let dir = app
                .storage
                .as_ref()
                .map(|st| st.export_dir.display().to_string())
                .unwrap_or_default();
            (
                s::EXPORT_TITRE,
                vec![
                    Line::from(s::EXPORT_QUESTION),
                    Line::from(Span::styled(dir, theme.title)),
                    Line::from(""),
                    Line::from(Span::styled(s::CONFIRM_OUI_NON, theme.key)),
                ],
                70,
                7,
            )
        }
        Overlay::ConfirmToutEffacer => (
            s::CONFIRM_TITRE,
            vec![
                Line::from(s::CONFIRM_TOUT_EFFACER),
                Line::from(""),
                Line::from(Span::styled(s::CONFIRM_OUI_NON, theme.key)),
            ],
            60,
            6,
        ),
        Overlay::ConfirmErase => (
            s::CONFIRM_TITRE,
            vec![
                Line::from(s::EFFACER_QUESTION),
                Line::from(""),
                Line::from(Span::styled(s::CONFIRM_OUI_NON, theme.key)),
            ],
            60,
            6,
        ),
        Overlay::ConfirmEnd => (
            s::CONFIRM_TITRE,
            vec![
                Line::from(s::CONFIRM_FIN),
                Line::from(""),
                Line::from(Span::styled(s::CONFIRM_OUI_NON, theme.key)),
            ],
            60,
            6,
        ),
    };
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(title, true, theme))
            .style(theme.base),
        rect,
    );
}

/// The kiosk idle warning, over everything else.
pub fn idle(theme: &Palette, frame: &mut Frame, area: Rect, secs: u16) {
    let rect = centered(area, 50, 6);
    frame.render_widget(Clear, rect);
    let lines = vec![
        Line::from(Span::styled(s::inactif(secs), theme.warning)),
        Line::from(""),
        Line::from(s::INACTIF_AIDE),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(s::INACTIF_TITRE, true, theme))
            .style(theme.base),
        rect,
    );
}
