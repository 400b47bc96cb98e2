//! Where content files come from: the set bundled in the binary, or a directory.

use std::path::Path;

/// One content file before parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the content root, with `/` separators (e.g. `metiers/h.toml`).
    pub relative: String,
    /// Path as shown in messages (e.g. `content/metiers/h.toml`).
    pub shown: String,
    pub bytes: Vec<u8>,
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The bundled content compiled by build.rs (postcard).
static COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.postcard"));

/// Decodes the compiled bundled content.
pub fn compiled() -> Result<super::Content, postcard::Error> {
    postcard::from_bytes(COMPILED)
}

/// The content files compiled into the binary, as `(relative path, text)`.
pub fn bundled_files() -> &'static [(&'static str, &'static str)] {
    embedded::BUNDLED
}

/// The bundled content as source files, shown as `content/…`.
pub fn bundled_sources() -> Vec<SourceFile> {
    bundled_files()
        .iter()
        .map(|(relative, text)| SourceFile {
            relative: (*relative).to_string(),
            shown: format!("content/{relative}"),
            bytes: text.as_bytes().to_vec(),
        })
        .collect()
}

/// The largest content file read (the biggest bundled one is about 130 kB).
pub const MAX_FILE_BYTES: u64 = 4 << 20;
/// The most content read from a directory, all files together: checking it
/// takes about thirty times as much memory.
pub const MAX_TOTAL_BYTES: u64 = 8 << 20;

/// Why a content directory could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum DirError {
    #[error("{0}: ce dossier de contenu n'existe pas")]
    Missing(String),
    #[error("{0}: ce n'est pas un dossier")]
    NotADirectory(String),
    #[error("{path}: lecture impossible ({})", crate::text::io_error_fr(.source))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    File(#[from] crate::files::ReadError),
    #[error(
        "{0}: trop de contenu (plus de {max} Mo en tout) ; Boussole refuse de le charger",
        max = MAX_TOTAL_BYTES >> 20
    )]
    TooMuch(String),
}

/// Reads every `.toml` file of a content directory (top level, `metiers/`,
/// `formations/`, `etablissements/`): regular files only, each and all
/// together within a cap.
pub fn read_dir(root: &Path) -> Result<Vec<SourceFile>, DirError> {
    let shown_root = root.display().to_string();
    if !root.exists() {
        return Err(DirError::Missing(shown_root));
    }
    if !root.is_dir() {
        return Err(DirError::NotADirectory(shown_root));
    }
    let io = |path: &Path, source| DirError::Io {
        path: path.display().to_string(),
        source,
    };
    let listed = super::tree::toml_files(root).map_err(|e| io(root, e))?;
    let mut total = 0u64;
    listed
        .into_iter()
        .map(|(relative, path)| {
            let bytes = crate::files::read_regular(&path, MAX_FILE_BYTES)?;
            total += bytes.len() as u64;
            if total > MAX_TOTAL_BYTES {
                return Err(DirError::TooMuch(shown_root.clone()));
            }
            Ok(SourceFile {
                relative,
                shown: path.display().to_string(),
                bytes,
            })
        })
        .collect()
}
