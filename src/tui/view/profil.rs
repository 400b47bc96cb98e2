//! Mon profil: six bars, the code explained, the flat-profile message.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::app::App;
use super::super::strings as s;
use super::super::theme::Theme;
use super::super::wrap;
use super::{TextPane, text};
use crate::content::Theme as RiasecTheme;

/// Width of a full bar, in cells.
const BAR: usize = 20;

pub fn view(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    texts: &mut wrap::Cache,
    area: Rect,
    scroll: u16,
) {
    for pane in panes(app, theme, area, scroll) {
        text(frame, texts, pane, theme);
    }
}

pub fn panes<'a>(app: &'a App, theme: &Theme, area: Rect, scroll: u16) -> Vec<TextPane<'a>> {
    let Some(p) = app.session.profile else {
        return Vec::new();
    };
    let q = &app.content.questionnaire;
    let mut lines = vec![
        Line::from(Span::styled(s::PROFIL_SUITE, theme.key)),
        Line::from(Span::styled(s::PROFIL_EXPLORATION, theme.muted)),
        Line::from(""),
    ];
    for t in RiasecTheme::ALL {
        let name = q.theme_info(t).map_or("", |i| i.nom.as_str());
        let mut spans = vec![
            Span::styled(format!(" {} ", t.letter()), theme.key),
            Span::raw(format!("{name:<28}")),
        ];
        match p.score(t) {
            Some(score) => {
                let filled = ((score / 100.0) * BAR as f64).round() as usize;
                spans.push(Span::styled(
                    theme.glyphs.bar_full.repeat(filled),
                    theme.gauge,
                ));
                spans.push(Span::styled(
                    theme.glyphs.bar_empty.repeat(BAR - filled.min(BAR)),
                    theme.muted,
                ));
                spans.push(Span::raw(format!(" {:>3}", score.round())));
            }
            None => spans.push(Span::styled(s::PROFIL_INCONNU, theme.muted)),
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(""));
    if p.is_flat() {
        lines.push(Line::from(Span::styled(s::PROFIL_PLAT, theme.warning)));
        lines.push(Line::from(s::PROFIL_PLAT_SUITE));
        lines.push(Line::from(""));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{} : ", s::PROFIL_CODE), theme.header),
        Span::styled(p.code_letters(), theme.title),
    ]));
    for t in p.code() {
        if let Some(info) = q.theme_info(t) {
            lines.push(Line::from(vec![
                Span::styled(format!(" {} ", t.letter()), theme.key),
                Span::raw(format!("{} : {}", info.nom, info.explication)),
            ]));
        }
    }
    vec![
        TextPane::new(area, s::PROFIL_TITRE, lines)
            .focused(true)
            .scroll(scroll),
    ]
}
