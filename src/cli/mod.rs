//! Command-line interface: argument parsing and the plain (non-TUI) commands.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use boussole::content::{self, LoadError, Loaded};
use clap::{Parser, Subcommand, ValueEnum};

/// Boussole : un guide des métiers, des formations et de l'apprentissage en Normandie.
#[derive(Debug, Parser)]
#[command(name = "boussole", version, about, long_about = None)]
pub struct Cli {
    /// Dossier de contenu à utiliser à la place du contenu intégré
    /// (même organisation que content/).
    #[arg(long, global = true, env = "BOUSSOLE_CONTENT", value_name = "DOSSIER")]
    content: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Vérifie le contenu et liste tous les problèmes (fichier:ligne:colonne).
    Check,
    /// Exporte tout le contenu chargé.
    Export {
        /// Format de sortie.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
}

/// Exit code for content problems and usage errors.
const EXIT_PROBLEM: u8 = 1;

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(&cli) {
        Ok(code) => code,
        Err(e) => {
            // Output may be a closed pipe: ignore write errors here.
            let _ = writeln!(std::io::stderr(), "boussole : {e:#}");
            ExitCode::from(EXIT_PROBLEM)
        }
    }
}

fn dispatch(cli: &Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Some(Command::Check) => check(cli),
        Some(Command::Export {
            format: ExportFormat::Json,
        }) => {
            let Some(loaded) = load_or_report(cli)? else {
                return Ok(ExitCode::from(EXIT_PROBLEM));
            };
            let mut out = std::io::stdout().lock();
            serde_json::to_writer(&mut out, &loaded.content).context("écriture du JSON")?;
            writeln!(out).context("écriture du JSON")?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let Some(loaded) = load_or_report(cli)? else {
                return Ok(ExitCode::from(EXIT_PROBLEM));
            };
            let mut out = std::io::stdout().lock();
            writeln!(out, "{}", summary(&loaded))?;
            writeln!(
                out,
                "Commandes : boussole check | boussole export --format json | boussole --help"
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Loads the content chosen on the command line.
fn load(cli: &Cli) -> Result<Loaded, LoadError> {
    match &cli.content {
        Some(dir) => content::load_dir(dir),
        None => Ok(content::load_bundled()?),
    }
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

fn print_load_error(out: &mut impl Write, e: &LoadError) -> std::io::Result<()> {
    match e {
        LoadError::Dir(d) => writeln!(out, "{d}"),
        LoadError::Content(c) => {
            for p in &c.problemes {
                writeln!(out, "{p}")?;
            }
            writeln!(out, "{} problème(s) dans le contenu.", c.problemes.len())
        }
    }
}

fn summary(loaded: &Loaded) -> String {
    let c = &loaded.content;
    format!(
        "Contenu valide : {} domaines, {} fiches ROME, {} métiers, {} formations, {} situations, {} items, {} contacts.",
        c.domaines.len(),
        c.rome.len(),
        c.metiers.len(),
        c.formations.len(),
        c.situations.len(),
        c.questionnaire.item.len(),
        c.contacts.len()
    )
}

fn check(cli: &Cli) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match load(cli) {
        Ok(loaded) => {
            for w in &loaded.avertissements {
                writeln!(out, "{w} (avertissement)")?;
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
