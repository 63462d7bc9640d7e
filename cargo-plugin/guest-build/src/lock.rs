//! A build lock shared by the threads of this process and by other processes: for a build folder
//! that several test runs (another `cargo test`, a benchmark, another checkout's run) may use at
//! the same time. Threads wait on an in-process table (file locks are not guaranteed to exclude
//! threads of one process on every platform); processes wait on an exclusive lock of a file.

use anyhow::{Context, Result};
use std::collections::BTreeSet;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, PoisonError};

/// Lock files held by a thread of this process, by canonical path.
static HELD: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());
/// Signalled whenever a lock in [`HELD`] is released.
static RELEASED: Condvar = Condvar::new();

/// An exclusive lock on a lock file, held until dropped.
#[derive(Debug)]
pub struct BuildLock {
    /// The lock file, locked.
    file: File,
    /// Its entry in [`HELD`].
    key: PathBuf,
}

impl BuildLock {
    /// Waits until no other thread or process holds the lock at `path`, then takes it. The file
    /// (and its folder) is created when missing; its contents are never read or changed.
    pub fn acquire(path: &Path) -> Result<BuildLock> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let file = File::options()
            .create(true)
            .write(true)
            .truncate(false)
            .open(path)
            .with_context(|| format!("opening the lock file {}", path.display()))?;
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        {
            let mut held = HELD.lock().unwrap_or_else(PoisonError::into_inner);
            while held.contains(&key) {
                held = RELEASED.wait(held).unwrap_or_else(PoisonError::into_inner);
            }
            held.insert(key.clone());
        }
        if let Err(e) = file.lock() {
            release(&key);
            return Err(e).with_context(|| format!("locking {}", path.display()));
        }
        Ok(BuildLock { file, key })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.key
    }
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        // Other processes first (closing the file would release it too), then this process's threads.
        let _ = self.file.unlock();
        release(&self.key);
    }
}

/// Removes `key` from [`HELD`] and wakes the threads waiting for a lock.
fn release(key: &Path) {
    HELD.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .remove(key);
    RELEASED.notify_all();
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn threads_take_turns() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/.build.lock");
        let inside = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    for _ in 0..5 {
                        let _lock = BuildLock::acquire(&path).unwrap();
                        let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(1));
                        inside.fetch_sub(1, Ordering::SeqCst);
                    }
                });
            }
        });
        assert_eq!(most.load(Ordering::SeqCst), 1);
        // Released: it can be taken again, and the lock file is still there (never deleted).
        drop(BuildLock::acquire(&path).unwrap());
        assert!(path.is_file());
    }

    /// Another process opens the file on its own; a second open of it stands in for one.
    #[cfg(any(target_os = "linux", target_os = "macos"))]
    #[test]
    fn other_processes_are_kept_out_until_release() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".build.lock");
        let lock = BuildLock::acquire(&path).unwrap();
        assert_eq!(lock.path(), std::fs::canonicalize(&path).unwrap());
        let other = File::options().write(true).open(&path).unwrap();
        assert!(other.try_lock().is_err(), "held by the lock");
        drop(lock);
        other.try_lock().unwrap();
    }

    #[test]
    fn an_unusable_lock_path_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("file");
        std::fs::write(&file, "").unwrap();
        let err = format!(
            "{:#}",
            BuildLock::acquire(&file.join("x.lock")).unwrap_err()
        );
        assert!(err.contains("x.lock") || err.contains("creating"), "{err}");
        // Nothing stays held after a failure.
        assert!(
            HELD.lock()
                .unwrap()
                .iter()
                .all(|k| !k.starts_with(dir.path()))
        );
    }
}
