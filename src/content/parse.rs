//! First pass over each file: UTF-8, TOML syntax, text rules, top-level keys,
//! then each record deserialised on its own so that one bad record does not
//! hide the problems of the others.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthChar;

use super::diag::{FileText, Sink, french};

/// A parsed file: its text and its syntax tree with byte spans.
pub(crate) struct ParsedFile<'a> {
    pub file: FileText<'a>,
    pub root: Spanned<DeTable<'a>>,
}

/// A record deserialised from a file, with the node it came from.
pub(crate) struct Rec<'a, T> {
    pub value: T,
    pub file: &'a FileText<'a>,
    pub node: &'a Spanned<DeValue<'a>>,
}

/// One step of a path inside a record.
#[derive(Clone, Copy)]
pub(crate) enum Step<'k> {
    Key(&'k str),
    Index(usize),
}

/// The span of the value at `path` below `node`, or of the deepest part found.
pub(crate) fn span_at(node: &Spanned<DeValue<'_>>, path: &[Step<'_>]) -> Range<usize> {
    let mut current = node;
    for step in path {
        let next = match (step, current.get_ref()) {
            (Step::Key(k), DeValue::Table(t)) => {
                t.iter().find(|(key, _)| key.get_ref() == k).map(|(_, v)| v)
            }
            (Step::Index(i), DeValue::Array(a)) => a.get(*i),
            _ => None,
        };
        match next {
            Some(n) => current = n,
            None => break,
        }
    }
    current.span()
}

/// Parses one file. Returns `None` (with problems recorded) when the file cannot be read as TOML.
pub(crate) fn parse_file<'a>(
    shown: &'a str,
    text: &'a str,
    sink: &mut Sink,
) -> Option<ParsedFile<'a>> {
    let file = FileText { shown, text };
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        // One error per line: the parser's later errors on a line follow from the first.
        let mut lines = std::collections::HashSet::new();
        for e in errors {
            let span = e.span().unwrap_or(0..0);
            if lines.insert(super::line_col(text, span.start).0) {
                sink.error(&file, span, french(e.message()));
            }
        }
        return None;
    }
    check_texts_in_table(&file, root.get_ref(), sink);
    Some(ParsedFile { file, root })
}

/// The text of a file, or a problem if it is not UTF-8.
pub(crate) fn utf8<'a>(shown: &str, bytes: &'a [u8], sink: &mut Sink) -> Option<&'a str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let ligne = good.iter().filter(|b| **b == b'\n').count() + 1;
            sink.problemes.push(super::Probleme {
                fichier: shown.to_string(),
                ligne,
                colonne: 1,
                message: "le fichier n'est pas en UTF-8 : enregistrez-le en UTF-8".to_string(),
            });
            None
        }
    }
}

fn check_texts_in_table(file: &FileText<'_>, table: &DeTable<'_>, sink: &mut Sink) {
    for (_, value) in table.iter() {
        check_texts(file, value, sink);
    }
}

fn check_texts(file: &FileText<'_>, value: &Spanned<DeValue<'_>>, sink: &mut Sink) {
    match value.get_ref() {
        DeValue::String(s) => {
            if let Some(message) = text_problem(s) {
                sink.error(file, value.span(), message);
            }
        }
        DeValue::Array(items) => {
            for item in items.iter() {
                check_texts(file, item, sink);
            }
        }
        DeValue::Table(t) => check_texts_in_table(file, t, sink),
        _ => {}
    }
}

