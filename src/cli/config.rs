//! The optional configuration file (`config.toml` in the user's config
//! directory): theme, mouse, default situation, idle timeout, département,
//! overlays. An unknown key or a wrong value is reported as
//! `path:line:col: message`.

use std::path::{Path, PathBuf};

use boussole::content::line_col;
use boussole::tui::ThemeName;
use serde::Deserialize;
use toml::Spanned;

use super::terminal;

/// The largest configuration file read.
pub const MAX_BYTES: u64 = 64 * 1024;

/// The longest idle timeout, in seconds (one day): more would overflow the
/// clock, and a kiosk must reset some day.
pub const MAX_IDLE_SECS: u64 = 86_400;

/// Settings read from the file; command-line options win over them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// "defaut", "contraste" or "mono".
    pub theme: Option<ThemeName>,
    /// Mouse on or off.
    pub souris: Option<bool>,
    /// Situation id chosen at start ("3e", "bac-pro"…), checked against the
    /// content with [`Config::check_situation`].
    pub situation: Option<String>,
    /// Kiosk: seconds without a key before the wipe (0: never).
    pub inactivite: Option<u64>,
    /// The person's département ("14", "27", "50", "61" or "76").
    pub departement: Option<String>,
    /// The person's age (it decides whether apprenticeship is possible).
    pub age: Option<u8>,
    /// Overlay folders laid over the content, in order (relative to the
    /// configuration file's folder).
    pub surcouches: Vec<PathBuf>,
    /// Where exports go (default: the Documents folder), relative to the
    /// configuration file's folder.
    pub dossier_export: Option<PathBuf>,
    /// Where the situation is written, as `path:line:col`.
    situation_at: String,
}

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    theme: Option<ThemeName>,
    souris: Option<bool>,
    situation: Option<Spanned<String>>,
    inactivite: Option<Spanned<i64>>,
    departement: Option<Spanned<String>>,
    age: Option<u8>,
    #[serde(default)]
    surcouches: Vec<PathBuf>,
    dossier_export: Option<PathBuf>,
}

/// Kiosk: seconds without a key before the wipe, unless told otherwise.
pub const DEFAULT_IDLE_SECS: u64 = 300;

/// The terminal guide's options: the command line wins over the file, the
/// file over the defaults; the environment has the last word on colour
/// (NO_COLOR) and on ASCII drawing (a locale without UTF-8).
pub fn tui_options(cli: &super::Cli, file: &Config) -> terminal::Options {
    let idle_secs = cli
        .idle_timeout
        .or(file.inactivite)
        .unwrap_or(DEFAULT_IDLE_SECS)
        .min(MAX_IDLE_SECS);
    let idle = (cli.kiosk && idle_secs > 0).then(|| std::time::Duration::from_secs(idle_secs));
    terminal::Options {
        theme: terminal::theme_from_env(cli.theme.or(file.theme)),
        mouse: cli.mouse || file.souris.unwrap_or(false),
        kiosk: cli.kiosk,
        idle,
        idle_exit: cli.idle_exit,
        situation: file.situation.clone(),
        departement: file.departement.clone(),
        age: file.age,
        export_dir: file.dossier_export.clone(),
        ascii: cli.ascii || !terminal::locale_is_utf8(),
    }
}

impl Config {
    /// The situation, if it is one of `known`; otherwise the message that
    /// stops Boussole, as `path:line:col: message`.
    pub fn check_situation<'a>(
        &self,
        known: impl Iterator<Item = &'a str> + Clone,
    ) -> Result<(), String> {
        let Some(id) = &self.situation else {
            return Ok(());
        };
        if known.clone().any(|k| k == id) {
            return Ok(());
        }
        let list: Vec<&str> = known.collect();
        Err(format!(
            "{}: situation inconnue « {id} » (situations possibles : {})",
            self.situation_at,
            list.join(", ")
        ))
    }
}

/// Where the file is looked for.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("fr", "Normandie", "Boussole")
        .map(|d| d.config_dir().join("config.toml"))
}

/// Reads the file; a missing file is an empty configuration. The file must
/// be a regular file of at most `MAX_BYTES` (a FIFO would block every login).
pub fn read(path: &Path) -> Result<Config, String> {
    let text = match boussole::files::read_text(path, MAX_BYTES) {
        Ok(t) => t,
        Err(e) if e.is_not_found() => return Ok(Config::default()),
        Err(e) => return Err(e.to_string()),
    };
    let mut config = parse(&text, &path.display().to_string())?;
    if let (Some(d), Some(parent)) = (&config.dossier_export, path.parent()) {
        config.dossier_export = Some(parent.join(d));
    }
    Ok(config)
}

