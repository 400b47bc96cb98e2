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

/// Why a content directory could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum DirError {
    #[error("{0}: ce dossier de contenu n'existe pas")]
    Missing(String),
    #[error("{0}: ce n'est pas un dossier")]
    NotADirectory(String),
    #[error("{path}: lecture impossible ({source})")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Reads every `.toml` file of a content directory (top level, `metiers/`, `formations/`, `etablissements/`).
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
    listed
        .into_iter()
        .map(|(relative, path)| {
            let bytes = std::fs::read(&path).map_err(|e| io(&path, e))?;
            Ok(SourceFile {
                relative,
                shown: path.display().to_string(),
                bytes,
            })
        })
        .collect()
}
