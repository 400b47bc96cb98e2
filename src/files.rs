//! Reading and writing files safely on a machine shared by many people.
//!
//! - Reads accept regular files only (not a directory, a pipe or a device:
//!   a FIFO would block, `/dev/zero` never ends) and stop at a size cap.
//! - Writes go to a temporary file with a unique name, created with
//!   `O_EXCL | O_NOFOLLOW` and mode 0600, flushed to disk, then renamed over
//!   the target: a pre-placed symbolic link is never followed, two instances
//!   never share a temporary file, and nothing is left behind on failure.
//! - A damaged file is moved aside under a name that is not taken yet: it is
//!   never overwritten.
//!
//! Messages are in French and name the file.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::text::io_error_fr;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path} : lecture impossible ({})", io_error_fr(.source))]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{path} : ce n'est pas un fichier ordinaire (dossier, tube ou périphérique)")]
    NotRegular { path: String },
    #[error("{path} : fichier trop gros ({size} octets ; au plus {cap})")]
    TooBig { path: String, size: u64, cap: u64 },
}

impl ReadError {
    /// Whether the file does not exist (often not an error: nothing saved).
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io { source, .. } if source.kind() == io::ErrorKind::NotFound)
    }
}

/// Reads a regular file of at most `cap` bytes. Symbolic links are followed,
/// but what they lead to must be a regular file too. Opening never blocks
/// (a FIFO without writer is refused, not waited for).
pub fn read_regular(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let shown = || path.display().to_string();
    let io = |source| ReadError::Io {
        path: shown(),
        source,
    };
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
        .map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular { path: shown() });
    }
    if meta.len() > cap {
        return Err(ReadError::TooBig {
            path: shown(),
            size: meta.len(),
            cap,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The file may grow while it is read: never read more than the cap.
    file.take(cap + 1).read_to_end(&mut bytes).map_err(io)?;
    let size = bytes.len() as u64;
    if size > cap {
        return Err(ReadError::TooBig {
            path: shown(),
            size,
            cap,
        });
    }
    Ok(bytes)
}

/// Reads a regular UTF-8 text file of at most `cap` bytes.
pub fn read_text(path: &Path, cap: u64) -> Result<String, ReadError> {
    let bytes = read_regular(path, cap)?;
    String::from_utf8(bytes).map_err(|_| ReadError::Io {
        path: path.display().to_string(),
        source: io::Error::from(io::ErrorKind::InvalidData),
    })
}

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{path} : écriture impossible ({})", io_error_fr(.source))]
pub struct WriteError {
    pub path: String,
    #[source]
    pub source: io::Error,
}

/// Creates a directory (and its parents) readable by its owner only.
fn create_private_dir(dir: &Path) -> io::Result<()> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

/// A temporary name in `dir` that no other process uses: the process id, the
/// time and a counter.
fn temp_name(name: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(".{name}.{}-{nanos}-{n}.tmp", std::process::id())
}

/// Writes `bytes` to `dir/name` atomically, readable by the owner only
/// (0600), and returns the path. On failure no temporary file is left.
pub fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, WriteError> {
    let target = dir.join(name);
    let fail = |path: &Path, source| WriteError {
        path: path.display().to_string(),
        source,
    };
    create_private_dir(dir).map_err(|e| fail(dir, e))?;
    let (tmp, mut file) = open_temp(dir, name).map_err(|e| fail(&target, e))?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| {
            drop(file);
            std::fs::rename(&tmp, &target)
        });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(&target, e));
    }
    // Make the rename itself durable; a failure here loses nothing written.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(target)
}

/// The first of `base`, `base-2`, `base-3`… for which no `stem.ext` exists in
/// `dir` for any of `exts`: an export never replaces an earlier one.
pub fn free_stem(dir: &Path, base: &str, exts: &[&str]) -> String {
    let taken = |stem: &str| {
        exts.iter()
            .any(|ext| std::fs::symlink_metadata(dir.join(format!("{stem}.{ext}"))).is_ok())
    };
    if !taken(base) {
        return base.to_string();
    }
    (2u32..)
        .map(|n| format!("{base}-{n}"))
        .find(|stem| !taken(stem))
        .unwrap_or_else(|| base.to_string())
}

