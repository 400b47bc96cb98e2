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
use boussole::tui::{self, App, Msg, Palette, ThemeName};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

use super::clamp::{self, Clamped};
use super::guard;

/// The terminal Boussole draws on: the window, within the size bound.
type Screen = Terminal<Clamped<CrosstermBackend<io::Stdout>>>;

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
    /// The person's département (code) to start with.
    pub departement: Option<String>,
    /// The person's age, if given.
    pub age: Option<u8>,
    /// Where exports go, when not the Documents folder.
    pub export_dir: Option<std::path::PathBuf>,
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
/// `export_dir`, when given, replaces the Documents folder.
pub fn storage(export_dir: Option<std::path::PathBuf>) -> Option<Storage> {
    let project = directories::ProjectDirs::from("fr", "Normandie", "Boussole")?;
    let user = directories::UserDirs::new()?;
    let export_dir = export_dir.unwrap_or_else(|| {
        user.document_dir().map_or_else(
            || user.home_dir().to_path_buf(),
            std::path::Path::to_path_buf,
        )
    });
    Some(Storage {
        export_dir,
        data_dir: project.data_dir().to_path_buf(),
    })
}

/// Today's local date as YYYY-MM-DD, and a stamp for file names. The time
/// zone is the system's (TZ, then /etc/localtime); UTC when none is found.
pub fn today() -> (String, String) {
    let now = jiff::ZonedDateTime::now();
    (
        now.strftime("%Y-%m-%d").to_string(),
        now.strftime("%Y%m%d-%H%M%S").to_string(),
    )
}

/// Writes the summary (Markdown and HTML) in `dir` under a name no earlier
/// export has, and says where (or why not), for the guide and plain mode.
pub fn export_summary(
    dir: &std::path::Path,
    content: &boussole::content::Content,
    saved: &boussole::session::Saved,
    date: &str,
) -> Result<String, String> {
    let md = boussole::export::markdown(content, saved, date);
    let html = boussole::export::html(content, saved, date);
    let name = boussole::files::free_stem(dir, &format!("boussole-resume-{date}"), &["md", "html"]);
    let write = |ext: &str, text: &str| {
        boussole::files::write_atomic(dir, &format!("{name}.{ext}"), text.as_bytes())
    };
    match write("md", &md).and_then(|_| write("html", &html)) {
        Ok(path) => Ok(boussole::tui::strings::export_fait(&path)),
        Err(e) => Err(boussole::tui::strings::echec(&e.to_string())),
    }
}

/// Performs a write that `update` asked for, and says what happened.
fn perform(app: &App, effect: &Effect) -> Result<String, String> {
    let Some(storage) = &app.storage else {
        return Err(boussole::tui::strings::MSG_RIEN_ECRIT.to_string());
    };
    let (date, _) = today();
    match effect {
        Effect::Export(dir) => export_summary(dir, &app.content, &app.saved(), &date),
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
        app.saisie.situation = i;
    }
    if opts.departement.is_some() {
        app.set_departement(opts.departement.clone());
    }
    if let Some(age) = opts.age {
        app.saisie.age_donne = Some(age);
        app.saisie.age = age;
    }
    app.annee_courante = today().0.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    if opts.kiosk {
        return app;
    }
    // Saving is opt-in: a session is read only if the person saved one.
    app.storage = storage(opts.export_dir.clone());
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
    // Before the watchdog starts watching stdin.
    reopen_input();
    guard::install()?;
    if opts.theme == ThemeName::Mono {
        // With NO_COLOR, crossterm would also drop the reset that keeps
        // reverse/bold visible: write the modifiers ourselves.
        ratatui::crossterm::style::force_color_output(true);
    }
    // Restore raw mode, the screen and the mouse before a panic message.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        guard::restore_quietly();
        hook(info);
    }));
    let mut terminal = open_screen()?;
    if opts.mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    let theme = if opts.ascii {
        Palette::new(opts.theme).ascii()
    } else {
        Palette::new(opts.theme)
    };
    let result = event_loop(&mut terminal, app, &theme, &opts);
    if opts.mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    match result {
        Ok(()) => {
            let _ = execute!(io::stdout(), DisableBracketedPaste);
            ratatui::restore();
            Ok(())
        }
        // The terminal is gone (or broken): leave at once, print nothing.
        Err(_) => guard::exit_now(guard::EXIT_HANGUP),
    }
}

