//! Colours and text styles. Colour is never the only signal: selection is also
//! reversed, matches are also underlined, headers are also bold.

use ratatui::style::{Color, Modifier, Style};

/// Which palette to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// 16 ANSI colours, so the terminal's own palette applies.
    #[default]
    Defaut,
    /// Strong contrast, for projectors.
    Contraste,
    /// No colour at all (chosen when NO_COLOR is set).
    Mono,
}

/// The styles the views use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub name: ThemeName,
    pub base: Style,
    pub title: Style,
    pub muted: Style,
    pub selected: Style,
    pub focus_border: Style,
    pub border: Style,
    pub header: Style,
    pub matched: Style,
    pub key: Style,
    pub gauge: Style,
    pub warning: Style,
    pub good: Style,
}

impl Theme {
    pub fn new(name: ThemeName) -> Self {
        let bold = Modifier::BOLD;
        match name {
            ThemeName::Defaut => Self {
                name,
                base: Style::default(),
                title: Style::default().fg(Color::Cyan).add_modifier(bold),
                muted: Style::default().fg(Color::DarkGray),
                selected: Style::default()
                    .fg(Color::Black)
                    .bg(Color::Cyan)
                    .add_modifier(Modifier::REVERSED | bold),
                focus_border: Style::default().fg(Color::Cyan),
                border: Style::default().fg(Color::Gray),
                header: Style::default().fg(Color::Yellow).add_modifier(bold),
                matched: Style::default()
                    .fg(Color::Yellow)
                    .add_modifier(bold | Modifier::UNDERLINED),
                key: Style::default().fg(Color::Cyan).add_modifier(bold),
                gauge: Style::default().fg(Color::Green),
                warning: Style::default().fg(Color::Yellow).add_modifier(bold),
                good: Style::default().fg(Color::Green).add_modifier(bold),
            },
            ThemeName::Contraste => Self {
                name,
                base: Style::default().fg(Color::White).bg(Color::Black),
                title: Style::default()
                    .fg(Color::LightYellow)
                    .bg(Color::Black)
                    .add_modifier(bold),
                muted: Style::default().fg(Color::White).bg(Color::Black),
                selected: Style::default()
                    .fg(Color::Black)
                    .bg(Color::LightYellow)
                    .add_modifier(bold),
                focus_border: Style::default().fg(Color::LightYellow).add_modifier(bold),
                border: Style::default().fg(Color::White),
                header: Style::default()
                    .fg(Color::LightCyan)
                    .add_modifier(bold | Modifier::UNDERLINED),
                matched: Style::default()
                    .fg(Color::LightYellow)
                    .add_modifier(bold | Modifier::UNDERLINED),
                key: Style::default().fg(Color::LightYellow).add_modifier(bold),
                gauge: Style::default().fg(Color::LightGreen),
                warning: Style::default().fg(Color::LightYellow).add_modifier(bold),
                good: Style::default().fg(Color::LightGreen).add_modifier(bold),
            },
            ThemeName::Mono => Self {
                name,
                base: Style::default(),
                title: Style::default().add_modifier(bold),
                muted: Style::default(),
                selected: Style::default().add_modifier(Modifier::REVERSED | bold),
                focus_border: Style::default().add_modifier(bold),
                border: Style::default(),
                header: Style::default().add_modifier(bold | Modifier::UNDERLINED),
                matched: Style::default().add_modifier(Modifier::UNDERLINED | bold),
                key: Style::default().add_modifier(bold),
                gauge: Style::default().add_modifier(bold),
                warning: Style::default().add_modifier(bold),
                good: Style::default().add_modifier(bold),
            },
        }
    }
}
