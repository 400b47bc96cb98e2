//! Problems found in content files, located as `path:line:col`.

use std::fmt;
use std::ops::Range;

/// One problem in a content file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Probleme {
    /// The file as shown to the person (e.g. `content/metiers/h.toml`).
    pub fichier: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub ligne: usize,
    /// 1-based column, in characters.
    pub colonne: usize,
    pub message: String,
}

impl fmt::Display for Probleme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ligne == 0 {
            write!(f, "{}: {}", self.fichier, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.fichier, self.ligne, self.colonne, self.message
            )
        }
    }
}

/// The content could not be loaded: every problem found, in file order.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct ContentError {
    pub problemes: Vec<Probleme>,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problemes.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Collects problems and warnings while content is loaded.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    pub problemes: Vec<Probleme>,
    pub avertissements: Vec<Probleme>,
}

/// A file being loaded: how it is shown, and its text.
#[derive(Debug)]
pub(crate) struct FileText<'a> {
    pub shown: &'a str,
    pub text: &'a str,
}

impl FileText<'_> {
    pub fn probleme(&self, span: Range<usize>, message: impl Into<String>) -> Probleme {
        let (ligne, colonne) = line_col(self.text, span.start);
        Probleme {
            fichier: self.shown.to_string(),
            ligne,
            colonne,
            message: message.into(),
        }
    }
}

impl Sink {
    pub fn error(&mut self, file: &FileText<'_>, span: Range<usize>, message: impl Into<String>) {
        self.problemes.push(file.probleme(span, message));
    }

    pub fn warn(&mut self, file: &FileText<'_>, span: Range<usize>, message: impl Into<String>) {
        self.avertissements.push(file.probleme(span, message));
    }

    pub fn whole_file(&mut self, shown: &str, message: impl Into<String>) {
        self.problemes.push(Probleme {
            fichier: shown.to_string(),
            ligne: 0,
            colonne: 0,
            message: message.into(),
        });
    }
}

/// Rewrites a serde/toml message in plain French.
pub fn french(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("champ obligatoire manquant : {}", quoted(rest));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (name, expected) = split_expected(rest);
        return match expected {
            Some(list) => format!(
                "champ inconnu {} (champs possibles : {})",
                quoted(name),
                unticks(list)
            ),
            None => format!("champ inconnu {}", quoted(name)),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (name, expected) = split_expected(rest);
        return match expected {
            Some(list) => format!(
                "valeur inconnue {} (valeurs possibles : {})",
                quoted(name),
                unticks(list)
            ),
            None => format!("valeur inconnue {}", quoted(name)),
        };
    }
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return format!(
            "type incorrect : {} alors qu'il faut {}",
            found_fr(found),
            expected_fr(expected)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return format!(
            "valeur impossible : {} alors qu'il faut {}",
            found_fr(found),
            expected_fr(expected)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let n = rest.split(',').next().unwrap_or("").trim();
        return format!("nombre d'éléments incorrect ({n})");
    }
    if message.starts_with("duplicate key") {
        return "clé en double : elle est déjà définie plus haut".to_string();
    }
    crate::text::toml_syntax_fr(message)
}

fn split_expected(rest: &str) -> (&str, Option<&str>) {
    if let Some((name, list)) = rest.split_once(", expected one of ") {
        (name, Some(list))
    } else if let Some((name, list)) = rest.split_once(", expected ") {
        (name, Some(list))
    } else if let Some((name, _)) = rest.split_once(", there are no") {
        (name, None)
    } else {
        (rest, None)
    }
}

fn unticks(s: &str) -> String {
    s.replace('`', "")
}

fn quoted(s: &str) -> String {
    format!("« {} »", s.trim().trim_matches('`'))
}

fn found_fr(found: &str) -> String {
    let found = found.trim();
    if let Some(v) = found.strip_prefix("string ") {
        format!("le texte {v}")
    } else if let Some(v) = found.strip_prefix("integer ") {
        // Numbers too big for 64 bits are reported "as i128".
        let v = unticks(v);
        let v = v.trim_end_matches(" as i128").trim_end_matches(" as u128");
        format!("le nombre {v}")
    } else if let Some(v) = found.strip_prefix("floating point ") {
        format!("le nombre {}", unticks(v))
    } else if let Some(v) = found.strip_prefix("boolean ") {
        format!("la valeur {}", unticks(v))
    } else if found == "sequence" {
        "une liste".to_string()
    } else if found == "map" {
        "une table".to_string()
    } else if found.starts_with("unit") || found.starts_with("option") {
        "une valeur vide".to_string()
    } else {
        "une valeur".to_string()
    }
}

fn expected_fr(expected: &str) -> String {
    let e = expected.trim();
    match e {
        "u8" => "un nombre entier de 0 à 255".to_string(),
        "u16" => "un nombre entier de 0 à 65535".to_string(),
        "u32" | "u64" | "usize" => "un nombre entier positif ou nul".to_string(),
        "i64" | "an integer" => "un nombre entier".to_string(),
        "f64" | "f32" => "un nombre".to_string(),
        "a boolean" => "true ou false".to_string(),
        "a sequence" => "une liste entre [ ]".to_string(),
        "a string" => "un texte entre guillemets".to_string(),
        "a character" => "un seul caractère".to_string(),
        _ if e.starts_with("struct ") => "une table { … }".to_string(),
        _ if e.starts_with("enum ") => "une des valeurs prévues".to_string(),
        "a map" | "a table" => "une table { … }".to_string(),
        _ if e.starts_with("a date") || e.contains("date-time") => "une date".to_string(),
        _ => "une valeur d'un autre type".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a = 1\nété = \"x\"\n";
        let offset = text.find("= \"x\"").unwrap_or(0);
        assert_eq!(line_col(text, offset), (2, 5));
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 10_000), (3, 1));
    }

    #[test]
    fn messages_are_translated() {
        assert_eq!(
            french("missing field `titre`"),
            "champ obligatoire manquant : « titre »"
        );
        assert_eq!(
            french("unknown field `titr`, expected one of `id`, `titre`"),
            "champ inconnu « titr » (champs possibles : id, titre)"
        );
        assert_eq!(
            french("invalid type: string \"trois\", expected u8"),
            "type incorrect : le texte \"trois\" alors qu'il faut un nombre entier de 0 à 255"
        );
        assert_eq!(
            french("invalid type: integer `99999999999999999999` as i128, expected u8"),
            "type incorrect : le nombre 99999999999999999999 alors qu'il faut un nombre entier de 0 à 255"
        );
    }
}
