//! What a person chose to keep: answers, favourites, rejected métiers.
//!
//! Nothing is saved unless the person asks ("Enregistrer"); never in kiosk
//! mode. The file is JSON with a format version; it is written atomically
//! and readable by its owner only (see `files`). A file that cannot be read,
//! or that comes from a newer version, is moved aside (never deleted, never
//! overwritten) with a clear message.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::quiz::{Answer, Answers, Form};

/// The format this version writes and reads.
pub const VERSION: u32 = 1;
/// File name inside the data directory.
pub const FILE_NAME: &str = "session.json";
/// The largest session file read (a real one is a few kilobytes).
pub const MAX_BYTES: u64 = 1 << 20;

/// A saved session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Saved {
    pub version: u32,
    /// Situation id.
    pub situation: String,
    /// Which questionnaire was taken, if any.
    #[serde(default)]
    pub questionnaire: Option<SavedForm>,
    /// Item id → 0..4, or null for "Je ne sais pas".
    #[serde(default)]
    pub reponses: BTreeMap<String, Option<u8>>,
    #[serde(default)]
    pub favoris: Vec<String>,
    #[serde(default)]
    pub rejetes: Vec<String>,
    /// The person's département (code), if chosen.
    #[serde(default)]
    pub departement: Option<String>,
    /// The métiers being compared (ids), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comparaison: Vec<String>,
}

/// The questionnaire form, as saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SavedForm {
    Rapide,
    Complet,
}

impl From<Form> for SavedForm {
    fn from(f: Form) -> Self {
        match f {
            Form::Rapide => SavedForm::Rapide,
            Form::Complet => SavedForm::Complet,
        }
    }
}

impl From<SavedForm> for Form {
    fn from(f: SavedForm) -> Self {
        match f {
            SavedForm::Rapide => Form::Rapide,
            SavedForm::Complet => Form::Complet,
        }
    }
}

impl Saved {
    pub fn new(
        situation: &str,
        form: Option<Form>,
        answers: &Answers,
        favoris: &[String],
        rejetes: &[String],
    ) -> Self {
        let mut reponses = BTreeMap::new();
        for (id, a) in answers.iter() {
            reponses.insert(
                id.to_string(),
                match a {
                    Answer::Note(n) => Some(n),
                    Answer::NeSaitPas => None,
                },
            );
        }
        Saved {
            version: VERSION,
            situation: situation.to_string(),
            questionnaire: form.map(SavedForm::from),
            reponses,
            favoris: favoris.to_vec(),
            rejetes: rejetes.to_vec(),
            departement: None,
            comparaison: Vec::new(),
        }
    }

    /// The saved answers.
    pub fn answers(&self) -> Answers {
        let mut a = Answers::new();
        for (id, note) in &self.reponses {
            a.set(id, note.map_or(Answer::NeSaitPas, Answer::Note));
        }
        a
    }

    pub fn to_json(&self) -> String {
        // Serialising plain data to a String cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Why a saved session could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Read(#[from] crate::files::ReadError),
    #[error("{path} : fichier abîmé ({detail})")]
    Corrupt { path: String, detail: String },
    #[error(
        "{path} : enregistré par une version plus récente de Boussole (format {found}, celle-ci lit le format {VERSION})"
    )]
    Newer { path: String, found: u32 },
}

/// Parses a saved session. `path` is only used in messages.
pub fn parse(text: &str, path: &str) -> Result<Saved, LoadError> {
    #[derive(Deserialize)]
    struct VersionOnly {
        version: u32,
    }
    let corrupt = |detail: String| LoadError::Corrupt {
        path: path.to_string(),
        detail,
    };
    let v: VersionOnly = serde_json::from_str(text).map_err(|e| corrupt(json_fr(&e)))?;
    if v.version > VERSION {
        return Err(LoadError::Newer {
            path: path.to_string(),
            found: v.version,
        });
    }
    serde_json::from_str(text).map_err(|e| corrupt(json_fr(&e)))
}

/// A JSON error in French, with its line and column.
fn json_fr(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Io => "erreur de lecture",
        Category::Syntax => "JSON mal formé",
        Category::Eof => "fichier incomplet",
        Category::Data => "contenu inattendu",
    };
    format!("{what}, ligne {} colonne {}", e.line(), e.column())
}

/// Where sessions are kept: a file in a data directory.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// What happened when the store was opened.
#[derive(Debug)]
pub enum Opened {
    /// Nothing saved.
    Empty,
    Loaded(Saved),
    /// The file was unusable and has been moved aside to `moved_to`.
    MovedAside {
        error: LoadError,
        moved_to: PathBuf,
    },
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// Reads the saved session, moving an unusable file aside (too big, not
    /// a regular file, not UTF-8, not a session of this version).
    pub fn open(&self, stamp: &str) -> std::io::Result<Opened> {
        use crate::files::{ReadError, read_regular};
        let path = self.path();
        let shown = path.display().to_string();
        let result = match read_regular(&path, MAX_BYTES) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => parse(&t, &shown),
                Err(_) => Err(LoadError::Corrupt {
                    path: shown.clone(),
                    detail: "ce n'est pas du texte UTF-8".to_string(),
                }),
            },
            Err(e) if e.is_not_found() => return Ok(Opened::Empty),
            Err(ReadError::Io { source, .. }) => return Err(source),
            Err(e) => Err(LoadError::Read(e)),
        };
        match result {
            Ok(saved) => Ok(Opened::Loaded(saved)),
            Err(error) => {
                let moved_to = crate::files::move_aside(&path, "session-illisible", stamp, "json")?;
                Ok(Opened::MovedAside { error, moved_to })
            }
        }
    }

    /// Writes the session atomically, readable by its owner only.
    pub fn save(&self, saved: &Saved) -> Result<PathBuf, crate::files::WriteError> {
        crate::files::write_atomic(&self.dir, FILE_NAME, saved.to_json().as_bytes())
    }

    /// Removes everything saved (the session and files moved aside).
    pub fn erase(&self) -> std::io::Result<usize> {
        let mut removed = 0;
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Ok(0);
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name == FILE_NAME
                || name.starts_with("session-illisible-")
                || name.starts_with(&format!(".{FILE_NAME}"))
            {
                std::fs::remove_file(e.path())?;
                removed += 1;
            }
        }
        // Remove the directory if it is now empty; keep it otherwise.
        let _ = std::fs::remove_dir(&self.dir);
        Ok(removed)
    }
}

/// Reads a session file given on the command line (no moving aside).
pub fn read_file(path: &Path) -> Result<Saved, LoadError> {
    let text = crate::files::read_text(path, MAX_BYTES)?;
    parse(&text, &path.display().to_string())
}
