//! Questionnaire: one activity at a time, with a progress gauge.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::app::App;
use super::super::strings as s;
use super::super::theme::Theme;
use super::{block, style_if};
use crate::quiz::{Answer, Form};

pub fn view(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    form: Form,
    pos: usize,
    cursor: u8,
) {
    let items = app.quiz_items(form);
    let Some(item) = items.get(pos) else {
        frame.render_widget(Paragraph::new(s::QUIZ_VIDE), area);
        return;
    };
    let [progress, question, choices, _] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(5),
        Constraint::Length(8),
        Constraint::Min(0),
    ])
    .areas(area);
    let done = pos as f64 / items.len() as f64;
    frame.render_widget(
        Paragraph::new(progress_bar(done, progress.width.saturating_sub(2), theme)).block(block(
            &s::quiz_progression(pos + 1, items.len()),
            false,
            theme,
        )),
        progress,
    );
    let q = vec![
        Line::from(Span::styled(s::QUIZ_CONSIGNE, theme.muted)),
        Line::from(""),
        Line::from(Span::styled(item.texte.as_str(), theme.title)),
    ];
    frame.render_widget(
        Paragraph::new(q)
            .wrap(Wrap { trim: true })
            .block(block("", false, theme)),
        question,
    );
    let previous = app.session.answers.get(&item.id);
    let mut lines: Vec<Line<'_>> = Vec::new();
    let scale = &app.content.questionnaire.echelle;
    for e in scale {
        let selected = cursor == e.valeur;
        let chosen = previous == Some(Answer::Note(e.valeur));
        lines.push(choice_line(
            &e.valeur.to_string(),
            &e.libelle,
            selected,
            chosen,
            theme,
        ));
    }
    let selected = cursor >= 5;
    let chosen = previous == Some(Answer::NeSaitPas);
    lines.push(choice_line(
        "n",
        &app.content.questionnaire.ne_sait_pas,
        selected,
        chosen,
        theme,
    ));
    frame.render_widget(Paragraph::new(lines), choices);
    let row = choices.y + u16::from(cursor.min(5));
    if row < choices.bottom() {
        frame.set_cursor_position((choices.x + 2, row));
    }
}

fn choice_line<'a>(
    key: &str,
    label: &'a str,
    selected: bool,
    chosen: bool,
    theme: &Theme,
) -> Line<'a> {
    Line::from(vec![
        Span::raw(if selected { "  > " } else { "    " }),
        Span::styled(format!("{key} "), theme.key),
        Span::styled(format!(" {label} "), style_if(selected, theme.selected)),
        Span::styled(if chosen { "  (ta réponse)" } else { "" }, theme.muted),
    ])
}

/// A progress bar drawn with characters (visible in every theme, even without colour).
fn progress_bar(done: f64, width: u16, theme: &Theme) -> Line<'static> {
    let percent = format!(" {:>3} %", (done.clamp(0.0, 1.0) * 100.0).round());
    let room = usize::from(width).saturating_sub(percent.chars().count());
    let filled = ((done.clamp(0.0, 1.0) * room as f64).round() as usize).min(room);
    Line::from(vec![
        Span::styled(theme.glyphs.bar_full.repeat(filled), theme.gauge),
        Span::styled(theme.glyphs.bar_empty.repeat(room - filled), theme.muted),
        Span::raw(percent),
    ])
}
