//! [`Files`]: what a backend produces. Backends never touch the disk; front ends decide whether to
//! write the files ([`Files::write_to`]), compare them ([`Files::check_against`], for `--check`) or
//! hand them to the compiler (the proc macro).
//!
//! [`write_atomic`] is the one way knit writes an output file (bindings, components, adapters,
//! graphs): into a temporary file in the target's folder, then renamed over the target, with the
//! permissions a plain `File::create` would give (`0o666` less the umask on Unix).

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

/// Generated files: relative path (with `/` separators) → contents, ordered by path so every
/// iteration and every write happens in the same order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Files {
    files: BTreeMap<String, Vec<u8>>,
}

/// A failure while writing [`Files`] to disk; names the file it was about.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The path is empty, absolute, or leaves the output folder (`..`).
    #[error(
        "refusing to write `{path}`: generated paths must be relative and stay inside the output folder"
    )]
    UnsafePath {
        /// The path as the backend gave it.
        path: String,
    },
    /// The file system refused an operation.
    #[error("failed to write `{}`: {source}", path.display())]
    Io {
        /// The file (or folder) being written.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
}

/// Why a file on disk does not match the generated one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Staleness {
    /// There is no file at the path.
    Missing,
    /// The file exists with different contents.
    Differs,
    /// The file could not be read, or the path is not a safe relative path.
    Unreadable(String),
}

/// One file that `--check` found out of date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaleFile {
    /// Where the file is (or should be): the checked folder joined with the relative path.
    pub path: PathBuf,
    /// What is wrong with it.
    pub reason: Staleness,
}

impl fmt::Display for StaleFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.reason {
            Staleness::Missing => write!(f, "{path}: missing"),
            Staleness::Differs => write!(f, "{path}: out of date"),
            Staleness::Unreadable(why) => write!(f, "{path}: cannot be checked ({why})"),
        }
    }
}

impl Files {
    /// Creates an empty set of files.
    pub fn new() -> Files {
        Files::default()
    }

    /// Adds (or replaces) the file at `path`, relative to the output folder with `/` separators.
    /// Returns the previous contents when the path was already present, so a backend can detect
    /// two generators producing the same file.
    pub fn insert(
        &mut self,
        path: impl Into<String>,
        contents: impl Into<Vec<u8>>,
    ) -> Option<Vec<u8>> {
        self.files.insert(path.into(), contents.into())
    }

    /// The contents of the file at `path`, if any.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// Every file, ordered by path.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(p, c)| (p.as_str(), c.as_slice()))
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Writes every file below `dir`, creating folders as needed. Each file is written to a temporary
    /// file in its target folder and then renamed over the target, so a reader never sees a half
    /// written file. Files whose contents already match are left untouched (their modification time
    /// does not change, so nothing rebuilds needlessly). Returns the paths that were written.
    pub fn write_to(&self, dir: &Path) -> Result<Vec<PathBuf>, WriteError> {
        let mut written = Vec::new();
        for (relative, contents) in &self.files {
            let target = safe_join(dir, relative).ok_or_else(|| WriteError::UnsafePath {
                path: relative.clone(),
            })?;
            if file_matches(&target, contents) {
                continue;
            }
            let parent = target.parent().unwrap_or(dir);
            std::fs::create_dir_all(parent).map_err(|source| WriteError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
            write_atomic(&target, contents)?;
            written.push(target);
        }
        Ok(written)
    }

    /// Compares every file with its counterpart below `dir` without writing anything, and returns
    /// the files that are missing or differ (empty when everything is up to date). Files on disk
    /// that are not part of `self` are ignored.
    pub fn check_against(&self, dir: &Path) -> Vec<StaleFile> {
        let mut stale = Vec::new();
        for (relative, contents) in &self.files {
            let Some(target) = safe_join(dir, relative) else {
                stale.push(StaleFile {
                    path: dir.join(relative),
                    reason: Staleness::Unreadable("not a relative path inside the folder".into()),
                });
                continue;
            };
            let reason = match std::fs::read(&target) {
                Ok(existing) if existing == *contents => continue,
                Ok(_) => Staleness::Differs,
                Err(e) if e.kind() == io::ErrorKind::NotFound => Staleness::Missing,
                Err(e) => Staleness::Unreadable(e.to_string()),
            };
            stale.push(StaleFile {
                path: target,
                reason,
            });
        }
        stale
    }
}

/// Writes `contents` to `path` atomically: into a temporary file in the same folder, which is then
/// renamed over `path`, so a reader sees the old file or the new one, never half of one. The file
/// gets the permissions `File::create` would give a new file (on Unix `0o666` less the process's
/// umask, usually `0o644`), not the owner-only mode of a temporary file. The folder must exist.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    let io_error = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".knit-").suffix(".tmp");
    // The mode is given to `open`, which applies the umask, exactly as for `File::create`.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temp = builder.tempfile_in(dir).map_err(io_error)?;
    temp.write_all(contents).map_err(io_error)?;
    temp.flush().map_err(io_error)?;
    temp.persist(path).map_err(|e| io_error(e.error))?;
    Ok(())
}

