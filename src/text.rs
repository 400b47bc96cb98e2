//! Text that goes to a terminal, and system errors in French.
//!
//! Every string that comes from content, files, arguments or the environment
//! passes through [`escape_controls`] (one line) or [`SafeWriter`] (a whole
//! output) before it reaches a terminal: a control character is shown as
//! `\u{1b}`, never sent, so a file name or a TOML key cannot change the
//! window title, write the clipboard (OSC 52) or move the cursor. The
//! terminal guide needs nothing more: ratatui drops control characters when it
//! draws text.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

/// Whether `c` must not reach a terminal as it is: C0 and C1 control
/// characters, DEL, and the invisible bidirectional controls that reorder
/// what is shown.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escape_where(s: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if escape(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line for a terminal: every control character, line breaks included,
/// written as `\u{1b}`.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    escape_where(s, is_unsafe)
}

/// Several lines for a terminal: as [`escape_controls`], but line breaks and
/// tabs are kept.
pub fn escape_controls_keep_lines(s: &str) -> Cow<'_, str> {
    escape_where(s, |c| is_unsafe(c) && c != '\n' && c != '\t')
}

/// A writer that escapes control characters (all but line breaks and tabs)
/// on their way to a terminal or a pipe. Text is expected in UTF-8, as
/// `write!` produces it; a byte that is not UTF-8 is shown as `\x..`.
#[derive(Debug)]
pub struct SafeWriter<W> {
    inner: W,
    /// The start of a character cut at the end of the previous write.
    pending: Vec<u8>,
}

impl<W: io::Write> SafeWriter<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }

    pub fn get_mut(&mut self) -> &mut W {
        &mut self.inner
    }
}

impl<W: io::Write> io::Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let joined;
        let bytes = if self.pending.is_empty() {
            buf
        } else {
            let mut v = std::mem::take(&mut self.pending);
            v.extend_from_slice(buf);
            joined = v;
            &joined[..]
        };
        let mut rest = bytes;
        let mut out = Vec::with_capacity(bytes.len());
        while !rest.is_empty() {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    out.extend_from_slice(escape_controls_keep_lines(s).as_bytes());
                    rest = &[];
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    // Valid up to here by construction.
                    let good = std::str::from_utf8(good).unwrap_or_default();
                    out.extend_from_slice(escape_controls_keep_lines(good).as_bytes());
                    match e.error_len() {
                        // A character cut by the end of this write: keep it for the next.
                        None => {
                            self.pending = bad.to_vec();
                            rest = &[];
                        }
                        Some(n) => {
                            for b in &bad[..n] {
                                out.extend_from_slice(format!("\\x{b:02x}").as_bytes());
                            }
                            rest = &bad[n..];
                        }
                    }
                }
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let pending = std::mem::take(&mut self.pending);
            for b in pending {
                self.inner.write_all(format!("\\x{b:02x}").as_bytes())?;
            }
        }
        self.inner.flush()
    }
}

/// A system error in French: what happened, without the English text of the
/// operating system.
pub fn io_error_fr(e: &io::Error) -> String {
    use io::ErrorKind as K;
    let what = match e.kind() {
        K::NotFound => "fichier ou dossier introuvable",
        K::PermissionDenied => "permission refusée",
        K::AlreadyExists => "le fichier existe déjà",
        K::NotADirectory => "un élément du chemin n'est pas un dossier",
        K::IsADirectory => "c'est un dossier, pas un fichier",
        K::DirectoryNotEmpty => "le dossier n'est pas vide",
        K::ReadOnlyFilesystem => "le disque est en lecture seule",
        K::StorageFull => "plus de place sur le disque",
        K::QuotaExceeded => "quota de disque dépassé",
        K::FileTooLarge => "fichier trop gros",
        K::InvalidData => "contenu illisible (pas du texte UTF-8)",
        K::InvalidFilename => "nom de fichier impossible",
        K::TimedOut => "délai dépassé",
        K::Interrupted => "opération interrompue",
        K::BrokenPipe => "la sortie a été fermée",
        K::WouldBlock => "le fichier n'est pas prêt (tube ou périphérique ?)",
        K::OutOfMemory => "mémoire insuffisante",
        K::CrossesDevices => "déplacement impossible d'un disque à un autre",
        K::Unsupported => "opération non prise en charge",
        K::UnexpectedEof => "fin de fichier inattendue",
        _ => match e.raw_os_error() {
            Some(libc::ELOOP) => "lien symbolique refusé",
            Some(libc::EIO) => "erreur d'entrée-sortie",
            Some(libc::ENXIO) => "périphérique absent",
            Some(code) => return format!("erreur du système (code {code})"),
            None => "erreur d'entrée-sortie",
        },
    };
    what.to_string()
}

