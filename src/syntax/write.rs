//! Safe writes: a temporary file in the same directory, renamed over the
//! target, keeping its permissions; never through a symlink, and never
//! over a file that changed on disk since it was read.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0} is a symlink; mcplint does not write through links")]
    Symlink(String),
    #[error("{0} changed on disk since it was read; run mcplint again")]
    Changed(String),
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
}

fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.mcplint-{}-{n}.tmp", std::process::id()))
}

/// Replace `path` with `contents`. `expected` is what the file held when
/// it was read (`None`: it must not exist yet); `new_mode` applies to a
/// file created here, an existing file keeps its mode.
pub fn atomically(
    path: &Path,
    contents: &[u8],
    expected: Option<&[u8]>,
    new_mode: u32,
) -> Result<(), WriteError> {
    with_mode(path, contents, expected, &|old| old.unwrap_or(new_mode)).map(|_| ())
}

/// Mode bits a file of secrets must not have: any access by group or others.
pub const NOT_PRIVATE: u32 = 0o077;

/// [`atomically`] for a file that holds secrets: whatever its mode was, it
/// is written readable and writable by its owner alone (0600). Returns the
/// mode it had when that was looser, so the caller can say it tightened it.
pub fn secret_file(
    path: &Path,
    contents: &[u8],
    expected: Option<&[u8]>,
) -> Result<Option<u32>, WriteError> {
    let old = with_mode(path, contents, expected, &|_| 0o600)?;
    Ok(old.filter(|m| m & NOT_PRIVATE != 0))
}

/// Write as [`atomically`] does, with the mode `mode` chooses from the
/// existing file's (if any); returns the existing file's mode.
fn with_mode(
    path: &Path,
    contents: &[u8],
    expected: Option<&[u8]>,
    mode: &dyn Fn(Option<u32>) -> u32,
) -> Result<Option<u32>, WriteError> {
    let shown = path.display().to_string();
    let io = |e| WriteError::Io(shown.clone(), e);
    let existing = std::fs::symlink_metadata(path);
    if existing.as_ref().is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(WriteError::Symlink(shown));
    }
    #[cfg(unix)]
    let old_mode = {
        use std::os::unix::fs::PermissionsExt;
        existing
            .as_ref()
            .ok()
            .map(|m| m.permissions().mode() & 0o7777)
    };
    #[cfg(not(unix))]
    let old_mode = None;
    #[cfg_attr(not(unix), allow(unused_variables))]
    let mode = mode(old_mode);
    let tmp = temp_path(path);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    let result = (|| {
        let mut file = options.open(&tmp).map_err(io)?;
        file.write_all(contents).map_err(io)?;
        file.sync_all().map_err(io)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // The umask may have narrowed the mode at creation.
            std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(mode)).map_err(io)?;
        }
        let now = std::fs::read(path).ok();
        if now.as_deref() != expected {
            return Err(WriteError::Changed(shown.clone()));
        }
        std::fs::rename(&tmp, path).map_err(io)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map(|()| old_mode)
}

/// Make an existing file of secrets private (0600) without rewriting it;
/// returns the looser mode it had, if it had one.
pub fn make_private(path: &Path) -> Result<Option<u32>, WriteError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let shown = path.display().to_string();
        let meta = std::fs::symlink_metadata(path).map_err(|e| WriteError::Io(shown.clone(), e))?;
        if meta.file_type().is_symlink() {
            return Err(WriteError::Symlink(shown));
        }
        let mode = meta.permissions().mode() & 0o7777;
        if mode & NOT_PRIVATE == 0 {
            return Ok(None);
        }
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| WriteError::Io(shown, e))?;
        Ok(Some(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(None)
    }
}

/// A lock held while a file is read, changed and written, so concurrent
/// runs do not lose each other's additions.
pub struct Lock(PathBuf);

impl Lock {
    pub fn acquire(path: &Path) -> Option<Lock> {
        let lock = path.with_file_name(format!(
            ".{}.mcplint.lock",
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        for _ in 0..500 {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&lock)
            {
                Ok(_) => return Some(Lock(lock)),
                Err(_) => std::thread::sleep(std::time::Duration::from_millis(10)),
            }
        }
        None
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