/// Joins `relative` (with `/` separators) onto `dir`, or `None` when it is empty, absolute or
/// climbs out with `..`.
fn safe_join(dir: &Path, relative: &str) -> Option<PathBuf> {
    let path = Path::new(relative);
    let mut joined = dir.to_path_buf();
    let mut parts = 0;
    for component in path.components() {
        match component {
            Component::Normal(part) => {
                joined.push(part);
                parts += 1;
            }
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (parts > 0).then_some(joined)
}

/// Whether the file at `path` holds exactly `contents`. The length is checked first, and the file
/// is then read in small pieces, so comparing a large generated file costs no large buffer.
fn file_matches(path: &Path, contents: &[u8]) -> bool {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    if file
        .metadata()
        .map_or(true, |m| m.len() != contents.len() as u64)
    {
        return false;
    }
    let mut buffer = [0u8; 16 * 1024];
    let mut rest = contents;
    loop {
        match file.read(&mut buffer) {
            Ok(0) => return rest.is_empty(),
            Ok(n) => {
                if n > rest.len() || buffer[..n] != rest[..n] {
                    return false;
                }
                rest = &rest[n..];
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Files {
        let mut files = Files::new();
        files.insert("src/bindings.rs", "fn a() {}\n");
        files.insert("README.md", b"hello".to_vec());
        files.insert("deep/nested/dir/x.txt", "x");
        files
    }

    #[test]
    fn file_matches_compares_whole_contents() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.rs");
        let mut contents = vec![b'x'; 40 * 1024 + 7];
        std::fs::write(&path, &contents).unwrap();
        assert!(super::file_matches(&path, &contents));
        *contents.last_mut().unwrap() = b'y';
        assert!(!super::file_matches(&path, &contents), "last byte differs");
        contents.pop();
        assert!(!super::file_matches(&path, &contents), "shorter");
        assert!(!super::file_matches(&dir.path().join("missing.rs"), b""));
    }

    #[test]
    fn iterates_in_path_order() {
        let files = sample();
        let paths: Vec<&str> = files.iter().map(|(p, _)| p).collect();
        assert_eq!(
            paths,
            ["README.md", "deep/nested/dir/x.txt", "src/bindings.rs"]
        );
        assert_eq!(files.len(), 3);
        assert_eq!(files.get("README.md"), Some(&b"hello"[..]));
    }

    #[test]
    fn insert_reports_replaced_contents() {
        let mut files = Files::new();
        assert_eq!(files.insert("a", "1"), None);
        assert_eq!(files.insert("a", "2"), Some(b"1".to_vec()));
    }

    #[test]
    fn write_then_check_is_clean() {
        let dir = tempfile::tempdir().unwrap();
        let files = sample();
        let written = files.write_to(dir.path()).unwrap();
        assert_eq!(written.len(), 3);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("deep/nested/dir/x.txt")).unwrap(),
            "x"
        );
        assert!(files.check_against(dir.path()).is_empty());
        // A second write changes nothing.
        assert!(files.write_to(dir.path()).unwrap().is_empty());
        // No temporary files are left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path().join("src"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["bindings.rs"]);
    }

    /// The process's umask, read without changing it (Linux reports it in `/proc/self/status`);
    /// `None` where it cannot be read.
    #[cfg(unix)]
    fn umask() -> Option<u32> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find_map(|l| l.strip_prefix("Umask:"))?;
        u32::from_str_radix(line.trim(), 8).ok()
    }

    #[cfg(unix)]
    #[test]
    fn written_files_get_ordinary_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        // What `File::create` gives a new file under this process's umask.
        let plain = dir.path().join("plain");
        std::fs::File::create(&plain).unwrap();
        let expected = std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777;
        if let Some(umask) = umask() {
            assert_eq!(expected, 0o666 & !umask);
        }
        // (Under a umask of 077 that is 0o600 too, and the check below cannot tell the difference.)
        let written = sample().write_to(dir.path()).unwrap();
        let single = dir.path().join("single.wasm");
        write_atomic(&single, b"\0asm").unwrap();
        for path in written.iter().chain([&single]) {
            let mode = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, expected, "{}: {mode:o}", path.display());
        }
        // Replacing a file keeps the ordinary mode, and no temporary file is left.
        write_atomic(&single, b"\0asm\x01").unwrap();
        let mode = std::fs::metadata(&single).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, expected);
        assert_eq!(std::fs::read(&single).unwrap(), b"\0asm\x01");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn write_atomic_names_the_file_it_could_not_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/folder/out.wasm");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert!(matches!(err, WriteError::Io { .. }), "{err}");
        assert!(err.to_string().contains("out.wasm"), "{err}");
    }

    #[test]
    fn check_reports_missing_and_changed_files_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let files = sample();
        files.write_to(dir.path()).unwrap();
        std::fs::write(dir.path().join("README.md"), "changed").unwrap();
        std::fs::remove_file(dir.path().join("src/bindings.rs")).unwrap();
        let stale = files.check_against(dir.path());
        assert_eq!(
            stale,
            [
                StaleFile {
                    path: dir.path().join("README.md"),
                    reason: Staleness::Differs
                },
                StaleFile {
                    path: dir.path().join("src/bindings.rs"),
                    reason: Staleness::Missing
                },
            ]
        );
        assert!(!dir.path().join("src/bindings.rs").exists());
        let shown = stale[1].to_string();
        assert!(shown.ends_with("bindings.rs: missing"), "{shown}");
        assert!(stale[0].to_string().ends_with("README.md: out of date"));
    }

    #[test]
    fn unsafe_paths_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for bad in ["../escape.rs", "/abs.rs", "", "a/../../b"] {
            let mut files = Files::new();
            files.insert(bad, "x");
            let err = files.write_to(dir.path()).unwrap_err();
            assert!(matches!(err, WriteError::UnsafePath { .. }), "{bad}: {err}");
            assert!(matches!(
                files.check_against(dir.path())[0].reason,
                Staleness::Unreadable(_)
            ));
        }
    }
}