/// Parses the text of a configuration file; `shown` names it in messages.
pub fn parse(text: &str, shown: &str) -> Result<Config, String> {
    let at = |offset: usize| {
        let (line, col) = line_col(text, offset);
        format!("{shown}:{line}:{col}")
    };
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let place = at(e.span().map_or(0, |s| s.start));
        format!("{place}: {}", french(e.message()))
    })?;
    let inactivite = match raw.inactivite {
        None => None,
        Some(v) => {
            let secs = *v.get_ref();
            match u64::try_from(secs) {
                Ok(s) if s <= MAX_IDLE_SECS => Some(s),
                _ => {
                    return Err(format!(
                        "{}: inactivite doit être un nombre de secondes de 0 à {MAX_IDLE_SECS} (0 : jamais), pas {secs}",
                        at(v.span().start)
                    ));
                }
            }
        }
    };
    if let Some(d) = &raw.departement
        && boussole::content::departement_nom(d.get_ref()).is_none()
    {
        let codes: Vec<&str> = boussole::content::DEPARTEMENTS
            .iter()
            .map(|(c, _)| *c)
            .collect();
        return Err(format!(
            "{}: département « {} » inconnu (possibles : {})",
            at(d.span().start),
            d.get_ref(),
            codes.join(", ")
        ));
    }
    let situation_at = raw
        .situation
        .as_ref()
        .map_or_else(String::new, |s| at(s.span().start));
    Ok(Config {
        theme: raw.theme,
        souris: raw.souris,
        situation: raw.situation.map(Spanned::into_inner),
        inactivite,
        departement: raw.departement.map(Spanned::into_inner),
        age: raw.age,
        surcouches: raw.surcouches,
        dossier_export: raw.dossier_export,
        situation_at,
    })
}

/// A message of the TOML reader in French.
fn french(message: &str) -> String {
    let m = message.trim();
    if let Some(rest) = m.strip_prefix("unknown field ") {
        let name = rest.split(',').next().unwrap_or(rest).trim_matches('`');
        return format!(
            "réglage inconnu « {name} » (réglages possibles : theme, souris, situation, inactivite, departement, age, surcouches, dossier_export)"
        );
    }
    if let Some(rest) = m.strip_prefix("unknown variant ") {
        let name = rest.split(',').next().unwrap_or(rest).trim_matches('`');
        return format!("valeur inconnue « {name} » (possibles : defaut, contraste, mono)");
    }
    if m.starts_with("invalid type") || m.starts_with("invalid value") {
        let expected = m.rsplit("expected ").next().unwrap_or("");
        let want = match expected.trim() {
            "a boolean" => "true ou false",
            "i64" | "u64" | "an integer" => "un nombre entier de secondes",
            "u8" => "un nombre entier de 0 à 255",
            "a string" => "un texte entre guillemets",
            _ => "une autre valeur",
        };
        let what = if m.starts_with("invalid value") {
            "valeur impossible"
        } else {
            "type incorrect"
        };
        return format!("{what} : il faut {want}");
    }
    boussole::text::toml_syntax_fr(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_and_invalid_files() {
        let c = parse(
            "theme = \"mono\"\nsouris = true\nsituation = \"cap\"\ninactivite = 120\n",
            "c.toml",
        );
        let c = c.expect("valid");
        assert_eq!(c.theme, Some(ThemeName::Mono));
        assert_eq!(c.souris, Some(true));
        assert_eq!(c.situation.as_deref(), Some("cap"));
        assert_eq!(c.inactivite, Some(120));
        assert_eq!(c.age, None);
        assert_eq!(c.check_situation(["3e", "cap"].into_iter()), Ok(()));
        let c = parse("departement = \"76\"\n", "c.toml");
        assert_eq!(c.map(|c| c.departement), Ok(Some("76".to_string())));
        let e = parse("theme = \"mono\"\ndepartement = \"75\"\n", "c.toml").unwrap_err();
        assert_eq!(
            e,
            "c.toml:2:15: département « 75 » inconnu (possibles : 14, 27, 50, 61, 76)"
        );
        let e = parse("theme = \"mono\"\ncouleur = 3\n", "c.toml").unwrap_err();
        assert!(
            e.starts_with("c.toml:2:1: réglage inconnu « couleur »"),
            "{e}"
        );
        let e = parse("souris = \"oui\"\n", "c.toml").unwrap_err();
        assert!(e.starts_with("c.toml:1:10: type incorrect"), "{e}");
        let e = parse("theme = \"rose\"\n", "c.toml").unwrap_err();
        assert!(e.starts_with("c.toml:1:9: valeur inconnue « rose »"), "{e}");
    }

    #[test]
    fn wrong_values_stop_with_their_place_in_french() {
        let c = parse("theme = \"mono\"\nsituation = \"nope\"\n", "c.toml").expect("parsed");
        assert_eq!(
            c.check_situation(["3e", "cap"].into_iter()),
            Err("c.toml:2:13: situation inconnue « nope » (situations possibles : 3e, cap)".into())
        );
        for value in ["-1", "86401"] {
            let e = parse(&format!("inactivite = {value}\n"), "c.toml").unwrap_err();
            assert!(e.starts_with("c.toml:1:14: inactivite doit être"), "{e}");
            assert!(e.contains("de 0 à 86400"), "{e}");
        }
        let e = parse("inactivite = 18446744073709551615\n", "c.toml").unwrap_err();
        assert!(e.starts_with("c.toml:1:14: "), "{e}");
        let e = parse("inactivite = \"long\"\n", "c.toml").unwrap_err();
        assert_eq!(
            e,
            "c.toml:1:14: type incorrect : il faut un nombre entier de secondes"
        );
        let e = parse("theme = \n", "c.toml").unwrap_err();
        assert!(!e.contains("expected"), "{e}");
    }

    #[test]
    fn export_folder_is_relative_to_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("config.toml");
        std::fs::write(&file, "dossier_export = \"resumes\"\n").expect("write");
        let c = read(&file).expect("read");
        assert_eq!(c.dossier_export, Some(dir.path().join("resumes")));
        std::fs::write(&file, "dossier_export = \"/srv/r\"\n").expect("write");
        let c = read(&file).expect("read");
        assert_eq!(c.dossier_export, Some(PathBuf::from("/srv/r")));
    }
}
