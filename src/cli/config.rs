//! The optional configuration file (`config.toml` in the user's config
//! directory): theme, mouse, default situation, idle timeout. An unknown key
//! or a wrong value is reported as `path:line: message`.

use std::path::{Path, PathBuf};

use boussole::content::line_col;
use boussole::tui::ThemeName;
use serde::Deserialize;

use super::terminal;

/// Settings read from the file; command-line options win over them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// "defaut", "contraste" or "mono".
    pub theme: Option<ThemeName>,
    /// Mouse on or off.
    pub souris: Option<bool>,
    /// Situation id chosen at start ("3e", "bac-pro"…).
    pub situation: Option<String>,
    /// Kiosk: seconds without a key before the wipe (0: never).
    pub inactivite: Option<u64>,
    /// The person's département ("14", "27", "50", "61" or "76").
    pub departement: Option<String>,
    /// The person's age (it decides whether apprenticeship is possible).
    pub age: Option<u8>,
    /// Overlay folders laid over the content, in order (relative to the
    /// configuration file's folder).
    #[serde(default)]
    pub surcouches: Vec<PathBuf>,
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
        .unwrap_or(DEFAULT_IDLE_SECS);
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
        ascii: cli.ascii || !terminal::locale_is_utf8(),
    }
}

/// Where the file is looked for.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("fr", "Normandie", "Boussole")
        .map(|d| d.config_dir().join("config.toml"))
}

/// Reads the file; a missing file is an empty configuration.
pub fn read(path: &Path) -> Result<Config, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => return Err(format!("{}: lecture impossible ({e})", path.display())),
    };
    parse(&text, &path.display().to_string())
}

/// Parses the text of a configuration file; `shown` names it in messages.
pub fn parse(text: &str, shown: &str) -> Result<Config, String> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let (line, col) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        let message = boussole_french(e.message());
        format!("{shown}:{line}:{col}: {message}")
    })?;
    if let Some(d) = &config.departement
        && boussole::content::departement_nom(d).is_none()
    {
        let at = text
            .match_indices("departement")
            .map(|(i, _)| i)
            .find(|&i| i == 0 || text.as_bytes()[i - 1] == b'\n')
            .and_then(|i| text[i..].find('=').map(|eq| i + eq + 1))
            .map_or(0, |i| i + text[i..].len() - text[i..].trim_start().len());
        let (line, col) = line_col(text, at);
        let codes: Vec<&str> = boussole::content::DEPARTEMENTS
            .iter()
            .map(|(c, _)| *c)
            .collect();
        return Err(format!(
            "{shown}:{line}:{col}: département « {} » inconnu (possibles : {})",
            d.escape_debug(),
            codes.join(", ")
        ));
    }
    Ok(config)
}

fn boussole_french(message: &str) -> String {
    let m = message.trim();
    if let Some(rest) = m.strip_prefix("unknown field ") {
        let name = rest.split(',').next().unwrap_or(rest).trim_matches('`');
        return format!(
            "réglage inconnu « {name} » (réglages possibles : theme, souris, situation, inactivite, departement, age, surcouches)"
        );
    }
    if let Some(rest) = m.strip_prefix("unknown variant ") {
        let name = rest.split(',').next().unwrap_or(rest).trim_matches('`');
        return format!("valeur inconnue « {name} » (possibles : defaut, contraste, mono)");
    }
    if m.starts_with("invalid type") {
        return format!("type incorrect : {m}");
    }
    m.to_string()
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
        assert_eq!(
            c,
            Ok(Config {
                theme: Some(ThemeName::Mono),
                souris: Some(true),
                situation: Some("cap".into()),
                inactivite: Some(120),
                departement: None,
                age: None,
                surcouches: Vec::new(),
            })
        );
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
}
