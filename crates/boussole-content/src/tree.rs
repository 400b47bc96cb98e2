//! Which files of a content directory are content: the top-level `*.toml`
//! files and those of `metiers/`, `formations/` and `etablissements/`. Shared by the loader and
//! by build.rs (which includes this file), so both see the same files.

use std::path::{Path, PathBuf};

/// Sub-folders that hold content files.
pub const FOLDERS: [&str; 3] = ["metiers", "formations", "etablissements"];

/// The content files below `root`, as (path relative to `root` with `/`
/// separators, full path), sorted by relative path.
pub fn toml_files(root: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut files = Vec::new();
    collect(root, root, &mut files)?;
    files.sort();
    Ok(files)
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let relative = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if path.is_dir() {
            if dir == root && FOLDERS.contains(&relative.as_str()) {
                collect(root, &path, files)?;
            }
        } else if path.extension().is_some_and(|e| e == "toml") {
            files.push((relative, path));
        }
    }
    Ok(())
}
