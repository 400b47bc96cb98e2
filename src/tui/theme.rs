//! Colours and text styles. Colour is never the only signal: selection is also
//! reversed, matches are also underlined, headers are also bold.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::{border, scrollbar};

use super::strings as s;

/// The drawing characters: Unicode, or plain ASCII for old terminals and
/// non-UTF-8 locales (`--ascii`).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyphs {
    pub ascii: bool,
    pub left: &'static str,
    pub right: &'static str,
    pub sep: &'static str,
    pub tab_divider: &'static str,
    pub vline: &'static str,
    pub down: &'static str,
    pub box_top_left: &'static str,
    pub box_top_right: &'static str,
    pub box_bottom_left: &'static str,
    pub box_bottom_right: &'static str,
    pub box_h: &'static str,
    pub box_v: &'static str,
    pub bar_full: &'static str,
    pub bar_empty: &'static str,
    pub border: border::Set<'static>,
    pub border_focus: border::Set<'static>,
    pub scrollbar: scrollbar::Set<'static>,
}

/// ASCII borders: ratatui has no such set, so here it is.
pub const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// ASCII borders for the focused pane.
pub const ASCII_BORDER_FOCUS: border::Set<'static> = border::Set {
    top_left: "#",
    top_right: "#",
    bottom_left: "#",
    bottom_right: "#",
    vertical_left: "#",
    vertical_right: "#",
    horizontal_top: "=",
    horizontal_bottom: "=",
};

pub const UNICODE: Glyphs = Glyphs {
    ascii: false,
    left: "◀",
    right: "▶",
    sep: " · ",
    tab_divider: " │ ",
    vline: "│",
    down: "▼",
    box_top_left: "┌",
    box_top_right: "┐",
    box_bottom_left: "└",
    box_bottom_right: "┘",
    box_h: "─",
    box_v: "│",
    bar_full: "█",
    bar_empty: "░",
    border: border::PLAIN,
    border_focus: border::THICK,
    scrollbar: scrollbar::VERTICAL,
};

pub const ASCII: Glyphs = Glyphs {
    ascii: true,
    left: "<",
    right: ">",
    sep: " - ",
    tab_divider: " | ",
    vline: "|",
    down: "v",
    box_top_left: "+",
    box_top_right: "+",
    box_bottom_left: "+",
    box_bottom_right: "+",
    box_h: "-",
    box_v: "|",
    bar_full: "#",
    bar_empty: ".",
    border: ASCII_BORDER,
    border_focus: ASCII_BORDER_FOCUS,
    scrollbar: scrollbar::Set {
        track: "|",
        thumb: "#",
        begin: "^",
        end: "v",
    },
};

impl Glyphs {
    /// A key name as shown in the bars: arrows become words in ASCII.
    pub fn key(&self, k: &'static str) -> &'static str {
        if !self.ascii {
            return k;
        }
        match k {
            s::TOUCHE_HAUT_BAS | "↑ ↓" => s::TOUCHE_ASCII_HAUT_BAS,
            s::TOUCHE_GAUCHE_DROITE => s::TOUCHE_ASCII_GAUCHE_DROITE,
            s::TOUCHE_GAUCHE => s::TOUCHE_ASCII_GAUCHE,
            "→" => s::TOUCHE_ASCII_DROITE,
            other => other,
        }
    }
}

/// The colour theme: `--theme` on the command line and `theme` in the
/// configuration file ("defaut", "contraste", "mono"). `Defaut` uses 16 ANSI
/// colours, so the terminal's own palette applies; `Contraste` is for
/// projectors; `Mono` has no colour at all (chosen when NO_COLOR is set).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    #[default]
    Defaut,
    Contraste,
    Mono,
}

/// The styles the views use.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
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
    pub glyphs: Glyphs,
}

impl Palette {
    /// The same theme drawn with ASCII characters only.
    pub fn ascii(self) -> Self {
        Self {
            glyphs: ASCII,
            ..self
        }
    }

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
                glyphs: UNICODE,
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
                glyphs: UNICODE,
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
                glyphs: UNICODE,
            },
        }
    }
}