/// Gives stdin its own non-blocking description of the terminal. crossterm
/// (built with `use-dev-tty`) reads every byte waiting, level-triggered; on
/// a non-blocking descriptor it never waits in `read` for the end of an
/// escape sequence or of a paste, so the idle clock keeps running. The
/// flag is not shared with stdout (writes still wait for a slow client) nor
/// with the shell that started Boussole. If the terminal cannot be opened
/// again, stdin stays as it is.
fn reopen_input() {
    // SAFETY: open, dup2 and close on descriptors we own; the path is a
    // valid C string.
    unsafe {
        let fd = libc::open(
            c"/proc/self/fd/0".as_ptr(),
            libc::O_RDONLY | libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_CLOEXEC,
        );
        if fd < 0 {
            return;
        }
        if libc::isatty(fd) == 1 {
            libc::dup2(fd, libc::STDIN_FILENO);
        }
        libc::close(fd);
    }
}

/// Raw mode, the alternate screen, bracketed paste, and a terminal whose
/// drawing area is bounded.
fn open_screen() -> io::Result<Screen> {
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        EnableBracketedPaste
    )?;
    Terminal::new(Clamped::new(CrosstermBackend::new(io::stdout())))
}

/// The size the terminal reports, where the notice of a clamped drawing
/// area was last written, and the texts wrapped for the last frame (kept
/// for the next one).
struct Window {
    size: (u16, u16),
    notice_at: Option<(u16, u16)>,
    texts: tui::wrap::Cache,
}

/// Draws a frame, then the notice outside the drawing area if the window is
/// larger than it.
fn draw(terminal: &mut Screen, app: &App, theme: &Palette, window: &mut Window) -> io::Result<()> {
    let notice = clamp::notice(window.size.0, window.size.1);
    let at = notice.as_ref().map(|n| (n.0, n.1));
    if at != window.notice_at {
        // Wipe an old notice: the drawing area does not cover it. (Not
        // `Terminal::clear`: it asks the terminal where the cursor is, and
        // fails if no answer comes.)
        let area =
            ratatui::layout::Rect::from((ratatui::layout::Position::ORIGIN, terminal.size()?));
        terminal.resize(area)?;
        window.notice_at = at;
    }
    terminal.draw(|f| tui::draw(app, theme, &mut window.texts, f))?;
    if let Some((col, row, text)) = notice {
        use ratatui::crossterm::cursor::{MoveTo, RestorePosition, SavePosition};
        use ratatui::crossterm::style::Print;
        execute!(
            io::stdout(),
            SavePosition,
            MoveTo(col, row),
            Print(text),
            RestorePosition
        )?;
    }
    Ok(())
}

/// The most events handled before the screen is drawn again: a burst of
/// input (a paste without brackets) is handled in one go, then drawn once.
const BATCH_EVENTS: usize = 4096;
/// ... or for at most this long.
const BATCH_TIME: Duration = Duration::from_millis(50);

/// How long to look for input already waiting. crossterm's level-triggered
/// source answers "nothing" to a zero timeout without looking, even when it
/// holds parsed events; a few microseconds are enough to look (and at most
/// that long is spent when nothing is waiting).
const PENDING_WAIT: Duration = Duration::from_micros(10);

/// The longest search text (as `update` keeps it).
const SEARCH_MAX_CHARS: usize = 80;

/// What the loop does after a message.
enum Flow {
    Go,
    Quit,
}