/// A syntax error of the TOML reader in French. Its English words
/// ("missing comma between array elements, expected `,`") are replaced by
/// a French sentence; an error not listed here gets a general one.
pub fn toml_syntax_fr(message: &str) -> String {
    const TABLE: &[(&str, &str)] = &[
        (
            "missing assignment between key-value pairs",
            "il manque « = » entre la clé et la valeur",
        ),
        ("extra assignment between key-value pairs", "« = » en trop"),
        ("extra `=`", "« = » en trop"),
        ("unexpected `=` in array", "« = » inattendu dans une liste"),
        (
            "missing comma between array elements",
            "il manque une virgule entre deux éléments de la liste",
        ),
        (
            "missing comma between key-value pairs",
            "il manque une virgule entre deux paires clé = valeur",
        ),
        ("extra comma in array", "virgule en trop dans la liste"),
        (
            "extra comma in inline table",
            "virgule en trop dans la table { … }",
        ),
        (
            "unclosed array table",
            "en-tête [[…]] non fermé : il manque « ]] »",
        ),
        ("unclosed array", "liste non fermée : il manque « ] »"),
        (
            "unclosed inline table",
            "table non fermée : il manque « } »",
        ),
        ("unclosed table", "en-tête […] non fermé : il manque « ] »"),
        ("missing array opening", "il manque « [ »"),
        ("missing inline table opening", "il manque « { »"),
        ("missing table open", "il manque « [ »"),
        (
            "missing key for inline table element",
            "il manque une clé dans la table { … }",
        ),
        (
            "invalid inline table element",
            "élément de table { … } mal formé",
        ),
        (
            "string values must be quoted",
            "un texte s'écrit entre guillemets",
        ),
        ("missing opening quote", "il manque le guillemet ouvrant"),
        (
            "invalid basic string",
            "texte entre guillemets mal formé (guillemet fermant manquant ?)",
        ),
        (
            "invalid multi-line basic string",
            "texte sur plusieurs lignes mal formé (guillemets fermants manquants ?)",
        ),
        (
            "invalid literal string",
            "texte entre apostrophes mal formé",
        ),
        (
            "invalid multi-line literal string",
            "texte sur plusieurs lignes mal formé (apostrophes fermantes manquantes ?)",
        ),
        ("invalid string", "texte mal formé"),
        (
            "missing escaped value",
            "séquence d'échappement incomplète après « \\ »",
        ),
        (
            "too few unicode value digits",
            "séquence \\u incomplète : il faut 4 chiffres hexadécimaux (8 pour \\U)",
        ),
        ("missing value for key", "il manque la valeur après « = »"),
        ("key with no value", "il manque la valeur de cette clé"),
        ("missing value", "il manque une valeur"),
        ("invalid value", "valeur mal formée"),
        (
            "invalid unquoted key",
            "clé mal formée : lettres, chiffres, - et _ seulement, sinon entre guillemets",
        ),
        ("unquoted keys cannot be empty", "clé vide"),
        ("keys cannot be multi-line", "une clé tient sur une ligne"),
        ("invalid key-value pair", "paire clé = valeur mal formée"),
        ("unexpected key or value", "clé ou valeur inattendue"),
        (
            "unexpected content between comment and newline",
            "contenu inattendu après le commentaire",
        ),
        ("unexpected content", "contenu inattendu"),
        (
            "invalid comment character",
            "caractère interdit dans un commentaire",
        ),
        (
            "missing comment start",
            "il manque « # » au début du commentaire",
        ),
        (
            "carriage return must be followed by newline",
            "retour chariot seul : les lignes finissent par LF ou CRLF",
        ),
        ("unexpected leading zero", "un nombre ne commence pas par 0"),
        ("integer number overflowed", "nombre entier trop grand"),
        ("floating-point number overflowed", "nombre trop grand"),
        ("invalid integer number", "nombre entier mal formé"),
        (
            "invalid float",
            "nombre décimal mal formé (avec un point : 12.5)",
        ),
        ("invalid boolean", "il faut true ou false"),
        ("invalid date-time", "date mal formée"),
        ("redundant numeric sign", "signe en trop"),
        ("unexpected sign", "signe inattendu"),
        ("cannot recurse further", "imbrication trop profonde"),
        (
            "duplicate key",
            "clé en double : elle est déjà définie plus haut",
        ),
        (
            "cannot extend value",
            "cette table est déjà définie en entier plus haut",
        ),
        ("invalid table header", "en-tête de table mal formé"),
    ];
    let m = message.trim();
    let description = m.split(", expected").next().unwrap_or(m).trim();
    TABLE
        .iter()
        .find(|(en, _)| description.starts_with(en))
        .map_or_else(
            || "syntaxe TOML incorrecte à cet endroit".to_string(),
            |(_, fr)| format!("syntaxe TOML : {fr}"),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn controls_are_shown_not_sent() {
        assert_eq!(
            escape_controls("x\u{1b}]0;PWNED\u{7}"),
            "x\\u{1b}]0;PWNED\\u{7}"
        );
        assert_eq!(escape_controls("a\nb\u{9b}c"), "a\\u{a}b\\u{9b}c");
        assert_eq!(escape_controls("Électricien"), "Électricien");
        assert!(matches!(escape_controls("plain"), Cow::Borrowed(_)));
        assert_eq!(escape_controls("\u{202e}abc"), "\\u{202e}abc");
        assert_eq!(escape_controls_keep_lines("a\n\tb\rc"), "a\n\tb\\u{d}c");
    }

    #[test]
    fn the_writer_escapes_even_across_writes() {
        let mut w = SafeWriter::new(Vec::new());
        let c1 = "\u{9b}".as_bytes();
        let _ = w.write_all(b"a\x1b[2Jb\n");
        let _ = w.write_all(&c1[..1]);
        let _ = w.write_all(&c1[1..]);
        let _ = w.write_all(b"\xff\x07");
        let _ = w.flush();
        let out = String::from_utf8(w.inner).unwrap_or_default();
        assert_eq!(out, "a\\u{1b}[2Jb\n\\u{9b}\\xff\\u{7}");
    }

    #[test]
    fn toml_syntax_errors_are_in_french() {
        assert_eq!(
            toml_syntax_fr("extra `=`, expected nothing"),
            "syntaxe TOML : « = » en trop"
        );
        assert_eq!(
            toml_syntax_fr("something new, expected `x`"),
            "syntaxe TOML incorrecte à cet endroit"
        );
    }

    #[test]
    fn system_errors_are_in_french() {
        let e = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(io_error_fr(&e), "permission refusée");
        let e = io::Error::from_raw_os_error(libc::ELOOP);
        assert_eq!(io_error_fr(&e), "lien symbolique refusé");
    }
}
