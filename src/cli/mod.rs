//! Command-line interface: argument parsing and the plain (non-TUI) commands.

mod args;
mod clamp;
mod config;
mod dialogue;
mod guard;
mod import;
mod plain;
mod recrute;
mod strings;
mod terminal;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use boussole::content::{self, LoadDirError, Loaded};
use boussole::text::{SafeWriter, escape_controls, escape_controls_keep_lines};

pub use args::Cli;
use args::{Command, ExportFormat, ImportFormat};

/// What `--version` prints after the name: the program's version and the date
/// of its bundled content (the newest date of apprentissage.toml, see build.rs).
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (contenu intégré du ",
    env!("BOUSSOLE_CONTENT_DATE"),
    ")"
);

/// Exit code for content problems and usage errors.
const EXIT_PROBLEM: u8 = 1;

/// Exit code for a wrong command line, and for a session without a terminal.
const EXIT_USAGE: u8 = 2;

/// Why the kiosk does not start in plain mode.
const KIOSK_PLAIN: &str = "boussole : le mode borne a besoin d'un terminal complet ; il ne démarre pas en mode texte (--plain ou TERM=dumb). Connectez-vous avec un terminal ordinaire (ssh -t, TERM=xterm-256color).";

/// Why the guide does not start without a terminal.
const NO_TERMINAL: &str = "boussole : pas de terminal ; le guide a besoin d'un terminal interactif (ssh -t, ou boussole --plain pour le mode texte).";
const NO_TERMINAL_KIOSK: &str =
    "boussole : pas de terminal ; le mode borne a besoin d'un terminal interactif (ssh -t).";

/// Whether both stdin and stdout are terminals (not so with `ssh -T`, a pipe
/// or a service).
fn is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Kiosk mode: no core dump (it would hold what the person typed) and no
/// attaching to the process. Errors are ignored: these only add safety.
fn kiosk_limits() {
    let none = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: plain system calls on this process, with valid arguments.
    unsafe {
        libc::setrlimit(libc::RLIMIT_CORE, &none);
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
}

pub fn run() -> ExitCode {
    use clap::{CommandFactory, FromArgMatches};
    let matches = match Cli::command().try_get_matches() {
        Ok(m) => m,
        Err(e) => return usage_error(&e),
    };
    let mut cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    // A kiosk's content comes from its command line and configuration only:
    // an SSH client can set environment variables, it must not choose content.
    if cli.kiosk && matches.value_source("content") == Some(clap::parser::ValueSource::EnvVariable)
    {
        cli.content = None;
    }
    match dispatch(&cli) {
        Ok(code) => code,
        // The reader of our output went away (`boussole … | head`): stop quietly.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // stderr may be closed too: ignore write errors here.
            error_line(&format!("boussole : {}", error_fr(&e)));
            ExitCode::from(EXIT_PROBLEM)
        }
    }
}

/// An error and its causes, with system errors in French rather than in
/// the words of the operating system.
fn error_fr(e: &anyhow::Error) -> String {
    e.chain()
        .map(|cause| match cause.downcast_ref::<std::io::Error>() {
            Some(io) => boussole::text::io_error_fr(io),
            None => cause.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" : ")
}

/// Writes a message on stderr, control characters escaped; errors ignored
/// (stderr may be closed).
fn error_line(message: &str) {
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        escape_controls_keep_lines(message.trim_end())
    );
}