fn event_loop(
    terminal: &mut Screen,
    mut app: App,
    theme: &Palette,
    opts: &Options,
) -> io::Result<()> {
    let (cols, rows) = ratatui::crossterm::terminal::size()?;
    let mut window = Window {
        size: (cols, rows),
        notice_at: None,
        texts: tui::wrap::Cache::default(),
    };
    app.size = clamp::clamp(cols, rows);
    draw(terminal, &app, theme, &mut window)?;
    // While the person reads the first screen: the work of the first search.
    app.index.prepare();
    let mut last_key = Instant::now();
    loop {
        let first = match next_wake(last_key, opts) {
            // No idle timeout: block until something happens.
            None => Some(event::read()?),
            Some(wake) => {
                let wait = wake.saturating_duration_since(Instant::now());
                if event::poll(wait)? {
                    Some(event::read()?)
                } else {
                    None
                }
            }
        };
        match first {
            Some(ev) => {
                if let Flow::Quit = on_event(&mut app, &ev, &mut window, &mut last_key) {
                    return Ok(());
                }
                // Everything already typed (or pasted), before drawing again.
                let start = Instant::now();
                let mut n = 1;
                while n < BATCH_EVENTS && start.elapsed() < BATCH_TIME && event::poll(PENDING_WAIT)?
                {
                    let ev = event::read()?;
                    if let Flow::Quit = on_event(&mut app, &ev, &mut window, &mut last_key) {
                        return Ok(());
                    }
                    n += 1;
                }
            }
            None => match idle_message(last_key, opts) {
                Some(Msg::IdleExpired) if opts.idle_exit => return Ok(()),
                Some(Msg::IdleExpired) => {
                    last_key = Instant::now();
                    // What was typed and not read yet is not for the next person.
                    drop_pending_input(&mut window)?;
                    app.size = clamp::clamp(window.size.0, window.size.1);
                    if let Flow::Quit = on_msg(&mut app, Msg::IdleExpired) {
                        return Ok(());
                    }
                }
                Some(msg) => {
                    if let Flow::Quit = on_msg(&mut app, msg) {
                        return Ok(());
                    }
                }
                None => continue,
            },
        }
        draw(terminal, &app, theme, &mut window)?;
    }
}

/// Handles one terminal event.
fn on_event(app: &mut App, ev: &event::Event, window: &mut Window, last_key: &mut Instant) -> Flow {
    if let event::Event::Paste(text) = ev {
        *last_key = Instant::now();
        return paste(app, text);
    }
    let Some(mut msg) = tui::from_event(ev) else {
        return Flow::Go;
    };
    if let Msg::Resize(w, h) = msg {
        window.size = (w, h);
        let (w, h) = clamp::clamp(w, h);
        msg = Msg::Resize(w, h);
    } else {
        *last_key = Instant::now();
    }
    // A character the full search field would drop: skip the search too
    // (a paste without brackets into the search field costs nothing more).
    if let Msg::Char(_) = msg
        && search_is_full(app)
    {
        return Flow::Go;
    }
    on_msg(app, msg)
}

/// Whether the search field has focus and is full.
fn search_is_full(app: &App) -> bool {
    app.overlay.is_none()
        && app.idle_countdown.is_none()
        && matches!(app.screen(), tui::app::Screen::Recherche(r) if r.query.chars().count() >= SEARCH_MAX_CHARS)
}

/// Pasted text goes to the search field when it has focus, its beginning
/// only, on one line; anywhere else it is ignored (it must not act as keys).
fn paste(app: &mut App, text: &str) -> Flow {
    let in_search = app.overlay.is_none()
        && app.idle_countdown.is_none()
        && matches!(app.screen(), tui::app::Screen::Recherche(_));
    if !in_search {
        return Flow::Go;
    }
    let mut last_space = true;
    let chars = text
        .chars()
        .map(|c| {
            if c.is_whitespace() || boussole::text::is_unsafe(c) {
                ' '
            } else {
                c
            }
        })
        .filter(|&c| {
            let keep = !(c == ' ' && last_space);
            last_space = c == ' ';
            keep
        })
        .take(SEARCH_MAX_CHARS);
    for c in chars {
        if search_is_full(app) {
            break;
        }
        if let Flow::Quit = on_msg(app, Msg::Char(c)) {
            return Flow::Quit;
        }
    }
    Flow::Go
}

/// Applies a message and performs the write it may ask for.
fn on_msg(app: &mut App, msg: Msg) -> Flow {
    tui::update(app, msg);
    if app.quit {
        return Flow::Quit;
    }
    if let Some(effect) = app.effect.clone() {
        let outcome = perform(app, &effect);
        effect_done(app, outcome);
    }
    Flow::Go
}

/// Drops the input not read yet: in the terminal's queue and in crossterm's.
/// The window size is read again, in case a resize was among it.
fn drop_pending_input(window: &mut Window) -> io::Result<()> {
    // SAFETY: tcflush on our terminal's descriptor; an error only means
    // nothing was dropped.
    unsafe {
        libc::tcflush(libc::STDIN_FILENO, libc::TCIFLUSH);
    }
    let start = Instant::now();
    while start.elapsed() < BATCH_TIME && event::poll(PENDING_WAIT)? {
        let _ = event::read()?;
    }
    window.size = ratatui::crossterm::terminal::size()?;
    Ok(())
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
