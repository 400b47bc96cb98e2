//! The terminal side of the guide: set up the terminal, read events, draw
//! after each one, restore the terminal on every exit. Nothing is drawn and
//! no timer runs without an event, so an idle session uses no CPU; in kiosk
//! mode the only wake-up is the idle deadline.

use std::io;
use std::time::{Duration, Instant};

use boussole::content::Content;
use boussole::search::Index;
use boussole::session::{Opened, Store};
use boussole::tui::app::{Effect, Storage, effect_done};
use boussole::tui::{self, App, Msg, Theme, ThemeName};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use super::guard;

/// Seconds of warning before an idle session is wiped.
pub const IDLE_WARNING: Duration = Duration::from_secs(30);

/// Options of the terminal guide.
#[derive(Debug, Clone)]
pub struct Options {
    pub theme: ThemeName,
    pub mouse: bool,
    pub kiosk: bool,
    /// Wipe (or end, with `idle_exit`) after this long without a key.
    pub idle: Option<Duration>,
    pub idle_exit: bool,
    /// Situation id to start with.
    pub situation: Option<String>,
    /// Draw with ASCII characters only.
    pub ascii: bool,
}

/// Whether the locale says UTF-8 (LC_ALL, then LC_CTYPE, then LANG, as the C
/// library reads them). Without one, the terminal is assumed to be ASCII.
pub fn locale_is_utf8() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}

/// Where a (non-kiosk) session may write: documents and data directories.
pub fn storage() -> Option<Storage> {
    let project = directories::ProjectDirs::from("fr", "Normandie", "Boussole")?;
    let user = directories::UserDirs::new()?;
    let export_dir = user.document_dir().map_or_else(
        || user.home_dir().to_path_buf(),
        std::path::Path::to_path_buf,
    );
    Some(Storage {
        export_dir,
        data_dir: project.data_dir().to_path_buf(),
    })
}

/// Today's local date as YYYY-MM-DD, and a stamp for file names.
pub fn today() -> (String, String) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let t = libc::time_t::try_from(now).unwrap_or(0);
    // SAFETY: localtime_r writes into the zeroed struct we own.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let ok = unsafe { !libc::localtime_r(&t, &mut tm).is_null() };
    if !ok {
        return ("1970-01-01".into(), "19700101-000000".into());
    }
    let date = format!(
        "{:04}-{:02}-{:02}",
        tm.tm_year + 1900,
        tm.tm_mon + 1,
        tm.tm_mday
    );
    let stamp = format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}",
        tm.tm_year + 1900,
        tm.tm_mon + 1,
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec
    );
    (date, stamp)
}

/// Performs a write that `update` asked for, and says what happened.
fn perform(app: &App, effect: &Effect) -> Result<String, String> {
    let Some(storage) = &app.storage else {
        return Err(boussole::tui::strings::MSG_RIEN_ECRIT.to_string());
    };
    let (date, _) = today();
    match effect {
        Effect::Export(dir) => {
            let saved = app.saved();
            let md = boussole::export::markdown(&app.content, &saved, &date);
            let html = boussole::export::html(&app.content, &saved, &date);
            let name = format!("boussole-resume-{date}");
            let write = |ext: &str, text: &str| {
                boussole::files::write_atomic(dir, &format!("{name}.{ext}"), text.as_bytes())
            };
            match write("md", &md).and_then(|_| write("html", &html)) {
                Ok(path) => Ok(boussole::tui::strings::export_fait(
                    &path.with_extension("").display().to_string(),
                )),
                Err(e) => Err(boussole::tui::strings::echec(&e.to_string())),
            }
        }
        Effect::Save => match Store::new(&storage.data_dir).save(&app.saved()) {
            Ok(path) => Ok(boussole::tui::strings::enregistre(
                &path.display().to_string(),
            )),
            Err(e) => Err(boussole::tui::strings::echec(&e.to_string())),
        },
        Effect::Erase => match Store::new(&storage.data_dir).erase() {
            Ok(_) => Ok(boussole::tui::strings::MSG_EFFACE.to_string()),
            Err(e) => Err(boussole::tui::strings::echec(&format!(
                "{} : {}",
                storage.data_dir.display(),
                boussole::text::io_error_fr(&e)
            ))),
        },
    }
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

/// The model for this session: kiosk or not, the chosen situation, and a
/// saved session if the person saved one earlier.
fn prepare_app(content: Content, opts: &Options, index: Option<Index>) -> App {
    let mut app = App::with_index(content, index);
    app.kiosk = opts.kiosk;
    if let Some(id) = &opts.situation
        && let Some(i) = app.content.situations.iter().position(|s| &s.id == id)
    {
        app.session.situation = i;
    }
    if opts.kiosk {
        return app;
    }
    // Saving is opt-in: a session is read only if the person saved one.
    app.storage = storage();
    if let Some(st) = &app.storage {
        let (_, stamp) = today();
        match Store::new(&st.data_dir).open(&stamp) {
            Ok(Opened::Loaded(saved)) => {
                app.restore(&saved);
                app.flash = Some(boussole::tui::strings::MSG_REPRIS.to_string());
            }
            Ok(Opened::MovedAside { error, moved_to }) => {
                use boussole::tui::strings as s;
                let why = match error {
                    boussole::session::LoadError::Newer { .. } => s::ENREGISTREMENT_RECENT,
                    _ => s::ENREGISTREMENT_ABIME,
                };
                let name = moved_to
                    .file_name()
                    .map_or(String::new(), |n| n.to_string_lossy().into_owned());
                app.flash = Some(s::mis_de_cote(why, &name));
            }
            Ok(Opened::Empty) | Err(_) => {}
        }
    }
    app
}

/// Runs the guide; `index` is the compiled search index of the bundled
/// content (built from `content` when absent).
pub fn run(content: Content, opts: Options, index: Option<Index>) -> io::Result<()> {
    let app = prepare_app(content, &opts, index);
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
    let theme = if opts.ascii {
        Theme::new(opts.theme).ascii()
    } else {
        Theme::new(opts.theme)
    };
    let result = event_loop(&mut terminal, app, &theme, &opts);
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
    // While the person reads the first screen: the work of the first search.
    app.index.prepare();
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
        if let Some(effect) = app.effect.clone() {
            let outcome = perform(&app, &effect);
            effect_done(&mut app, outcome);
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
