//! L'apprentissage (rules and the pay simulator) and Parler à quelqu'un.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::super::app::App;
use super::super::strings as s;
use super::super::theme::Theme;
use super::super::wrap;
use super::{TextPane, field, heading, style_if, text};

pub fn apprentissage(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    texts: &mut wrap::Cache,
    area: Rect,
    field_sel: usize,
    scroll: u16,
) {
    for pane in apprentissage_panes(app, theme, area, field_sel, scroll) {
        text(frame, texts, pane, theme);
    }
}

/// The pay simulator, then the rules and questions.
pub fn apprentissage_panes<'a>(
    app: &'a App,
    theme: &Theme,
    area: Rect,
    field_sel: usize,
    scroll: u16,
) -> Vec<TextPane<'a>> {
    let a = &app.content.apprentissage;
    let [sim_area, rules_area] =
        Layout::vertical([Constraint::Length(7), Constraint::Min(3)]).areas(area);
    let age = app.session.age;
    let annee = app.session.annee;
    let value = |sel: bool, v: String| {
        Span::styled(
            format!("{} {v} {}", theme.glyphs.left, theme.glyphs.right),
            style_if(sel, theme.selected),
        )
    };
    let mut sim = vec![
        Line::from(vec![
            Span::raw(if field_sel == 0 { "> " } else { "  " }),
            Span::styled(format!("{:<18}", s::SIMULATEUR_AGE), theme.header),
            value(field_sel == 0, s::age(age)),
        ]),
        Line::from(vec![
            Span::raw(if field_sel == 1 { "> " } else { "  " }),
            Span::styled(format!("{:<18}", s::SIMULATEUR_ANNEE), theme.header),
            value(field_sel == 1, s::annee(annee)),
        ]),
        Line::from(""),
    ];
    match a.salaire_minimum(age, usize::from(annee)) {
        Some((taux, montant)) => sim.push(Line::from(Span::styled(
            s::salaire(taux, montant, &a.smic.date),
            theme.good,
        ))),
        None => sim.push(Line::from("—")),
    }
    let mut lines = Vec::new();
    if let Some(note) = &a.remuneration.note {
        lines.push(Line::from(Span::styled(note.as_str(), theme.muted)));
        lines.push(Line::from(""));
    }
    lines.push(heading(s::REGLES_TITRE, theme));
    for r in &a.regle {
        lines.push(Line::from(Span::styled(r.titre.as_str(), theme.title)));
        lines.push(Line::from(r.texte.as_str()));
        lines.push(Line::from(Span::styled(
            format!("({})", r.source),
            theme.muted,
        )));
    }
    if !a.question.is_empty() {
        lines.push(Line::from(""));
        lines.push(heading(s::QUESTIONS_TITRE, theme));
        for q in &a.question {
            lines.push(Line::from(Span::styled(q.question.as_str(), theme.title)));
            lines.push(Line::from(q.reponse.as_str()));
        }
    }
    vec![
        TextPane::new(sim_area, s::SIMULATEUR_TITRE, sim).focused(true),
        TextPane::new(rules_area, s::APPRENTISSAGE_TITRE, lines).scroll(scroll),
    ]
}

pub fn contacts(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    texts: &mut wrap::Cache,
    area: Rect,
    scroll: u16,
) {
    for pane in contacts_panes(app, theme, area, scroll) {
        text(frame, texts, pane, theme);
    }
}

pub fn contacts_panes<'a>(
    app: &'a App,
    theme: &Theme,
    area: Rect,
    scroll: u16,
) -> Vec<TextPane<'a>> {
    let mut lines = vec![
        Line::from(Span::styled(s::CONTACTS_INTRO, theme.muted)),
        Line::from(""),
    ];
    for c in &app.content.contacts {
        lines.push(Line::from(Span::styled(c.nom.as_str(), theme.title)));
        lines.push(Line::from(c.offre.as_str()));
        lines.push(field(s::CONTACT_POUR, c.public.clone(), theme));
        if let Some(t) = &c.telephone {
            lines.push(field(s::CONTACT_TEL, t.clone(), theme));
        }
        if let Some(w) = &c.web {
            lines.push(field(s::CONTACT_WEB, w.clone(), theme));
        }
        lines.push(Line::from(""));
    }
    vec![
        TextPane::new(area, s::CONTACTS_TITRE, lines)
            .focused(true)
            .scroll(scroll),
    ]
}
