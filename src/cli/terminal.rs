//! The terminal side of the guide: set up the terminal, read events, draw
//! after each one, restore the terminal on every exit. Nothing is drawn and
//! no timer runs without an event, so an idle session uses no CPU; in kiosk
//! mode the only wake-up is the idle deadline.

use std::io;
use std::time::{Duration, Instant};

use boussole::content::Content;
use boussole::tui::{self, App, Msg, Theme, ThemeName};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use super::guard;

/// Seconds of warning before an idle session is wiped.
pub const IDLE_WARNING: Duration = Duration::from_secs(30);

/// Options of the terminal guide.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub theme: ThemeName,
    pub mouse: bool,
    pub kiosk: bool,
    /// Wipe (or end, with `idle_exit`) after this long without a key.
    pub idle: Option<Duration>,
    pub idle_exit: bool,
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
    guard::install()?;
    if opts.theme == ThemeName::Mono {
        // With NO_COLOR, crossterm would also drop the reset that keeps
        // reverse/bold visible: write the modifiers ourselves.
        ratatui::crossterm::style::force_color_output(true);
    }
    let mut terminal = ratatui::init();
    // ratatui's panic hook restores raw mode and the screen; also undo the mouse.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        guard::restore_quietly();
        hook(info);
    }));
    if opts.mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    let app = if opts.kiosk {
        App::kiosk(content)
    } else {
        App::new(content)
    };
    let result = event_loop(&mut terminal, app, &Theme::new(opts.theme), &opts);
    if opts.mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    match result {
        Ok(()) => {
            ratatui::restore();
            Ok(())
        }
        // The terminal is gone (or broken): leave at once, print nothing.
        Err(_) => guard::exit_now(guard::EXIT_HANGUP),
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    mut app: App,
    theme: &Theme,
    opts: &Options,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    terminal.draw(|f| tui::view(&app, theme, f))?;
    let mut last_key = Instant::now();
    loop {
        let msg = match next_wake(last_key, opts) {
            // No idle timeout: block until something happens.
            None => tui::from_event(&event::read()?),
            Some(wake) => {
                let wait = wake.saturating_duration_since(Instant::now());
                if event::poll(wait)? {
                    tui::from_event(&event::read()?)
                } else {
                    match idle_message(last_key, opts) {
                        Some(Msg::IdleExpired) if opts.idle_exit => return Ok(()),
                        Some(Msg::IdleExpired) => {
                            last_key = Instant::now();
                            Some(Msg::IdleExpired)
                        }
                        other => other,
                    }
                }
            }
        };
        let Some(msg) = msg else { continue };
        if !matches!(
            msg,
            Msg::IdleWarning(_) | Msg::IdleExpired | Msg::Resize(..)
        ) {
            last_key = Instant::now();
        }
        tui::update(&mut app, msg);
        if app.quit {
            return Ok(());
        }
        terminal.draw(|f| tui::view(&app, theme, f))?;
    }
}

/// When the loop must wake up by itself: the start of the warning, then each
/// second of the countdown, then the deadline.
fn next_wake(last_key: Instant, opts: &Options) -> Option<Instant> {
    let idle = opts.idle?;
    let deadline = last_key + idle;
    let warn_from = deadline.checked_sub(IDLE_WARNING).unwrap_or(last_key);
    let now = Instant::now();
    if now < warn_from {
        return Some(warn_from);
    }
    // During the countdown: once a second, and at the deadline.
    Some(
        now + deadline
            .saturating_duration_since(now)
            .min(Duration::from_secs(1)),
    )
}

/// What the idle clock says now, if anything.
fn idle_message(last_key: Instant, opts: &Options) -> Option<Msg> {
    let idle = opts.idle?;
    let deadline = last_key + idle;
    let now = Instant::now();
    if now >= deadline {
        return Some(Msg::IdleExpired);
    }
    let left = deadline - now;
    if left <= IDLE_WARNING {
        let secs = left.as_secs_f64().ceil() as u16;
        return Some(Msg::IdleWarning(secs));
    }
    None
}