/// Help, version, or a wrong command line (whose values are echoed: they
/// are escaped like everything else).
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind as K;
    let text = e.render().to_string();
    match e.kind() {
        K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand => {
            let mut out = SafeWriter::new(std::io::stdout().lock());
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
            if e.kind() == K::DisplayHelpOnMissingArgumentOrSubcommand {
                ExitCode::from(EXIT_USAGE)
            } else {
                ExitCode::SUCCESS
            }
        }
        _ => {
            error_line(&usage_fr(e));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Why a value was refused, from the parser's (English) reason.
fn validation_fr(e: &clap::Error) -> String {
    let reason = std::error::Error::source(e)
        .map(ToString::to_string)
        .unwrap_or_default();
    if let Some((_, range)) = reason.split_once(" is not in ")
        && let Some((low, high)) = range.split_once("..=")
    {
        return format!("il faut un nombre entier de {low} à {high}");
    }
    if reason.contains("too large") {
        return "nombre trop grand".to_string();
    }
    "il faut un nombre entier positif ou nul".to_string()
}

/// A wrong command line, in French (clap's own messages are in English).
fn usage_fr(e: &clap::Error) -> String {
    use clap::error::{ContextKind as C, ContextValue, ErrorKind as K};
    let get = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let arg = get(C::InvalidArg);
    let value = get(C::InvalidValue);
    let what = match e.kind() {
        K::InvalidValue => {
            let valid = get(C::ValidValue);
            if valid.is_empty() {
                format!("valeur impossible « {value} » pour {arg}")
            } else {
                format!("valeur impossible « {value} » pour {arg} (valeurs possibles : {valid})")
            }
        }
        K::ValueValidation => {
            format!(
                "valeur impossible « {value} » pour {arg} : {}",
                validation_fr(e)
            )
        }
        K::UnknownArgument => {
            let suggested = get(C::SuggestedArg);
            if suggested.is_empty() {
                format!("option inconnue « {arg} »")
            } else {
                format!("option inconnue « {arg} » (vouliez-vous dire {suggested} ?)")
            }
        }
        K::InvalidSubcommand => {
            format!("commande inconnue « {} »", get(C::InvalidSubcommand))
        }
        K::MissingRequiredArgument => format!("il manque {arg}"),
        K::MissingSubcommand => "il manque une commande".to_string(),
        K::ArgumentConflict => format!("{arg} ne va pas avec {}", get(C::PriorArg)),
        K::TooManyValues | K::WrongNumberOfValues | K::TooFewValues => {
            format!("nombre de valeurs incorrect pour {arg}")
        }
        K::NoEquals => format!("{arg} demande une valeur après « = »"),
        K::InvalidUtf8 => "argument qui n'est pas du texte UTF-8".to_string(),
        _ => "ligne de commande incorrecte".to_string(),
    };
    format!("boussole : {what}. Voir boussole --help.")
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        let kind = c
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                c.downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}

fn dispatch(cli: &Cli) -> anyhow::Result<ExitCode> {
    if cli.kiosk
        && matches!(
            cli.command,
            Some(Command::Schema { .. } | Command::Import { .. })
        )
    {
        // The kiosk writes no file: not even through a command.
        error_line(
            "boussole : --kiosk n'écrit aucun fichier : les commandes schema et import ne s'emploient pas avec lui.",
        );
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    match &cli.command {
        Some(Command::Check) => check(cli),
        Some(Command::Completions { shell }) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            // Generate into memory: clap_complete panics if its writer fails.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "boussole", &mut script);
            std::io::stdout()
                .write_all(&script)
                .context("script de complétion")?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Schema { write }) => {
            std::fs::create_dir_all(write).with_context(|| write.display().to_string())?;
            for (name, json) in content::schema::all() {
                let path = write.join(name);
                std::fs::write(&path, json).with_context(|| path.display().to_string())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Import {
            format: ImportFormat::Lheo,
            fichier,
            out,
            tous_departements,
        }) => {
            let Some(loaded) = load_or_report(cli)? else {
                return Ok(ExitCode::from(EXIT_PROBLEM));
            };
            match import::lheo(fichier, out, *tous_departements, &loaded.content) {
                Ok(summary) => {
                    let _ = writeln!(std::io::stderr(), "{summary}");
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    let _ = writeln!(std::io::stderr(), "boussole : {e:#}");
                    Ok(ExitCode::from(EXIT_PROBLEM))
                }
            }
        }
        Some(Command::Man) => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd)
                .render(&mut std::io::stdout())
                .context("page de manuel")?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export {
            format: format @ (ExportFormat::Md | ExportFormat::Html),
            session,
        }) => {
            let Some(path) = session else {
                let _ = writeln!(
                    std::io::stderr(),
                    "boussole : --session FICHIER est nécessaire pour les formats md et html"
                );
                return Ok(ExitCode::from(EXIT_PROBLEM));
            };
            let saved = match boussole::session::read_file(path) {
                Ok(s) => s,
                Err(e) => {
                    error_line(&e.to_string());
                    return Ok(ExitCode::from(EXIT_PROBLEM));
                }
            };
            let format = *format;
            with_content(cli, |out, c| {
                let (date, _) = terminal::today();
                let text = if format == ExportFormat::Md {
                    boussole::export::markdown(c, &saved, &date)
                } else {
                    boussole::export::html(c, &saved, &date)
                };
                out.write_all(text.as_bytes())?;
                Ok(ExitCode::SUCCESS)
            })
        }
        Some(Command::Export {
            format: ExportFormat::Json,
            ..
        }) => {
            let Some(loaded) = load_or_report(cli)? else {
                return Ok(ExitCode::from(EXIT_PROBLEM));
            };
            let mut out = std::io::stdout().lock();
            serde_json::to_writer(&mut out, &loaded.content).context("écriture du JSON")?;
            writeln!(out).context("écriture du JSON")?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Search { query, limit, json }) => {
            // The bundled content's index is compiled in: no need to decode the content.
            if cli.content.is_none() && overlays(cli).is_empty() {
                let index = boussole::search::Index::bundled();
                let mut out = SafeWriter::new(std::io::stdout().lock());
                let found = plain::search(&mut out, &index, &query.join(" "), *limit, *json)?;
                out.flush()?;
                return Ok(code_of(found));
            }
            with_content(cli, |out, c| {
                let index = boussole::search::Index::new(c);
                plain::search(out, &index, &query.join(" "), *limit, *json).map(code_of)
            })
        }
        Some(Command::Proches { id, json }) => {
            with_content(cli, |out, c| plain::proches(out, c, id, *json).map(code_of))
        }
        Some(Command::Recrute { json }) => {
            with_content(cli, |out, c| recrute::run(out, c, *json).map(code_of))
        }
        Some(Command::Show { id }) => {
            with_content(cli, |out, c| plain::show(out, c, id).map(code_of))
        }
        Some(Command::Parcours {
            from,
            to,
            age,
            tous,
            json,
        }) => with_content(cli, |out, c| {
            let demande = boussole::parcours::Demande {
                situation: from,
                age: *age,
                tous: *tous,
            };
            plain::parcours(out, c, &demande, to, *json).map(code_of)
        }),
        Some(Command::Quiz {
            plain: _,
            quick,
            situation,
            json,
        }) => with_content(cli, |out, c| {
            let opts = plain::QuizOptions {
                quick: *quick,
                situation: situation.as_deref(),
                json: *json,
            };
            let mut input = std::io::stdin().lock();
            let code = if *json {
                let mut prompts = SafeWriter::new(std::io::stderr());
                plain::quiz(&mut input, &mut prompts, out, c, &opts)?
            } else {
                // Prompts and results both go to stdout (its lock is reentrant).
                let mut prompts = SafeWriter::new(std::io::stdout());
                plain::quiz(&mut input, &mut prompts, out, c, &opts)?
            };
            Ok(ExitCode::from(code))
        }),
        None => {
            let plain = cli.plain || std::env::var("TERM").is_ok_and(|t| t == "dumb");
            if cli.kiosk {
                kiosk_limits();
                if plain {
                    error_line(KIOSK_PLAIN);
                    return Ok(ExitCode::from(EXIT_USAGE));
                }
            }
            if let Some(secs) = cli.idle_timeout
                && secs > config::MAX_IDLE_SECS
            {
                error_line(&format!(
                    "boussole : --idle-timeout doit être un nombre de secondes de 0 à {} (0 : jamais), pas {secs}",
                    config::MAX_IDLE_SECS
                ));
                return Ok(ExitCode::from(EXIT_USAGE));
            }
            let Some(loaded) = load_or_report(cli)? else {
                return Ok(ExitCode::from(EXIT_PROBLEM));
            };
            if plain {
                let mut input = std::io::stdin().lock();
                let mut out = SafeWriter::new(std::io::stdout().lock());
                // Exports go where the configuration says, else Documents.
                let cfg = cli
                    .config
                    .clone()
                    .or_else(config::default_path)
                    .and_then(|p| config::read(&p).ok())
                    .unwrap_or_default();
                let export_dir = terminal::storage(cfg.dossier_export).map(|st| st.export_dir);
                dialogue::run(&loaded.content, export_dir, &mut input, &mut out)?;
                out.flush()?;
                return Ok(ExitCode::SUCCESS);
            }
            let cfg_path = cli.config.clone().or_else(config::default_path);
            let cfg = match cfg_path.as_deref().map(config::read).transpose() {
                Ok(c) => c.unwrap_or_default(),
                Err(message) => {
                    error_line(&message);
                    return Ok(ExitCode::from(EXIT_PROBLEM));
                }
            };
            if let Err(message) =
                cfg.check_situation(loaded.content.situations.iter().map(|s| s.id.as_str()))
            {
                error_line(&message);
                return Ok(ExitCode::from(EXIT_PROBLEM));
            }
            if !is_terminal() {
                error_line(if cli.kiosk {
                    NO_TERMINAL_KIOSK
                } else {
                    NO_TERMINAL
                });
                return Ok(ExitCode::from(EXIT_USAGE));
            }
            let opts = config::tui_options(cli, &cfg);
            let index = (cli.content.is_none() && overlays(cli).is_empty())
                .then(boussole::search::Index::bundled);
            terminal::run(loaded.content, opts, index).context("terminal")?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn code_of(found: bool) -> ExitCode {
    if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PROBLEM)
    }
}

/// Loads the content and runs a command writing to stdout.
fn with_content(
    cli: &Cli,
    run: impl FnOnce(
        &mut SafeWriter<std::io::StdoutLock<'static>>,
        &content::Content,
    ) -> anyhow::Result<ExitCode>,
) -> anyhow::Result<ExitCode> {
    let Some(loaded) = load_or_report(cli)? else {
        return Ok(ExitCode::from(EXIT_PROBLEM));
    };
    let mut out = SafeWriter::new(std::io::stdout().lock());
    let code = run(&mut out, &loaded.content)?;
    out.flush()?;
    Ok(code)
}

/// The overlays to apply: those of the configuration file, then those of
/// the command line. Paths in the configuration are relative to its folder.
fn overlays(cli: &Cli) -> Vec<PathBuf> {
    let cfg_path = cli.config.clone().or_else(config::default_path);
    let mut all: Vec<PathBuf> = cfg_path
        .as_deref()
        .and_then(|p| config::read(p).ok().map(|c| (p, c)))
        .map(|(p, c)| {
            let dir = p.parent().unwrap_or(std::path::Path::new("."));
            c.surcouches.iter().map(|s| dir.join(s)).collect()
        })
        .unwrap_or_default();
    all.extend(cli.overlays.iter().cloned());
    all
}

/// Loads the content chosen on the command line, with its overlays.
fn load(cli: &Cli) -> Result<Loaded, LoadDirError> {
    let overlays = overlays(cli);
    match (&cli.content, overlays.is_empty()) {
        (Some(dir), true) => content::load_dir(dir),
        (None, true) => Ok(content::load_bundled()?),
        (None, false) => {
            let dirs: Vec<&std::path::Path> = overlays.iter().map(PathBuf::as_path).collect();
            content::overlay::load_over_bundled(&dirs)
        }
        (Some(_), false) => load_layered(cli, &overlays),
    }
}

/// Loads and fully checks the content: the bundled TOML texts, or a
/// directory, with its overlays.
fn load_checked(cli: &Cli) -> Result<Loaded, LoadDirError> {
    let overlays = overlays(cli);
    match (&cli.content, overlays.is_empty()) {
        (Some(dir), true) => content::load_dir(dir),
        (None, true) => Ok(content::check_bundled()?),
        _ => load_layered(cli, &overlays),
    }
}

fn load_layered(cli: &Cli, overlays: &[PathBuf]) -> Result<Loaded, LoadDirError> {
    let (files, root) = match &cli.content {
        Some(dir) => (content::read_dir(dir)?, dir.display().to_string()),
        None => (content::bundled_sources(), "content".to_string()),
    };
    let dirs: Vec<&std::path::Path> = overlays.iter().map(PathBuf::as_path).collect();
    content::overlay::load_with(&files, &root, &dirs)
}

/// Loads the content, or prints its problems to stderr and returns `None`.
fn load_or_report(cli: &Cli) -> anyhow::Result<Option<Loaded>> {
    match load(cli) {
        Ok(loaded) => Ok(Some(loaded)),
        Err(e) => {
            let mut err = std::io::stderr().lock();
            print_load_error(&mut err, &e)?;
            Ok(None)
        }
    }
}

/// Content problems, one a line, whatever the file names, keys and values
/// they quote.
fn print_load_error(out: &mut impl Write, e: &LoadDirError) -> std::io::Result<()> {
    match e {
        LoadDirError::Dir(d) => writeln!(out, "{}", escape_controls(&d.to_string())),
        LoadDirError::Content(c) => {
            for p in &c.problemes {
                writeln!(out, "{}", escape_controls(&p.to_string()))?;
            }
            writeln!(out, "{} problème(s) dans le contenu.", c.problemes.len())
        }
    }
}

fn summary(loaded: &Loaded) -> String {
    let c = &loaded.content;
    format!(
        "Contenu valide : {} domaines, {} fiches ROME, {} métiers, {} formations, {} situations, {} items, {} contacts, {} établissements ({} offres de formation).",
        c.domaines.len(),
        c.rome.len(),
        c.metiers.len(),
        c.formations.len(),
        c.situations.len(),
        c.questionnaire.item.len(),
        c.contacts.len(),
        c.etablissements.len(),
        c.etablissements
            .iter()
            .map(|e| e.offre.len())
            .sum::<usize>()
    )
}

fn check(cli: &Cli) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match load_checked(cli) {
        Ok(loaded) => {
            for w in &loaded.avertissements {
                writeln!(out, "{} (avertissement)", escape_controls(&w.to_string()))?;
            }
            writeln!(out, "{}", summary(&loaded))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            print_load_error(&mut out, &e)?;
            Ok(ExitCode::from(EXIT_PROBLEM))
        }
    }
}
