//! The terminal side of the guide: set up the terminal, read events, draw
//! after each one, restore the terminal on every exit. Nothing is drawn
//! without an event, so an idle session uses no CPU.

use std::io::{self, Write};

use boussole::content::Content;
use boussole::tui::{self, App, Theme, ThemeName};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

/// Options of the terminal guide.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub theme: ThemeName,
    pub mouse: bool,
}

/// Picks the theme: NO_COLOR (set to anything non-empty) forces `mono`.
pub fn theme_from_env(asked: Option<ThemeName>) -> ThemeName {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if no_color {
        ThemeName::Mono
    } else {
        asked.unwrap_or_default()
    }
}

pub fn run(content: Content, opts: Options) -> io::Result<()> {
    if opts.theme == ThemeName::Mono {
        // With NO_COLOR, crossterm would also drop the reset that keeps
        // reverse/bold visible: write the modifiers ourselves.
        ratatui::crossterm::style::force_color_output(true);
    }
    let mut terminal = ratatui::init();
    if opts.mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    let result = event_loop(&mut terminal, App::new(content), &Theme::new(opts.theme));
    if opts.mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    let _ = io::stdout().flush();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, mut app: App, theme: &Theme) -> io::Result<()> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    terminal.draw(|f| tui::view(&app, theme, f))?;
    loop {
        // Blocks until something happens: no timer, no polling.
        let event = event::read()?;
        let Some(msg) = tui::from_event(&event) else {
            continue;
        };
        tui::update(&mut app, msg);
        if app.quit {
            return Ok(());
        }
        terminal.draw(|f| tui::view(&app, theme, f))?;
    }
}
