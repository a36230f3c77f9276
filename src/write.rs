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
/// file created here.
pub fn atomically(
    path: &Path,
    contents: &[u8],
    expected: Option<&[u8]>,
    new_mode: u32,
) -> Result<(), WriteError> {
    let shown = path.display().to_string();
    let io = |e| WriteError::Io(shown.clone(), e);
    let existing = std::fs::symlink_metadata(path);
    if existing.as_ref().is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(WriteError::Symlink(shown));
    }
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        existing
            .as_ref()
            .map_or(new_mode, |m| m.permissions().mode() & 0o7777)
    };
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
    result
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