/// What is wrong with a text of the content, if anything.
pub fn text_problem(s: &str) -> Option<String> {
    if s.trim().is_empty() {
        return Some("texte vide".to_string());
    }
    // Most texts (ids, codes, names) are printable ASCII: nothing more to check.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b) || b == b'\n') {
        return None;
    }
    if !unicode_normalization::is_nfc(s) {
        let nfc: String = s.nfc().collect();
        return Some(format!(
            "texte pas en forme normalisée NFC (accents décomposés) : écrivez « {nfc} »"
        ));
    }
    for c in s.chars() {
        if c == '\n' {
            continue;
        }
        if c.is_control() {
            return Some(format!("caractère de contrôle U+{:04X} interdit", c as u32));
        }
        let width = c.width().unwrap_or(0);
        if width != 1 {
            return Some(format!(
                "caractère « {c} » (U+{:04X}) de largeur {width} à l'écran : il décale l'affichage sur certains terminaux",
                c as u32
            ));
        }
    }
    None
}

impl<'a> ParsedFile<'a> {
    /// The value of a top-level key.
    pub fn get(&self, key: &str) -> Option<&Spanned<DeValue<'a>>> {
        self.root
            .get_ref()
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(_, v)| v)
    }

    /// Reports top-level keys not in `allowed`.
    pub fn check_keys(&self, allowed: &[&str], sink: &mut Sink) {
        for (key, _) in self.root.get_ref().iter() {
            if !allowed.contains(&key.get_ref().as_ref()) {
                sink.error(
                    &self.file,
                    key.span(),
                    format!(
                        "clé inconnue « {} » (clés possibles : {})",
                        key.get_ref(),
                        allowed.join(", ")
                    ),
                );
            }
        }
    }

    /// Deserialises a required top-level value.
    pub fn required<T: DeserializeOwned>(&self, key: &str, sink: &mut Sink) -> Option<T> {
        match self.get(key) {
            Some(node) => deserialize(&self.file, node, sink),
            None => {
                sink.error(
                    &self.file,
                    0..0,
                    format!("champ obligatoire manquant : « {key} »"),
                );
                None
            }
        }
    }

    /// Each table of an array of tables (`[[key]]`), deserialised on its own.
    /// Sets `*incomplete` when a record could not be read, so that references
    /// to it are not reported a second time as unknown.
    pub fn records<T: DeserializeOwned>(
        &'a self,
        key: &str,
        sink: &mut Sink,
        incomplete: &mut bool,
    ) -> Vec<Rec<'a, T>> {
        let before = sink.problemes.len();
        let recs = self.records_inner(key, sink);
        if sink.problemes.len() > before {
            *incomplete = true;
        }
        recs
    }

    fn records_inner<T: DeserializeOwned>(&'a self, key: &str, sink: &mut Sink) -> Vec<Rec<'a, T>> {
        let Some(node) = self.get(key) else {
            sink.error(&self.file, 0..0, format!("section [[{key}]] manquante"));
            return Vec::new();
        };
        let DeValue::Array(items) = node.get_ref() else {
            sink.error(
                &self.file,
                node.span(),
                format!("« {key} » doit être une liste de tables [[{key}]]"),
            );
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| {
                deserialize(&self.file, item, sink).map(|value| Rec {
                    value,
                    file: &self.file,
                    node: item,
                })
            })
            .collect()
    }
}

fn deserialize<T: DeserializeOwned>(
    file: &FileText<'_>,
    node: &Spanned<DeValue<'_>>,
    sink: &mut Sink,
) -> Option<T> {
    match T::deserialize(ValueDeserializer::from(node.clone())) {
        Ok(v) => Some(v),
        Err(e) => {
            let span = e.span().unwrap_or_else(|| node.span());
            sink.error(file, span, french(e.message()));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_rules() {
        assert_eq!(text_problem("Électricien"), None);
        assert_eq!(text_problem("Œnologue / Œnologue"), None);
        assert!(text_problem("  ").is_some_and(|m| m.contains("vide")));
        assert!(text_problem("E\u{301}lectricien").is_some_and(|m| m.contains("NFC")));
        assert!(text_problem("Super 👍").is_some_and(|m| m.contains("largeur 2")));
        assert!(text_problem("a\tb").is_some_and(|m| m.contains("contrôle")));
        assert_eq!(text_problem("deux\nlignes"), None);
    }
}
