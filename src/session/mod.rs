//! What a person chose to keep: answers, favourites, rejected métiers.
//!
//! Nothing is saved unless the person asks ("Enregistrer"); never in kiosk
//! mode. The file is JSON with a format version; it is written atomically
//! (temporary file, then rename). A file that cannot be read, or that comes
//! from a newer version, is moved aside (never deleted) with a clear message.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::quiz::{Answer, Answers, Form};

/// The format this version writes and reads.
pub const VERSION: u32 = 1;
/// File name inside the data directory.
pub const FILE_NAME: &str = "session.json";

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
    #[error("{path} : lecture impossible ({source})")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
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
    let v: VersionOnly = serde_json::from_str(text).map_err(|e| corrupt(e.to_string()))?;
    if v.version > VERSION {
        return Err(LoadError::Newer {
            path: path.to_string(),
            found: v.version,
        });
    }
    serde_json::from_str(text).map_err(|e| corrupt(e.to_string()))
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

    /// Reads the saved session, moving an unusable file aside.
    pub fn open(&self, stamp: &str) -> std::io::Result<Opened> {
        let path = self.path();
        let text = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Opened::Empty),
            Err(e) => return Err(e),
        };
        let shown = path.display().to_string();
        let result = match String::from_utf8(text) {
            Ok(t) => parse(&t, &shown),
            Err(e) => Err(LoadError::Corrupt {
                path: shown.clone(),
                detail: e.to_string(),
            }),
        };
        match result {
            Ok(saved) => Ok(Opened::Loaded(saved)),
            Err(error) => {
                let moved_to = self.dir.join(format!("session-illisible-{stamp}.json"));
                std::fs::rename(&path, &moved_to)?;
                Ok(Opened::MovedAside { error, moved_to })
            }
        }
    }

    /// Writes the session atomically: a temporary file in the same directory,
    /// flushed to disk, then renamed over the old one.
    pub fn save(&self, saved: &Saved) -> std::io::Result<PathBuf> {
        std::fs::create_dir_all(&self.dir)?;
        let path = self.path();
        let tmp = self.dir.join(format!(".{FILE_NAME}.tmp"));
        {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(saved.to_json().as_bytes())?;
            f.sync_all()?;
        }
        std::fs::rename(&tmp, &path)?;
        Ok(path)
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
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
        path: shown.clone(),
        source,
    })?;
    parse(&text, &shown)
}
