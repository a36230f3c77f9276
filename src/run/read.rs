//! A file's bytes from disk, or why they cannot be had: a missing file, a
//! directory, a FIFO or device, one over the size limit.

use std::io::Read;
use std::path::Path;

/// Files larger than this are refused unless `--max-file-size` says more:
/// a 50 MB `~/.claude.json` is normal, a 1 GB "config" is not.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// The bytes of `path`, at most `max_size` of them; the message otherwise.
pub fn bytes(path: &Path, max_size: u64) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| io_message(&e))?;
    if meta.is_dir() {
        return Err("is a directory, but its name is that of an MCP config file".into());
    }
    if !meta.is_file() {
        return Err("is not a regular file (a FIFO, socket or device); not read".into());
    }
    if meta.len() > max_size {
        return Err(format!(
            "is {}, larger than the {} limit; raise it with --max-file-size",
            human_size(meta.len()),
            human_size(max_size)
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(max_size + 1).read_to_end(&mut bytes))
        .map_err(|e| io_message(&e))?;
    if bytes.len() as u64 > max_size {
        return Err(format!(
            "grew past the {} limit while being read",
            human_size(max_size)
        ));
    }
    Ok(bytes)
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied; the file could not be read".into()
        }
        _ if e.raw_os_error() == Some(40) => {
            "too many levels of symbolic links (a symlink loop)".into()
        }
        _ => format!("could not be read: {e}"),
    }
}

pub fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else if bytes >= 1024 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{bytes} bytes")
    }
}
