//! Finding MCP configs: a parallel walk that honours `.gitignore`, `.ignore`
//! and git's excludes, enters hidden directories (`.cursor`, `.claude`, …)
//! but never `.git`, and recognises configs by path through the one format
//! table. Paths named on the command line are linted even when ignored.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::{WalkBuilder, WalkState};

use crate::clients::{self, recognise, Format};
use crate::lint::FileError;
use crate::syntax::source::display_path;

/// A config file to lint.
#[derive(Clone, Debug)]
pub struct Target {
    pub path: PathBuf,
    pub display: String,
    pub format: &'static Format,
    /// Why the file was read as `format` when its content, not its path,
    /// said so.
    pub why: Option<String>,
}

#[derive(Default)]
pub struct Discovered {
    pub targets: Vec<Target>,
    pub errors: Vec<FileError>,
}

/// Walk every path; a file named explicitly is a target when its name is an
/// MCP config's, and is skipped silently otherwise (pre-commit passes every
/// staged file).
pub fn discover(paths: &[PathBuf], cwd: &Path, forced: Option<&'static Format>) -> Discovered {
    discover_with(paths, cwd, &|path: &Path| {
        forced.or_else(|| clients::for_path(path))
    })
}

/// [`discover`] with a custom recogniser (`--client`, the config file's
/// per-glob clients).
pub fn discover_with(
    paths: &[PathBuf],
    cwd: &Path,
    recognise: &(dyn Fn(&Path) -> Option<&'static Format> + Sync),
) -> Discovered {
    let mut found = Discovered::default();
    for path in paths {
        let display = display_path(path, cwd);
        match std::fs::symlink_metadata(path) {
            Err(_) => found.errors.push(FileError {
                file: display,
                message: "no such file or directory".into(),
                is_config: false,
            }),
            Ok(meta) if meta.is_dir() => {
                if let Some(format) = clients::for_path(path) {
                    found.errors.push(FileError {
                        file: display.clone(),
                        message: format!(
                            "is a directory, but its name is that of a {} file",
                            format.describes
                        ),
                        is_config: true,
                    });
                }
                walk(path, cwd, recognise, &mut found);
            }
            _ => {
                // `mcp.json` named from inside `.vscode/` is still VS Code's.
                let located = || {
                    let absolute = cwd.join(path);
                    recognise(&absolute.canonicalize().unwrap_or(absolute))
                };
                if let Some(format) = recognise(path).or_else(located) {
                    found.targets.push(Target {
                        path: path.clone(),
                        display,
                        format,
                        why: None,
                    });
                } else if let Some(by) = probe(path) {
                    found.targets.push(Target {
                        path: path.clone(),
                        display,
                        format: by.format,
                        why: Some(by.why),
                    });
                }
            }
        }
    }
    found.targets.sort_by(|a, b| a.display.cmp(&b.display));
    found
        .targets
        .dedup_by(|a, b| a.path == b.path || a.display == b.display);
    found.errors.sort_by(|a, b| a.file.cmp(&b.file));
    found
}

fn walk(
    root: &Path,
    cwd: &Path,
    recognise: &(dyn Fn(&Path) -> Option<&'static Format> + Sync),
    found: &mut Discovered,
) {
    let targets = Mutex::new(Vec::new());
    let errors = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(12));
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let canonical_root = &canonical_root;
    WalkBuilder::new(root)
        .hidden(false)
        .ignore(true)
        .git_ignore(true)
        .git_global(true)
        .git_exclude(true)
        .parents(true)
        // Outside a git checkout `.gitignore` files still apply (the ignore
        // crate's default would skip them); inside one, only the checkout's
        // own do, so a `*` in a `.gitignore` above the repository hides nothing.
        .require_git(in_git_checkout(root))
        .follow_links(false)
        .threads(threads)
        .filter_entry(|e| e.file_name() != ".git")
        .build_parallel()
        .run(|| {
            let targets = &targets;
            let errors = &errors;
            Box::new(move |entry| {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(err) => {
                        // A directory we cannot enter may hide configs: say so.
                        if let (Some(path), Some(io)) = (walk_error_path(&err), io_cause(&err)) {
                            let why = if io.kind() == std::io::ErrorKind::PermissionDenied {
                                "permission denied".to_string()
                            } else {
                                io.to_string()
                            };
                            errors.lock().unwrap().push(FileError {
                                file: display_path(&path, cwd),
                                message: format!("could not be searched: {why}"),
                                is_config: false,
                            });
                        }
                        return WalkState::Continue;
                    }
                };
                if entry.depth() == 0 {
                    return WalkState::Continue;
                }
                let (format, why) = match recognise(entry.path()) {
                    Some(format) => (format, None),
                    None if entry.file_type().is_some_and(|t| t.is_file()) => {
                        match probe(entry.path()) {
                            Some(by) => (by.format, Some(by.why)),
                            None => return WalkState::Continue,
                        }
                    }
                    None => return WalkState::Continue,
                };
                let display = display_path(entry.path(), cwd);
                if entry.file_type().is_some_and(|t| t.is_dir()) {
                    errors.lock().unwrap().push(FileError {
                        file: display,
                        message: format!(
                            "is a directory, but its name is that of a {} file",
                            format.describes
                        ),
                        is_config: true,
                    });
                } else if let Some(target) = leaves_the_tree(entry.path(), canonical_root) {
                    // A repository under review must not make mcplint read
                    // (and quote) a file of the machine it runs on.
                    errors.lock().unwrap().push(FileError {
                        file: display,
                        message: format!(
                            "is a symbolic link to `{}`, outside the linted tree; not followed (name the link itself to lint it)",
                            target.display()
                        ),
                        is_config: true,
                    });
                } else {
                    targets.lock().unwrap().push(Target {
                        path: entry.into_path(),
                        display,
                        format,
                        why,
                    });
                }
                WalkState::Continue
            })
        });
    found.targets.extend(targets.into_inner().unwrap());
    found.errors.extend(errors.into_inner().unwrap());
}

/// Read a file whose name suggests MCP, and recognise it by its content.
/// Anything that is not a small UTF-8 file of an MCP shape is skipped
/// quietly: it is not known to be a config, so it is no parse error.
pub fn probe(path: &Path) -> Option<recognise::ByContent> {
    if !recognise::name_suggests_mcp(path) {
        return None;
    }
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > recognise::MAX_PROBE {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    recognise::by_content(path, std::str::from_utf8(&bytes).ok()?)
}

/// The link text of a symlink found by the walk whose target lies outside
/// `root` (shown as written, so nothing of the machine's layout is told; a
/// dangling link or a loop is left to the reader's clearer message).
fn leaves_the_tree(path: &Path, root: &Path) -> Option<PathBuf> {
    if !std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return None;
    }
    let target = path.canonicalize().ok()?;
    if target.starts_with(root) {
        return None;
    }
    std::fs::read_link(path).ok()
}

/// Is `dir` inside a git working tree (a `.git` directory or file above it)?
fn in_git_checkout(dir: &Path) -> bool {
    let Ok(dir) = dir.canonicalize() else {
        return false;
    };
    dir.ancestors().any(|a| a.join(".git").exists())
}

fn walk_error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        _ => None,
    }
}

/// The I/O error under the walker's wrappers; other errors (a malformed
/// ignore file) do not stop the walk and are not reported.
fn io_cause(err: &ignore::Error) -> Option<&std::io::Error> {
    match err {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => io_cause(err),
        ignore::Error::Io(e) => Some(e),
        _ => None,
    }
}