/// Creates a new temporary file next to `name`: never an existing file,
/// never through a symbolic link.
fn open_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    let mut last = io::Error::from(io::ErrorKind::AlreadyExists);
    for _ in 0..16 {
        let tmp = dir.join(temp_name(name));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .open(&tmp)
        {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// Moves `path` aside, into the same directory, as `{stem}-{stamp}.{ext}`,
/// or `{stem}-{stamp}-2.{ext}`… if that name is taken: an earlier file moved
/// aside is never overwritten.
pub fn move_aside(path: &Path, stem: &str, stamp: &str, ext: &str) -> io::Result<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new("."));
    for n in 1..=1000 {
        let name = if n == 1 {
            format!("{stem}-{stamp}.{ext}")
        } else {
            format!("{stem}-{stamp}-{n}.{ext}")
        };
        let candidate = dir.join(name);
        // A hard link fails if the name exists: no window where two
        // processes pick the same name.
        match std::fs::hard_link(path, &candidate) {
            Ok(()) => {
                std::fs::remove_file(path)?;
                return Ok(candidate);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            // No hard links here (some file systems): check, then rename.
            Err(_) => match std::fs::symlink_metadata(&candidate) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    std::fs::rename(path, &candidate)?;
                    return Ok(candidate);
                }
                _ => {}
            },
        }
    }
    Err(io::Error::from(io::ErrorKind::AlreadyExists))
}

#[cfg(test)]
mod tests {
    #[test]
    fn free_stem_never_reuses_a_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        assert_eq!(free_stem(d, "r", &["md", "html"]), "r");
        std::fs::write(d.join("r.html"), "x").expect("write");
        assert_eq!(free_stem(d, "r", &["md", "html"]), "r-2");
        std::fs::write(d.join("r-2.md"), "x").expect("write");
        assert_eq!(free_stem(d, "r", &["md", "html"]), "r-3");
    }

    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn reads_refuse_what_is_not_a_small_regular_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let f = dir.path().join("a.toml");
        std::fs::write(&f, "0123456789").expect("write");
        assert_eq!(read_regular(&f, 10).expect("read").len(), 10);
        let e = read_regular(&f, 9).expect_err("too big");
        assert!(
            e.to_string()
                .ends_with("fichier trop gros (10 octets ; au plus 9)")
        );
        let e = read_regular(dir.path(), 9).expect_err("a directory");
        assert!(e.to_string().contains("pas un fichier ordinaire"), "{e}");
        let e = read_regular(Path::new("/dev/zero"), 1 << 20).expect_err("a device");
        assert!(e.to_string().contains("pas un fichier ordinaire"), "{e}");
        let missing = read_regular(&dir.path().join("absent"), 9).expect_err("missing");
        assert!(missing.is_not_found());
        assert!(
            missing
                .to_string()
                .contains("fichier ou dossier introuvable")
        );
    }

    #[test]
    fn a_fifo_is_refused_at_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("config.toml");
        let c = std::ffi::CString::new(fifo.display().to_string()).expect("path");
        // SAFETY: mkfifo with a valid C string.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = read_regular(&fifo, 1024).expect_err("a fifo");
        assert!(e.to_string().contains("pas un fichier ordinaire"), "{e}");
    }

    #[test]
    fn writes_are_private_atomic_and_leave_nothing_behind() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = write_atomic(dir.path(), "s.json", b"{}").expect("write");
        let mode = std::fs::metadata(&p).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        // A symbolic link in place of the target is replaced, not followed.
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").expect("write");
        let link = dir.path().join("l.json");
        std::os::unix::fs::symlink(&victim, &link).expect("symlink");
        write_atomic(dir.path(), "l.json", b"new").expect("write");
        assert_eq!(std::fs::read_to_string(&victim).expect("read"), "keep");
        assert_eq!(std::fs::read_to_string(&link).expect("read"), "new");
        // A failed rename (the target is a non-empty directory) leaves no temporary file.
        std::fs::create_dir_all(dir.path().join("d.json").join("x")).expect("dir");
        let e = write_atomic(dir.path(), "d.json", b"x").expect_err("fails");
        assert!(
            e.to_string().contains("d.json : écriture impossible ("),
            "{e}"
        );
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
    }

    #[test]
    fn files_moved_aside_are_never_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("session.json");
        let mut moved = Vec::new();
        for text in ["un", "deux", "trois"] {
            std::fs::write(&p, text).expect("write");
            moved.push(
                move_aside(&p, "session-illisible", "20261201-003000", "json").expect("move"),
            );
        }
        assert!(!p.exists());
        let texts: Vec<String> = moved
            .iter()
            .map(|m| std::fs::read_to_string(m).expect("read"))
            .collect();
        assert_eq!(texts, ["un", "deux", "trois"]);
        assert!(moved[1].ends_with("session-illisible-20261201-003000-2.json"));
    }
}
