//! Accueil: what Boussole is, the person's situation, the menu.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::app::{App, MenuEntry};
use super::super::strings as s;
use super::super::theme::Theme;
use super::style_if;

pub fn label(e: MenuEntry) -> &'static str {
    match e {
        MenuEntry::Quiz => s::MENU_QUIZ,
        MenuEntry::Explorer => s::MENU_EXPLORER,
        MenuEntry::Recherche => s::MENU_RECHERCHE,
        MenuEntry::Apprentissage => s::MENU_APPRENTISSAGE,
        MenuEntry::Contacts => s::MENU_CONTACTS,
        MenuEntry::Resultats => s::MENU_RESULTATS,
        MenuEntry::Enregistrer => s::MENU_ENREGISTRER,
        MenuEntry::Effacer => s::MENU_EFFACER,
    }
}

pub fn view(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, sel: usize) {
    let situation = app
        .content
        .situations
        .get(app.session.situation)
        .map_or("", |s| s.libelle.as_str());
    let mut lines = vec![
        Line::from(""),
        Line::from(Span::styled(format!("  {}", s::ACCUEIL_INTRO), theme.title)),
        Line::from(""),
        Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{} : ", s::ACCUEIL_SITUATION), theme.header),
            Span::styled(
                format!("{} {situation} {}", theme.glyphs.left, theme.glyphs.right),
                style_if(sel == 0, theme.selected),
            ),
            Span::styled(
                format!(
                    "  ({} {})",
                    theme.glyphs.key("← →"),
                    s::ACCUEIL_SITUATION_AIDE
                ),
                theme.muted,
            ),
        ]),
        Line::from(""),
    ];
    for (i, e) in app.menu().into_iter().enumerate() {
        let selected = sel == i + 1;
        let marker = if selected { "> " } else { "  " };
        lines.push(Line::from(vec![
            Span::raw(marker),
            Span::styled(format!("{} ", i + 1), theme.key),
            Span::styled(
                format!(" {} ", label(e)),
                style_if(selected, theme.selected),
            ),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!("  {}", s::ACCUEIL_REGION),
        theme.muted,
    )));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
    // Keep the real cursor on the focused row, for screen magnifiers and readers.
    let row = if sel == 0 {
        area.y + 3
    } else {
        area.y + 5 + sel as u16 - 1
    };
    if row < area.bottom() {
        frame.set_cursor_position((area.x + 2, row));
    }
}
