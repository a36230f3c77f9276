//! Server profiles (`rules/servers/*.toml`): how the most used MCP servers
//! are recognised, which launch settings narrow them, which widen them,
//! and which of their tools destroy.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::knowledge::detect::pattern::Pattern;
use crate::syntax::source::Span;

use super::launch::{basename, image_name, normal_form, package_name, same_package, Launch};

/// `(file name, JSON)` of every embedded profile.
pub static FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/server_files.rs"));

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub provider: String,
    #[serde(rename = "match")]
    pub matches: Match,
    pub narrow: Option<Narrow>,
    #[serde(default)]
    pub widen: Vec<Widen>,
    #[serde(default)]
    pub destructive_tools: Vec<String>,
    /// Tool names (or `prefix_*` globs) that only read, for suggesting
    /// approvals that name tools the server really has.
    #[serde(default)]
    pub read_tools: Vec<String>,
    /// Every tool only reads (search, fetch): running with all of them
    /// widens nothing, so the server is never called unnarrowed.
    #[serde(default)]
    pub read_only: bool,
    /// What its tools can do, for messages ("drive a browser with your
    /// sessions"); when absent, messages say whether write tools are among
    /// them.
    #[serde(default)]
    pub tools_can: Option<String>,
    /// Credentials the server takes as a flag or from its environment.
    #[serde(default)]
    pub secret_flag: Vec<SecretFlag>,
    #[serde(default)]
    pub example: Vec<ProfileExample>,
}

/// A credential flag the server also reads from an environment variable:
/// `literal-secret` moves a literal value there, out of the command line
/// (which every local user can read in the process list).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecretFlag {
    /// The flag, with its dashes (`--api-key`).
    pub arg: String,
    pub env: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Match {
    #[serde(default)]
    pub packages: Vec<String>,
    /// `packages` in the form they compare in, built on first use.
    #[serde(skip)]
    normal_packages: OnceLock<Vec<String>>,
    #[serde(default)]
    pub images: Vec<String>,
    #[serde(default)]
    pub commands: Vec<String>,
    #[serde(default)]
    pub urls: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Narrow {
    #[serde(default)]
    pub args: Vec<String>,
    #[serde(default)]
    pub env: Vec<String>,
    #[serde(default)]
    pub url: Vec<String>,
    #[serde(default)]
    pub headers: Vec<String>,
    #[serde(default)]
    pub suggest: String,
    /// The server starts narrowed: its write tools are off unless a
    /// widening setting turns them on (`--allow-write`).
    #[serde(default)]
    pub by_default: bool,
    /// Settings `--unsafe-fixes` may add, first applicable wins.
    #[serde(default)]
    pub fix: Vec<NarrowFix>,
}

/// One narrowing setting the unsafe fix of `unnarrowed-server` adds, for
/// the launches known to honour it: an environment variable (a `docker
/// run` also gets `-e NAME`), a flag after the server's own arguments
/// (never for containers, whose arguments replace the image's command),
/// or a header of a remote server.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NarrowFix {
    /// What it does, for the fix title ("switch on read-only mode").
    pub title: String,
    /// The launches it is known to work for; the profile's own match when absent.
    #[serde(rename = "match")]
    pub matches: Option<Match>,
    pub env: Option<String>,
    pub arg: Option<String>,
    pub header: Option<String>,
    /// The value of `env` or `header`.
    pub value: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Widen {
    pub arg: Option<String>,
    pub arg_pattern: Option<String>,
    pub env: Option<String>,
    pub value: Option<String>,
    pub url: Option<String>,
    pub header: Option<String>,
    pub message: String,
    /// `arg_pattern` and `value`, compiled on first use.
    #[serde(skip)]
    compiled: OnceLock<(Option<Pattern>, Option<Pattern>)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileExample {
    pub server: String,
    pub expect: Expect,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Expect {
    Wide,
    Narrowed,
    Widened,
    Other,
}

pub fn load(files: &[(&str, &str)]) -> Result<Vec<Profile>, String> {
    files
        .iter()
        .map(|(name, text)| {
            serde_json::from_str(text).map_err(|e| format!("rules/servers/{name}: {e}"))
        })
        .collect()
}

pub fn builtin() -> &'static [Profile] {
    static BUILTIN: OnceLock<Vec<Profile>> = OnceLock::new();
    BUILTIN.get_or_init(|| load(FILES).expect("embedded server profiles are checked by tests"))
}

/// What a profile concludes about one server entry.
#[derive(Debug)]
pub struct Verdict<'p> {
    /// A narrowing knob is present (or the profile offers none).
    pub narrowed: bool,
    /// Widening settings found, with where.
    pub widened: Vec<(&'p Widen, Span)>,
}

impl Profile {
    pub fn matches(&self, launch: &Launch) -> bool {
        self.matches.accepts(launch)
    }

    /// The narrowing setting the unsafe fix adds to this launch, if one is
    /// known to work for the way it runs.
    pub fn narrowing_fix(&self, launch: &Launch) -> Option<&NarrowFix> {
        let remote = launch.command.is_none() && launch.url.is_some();
        let container = launch.image().is_some();
        self.narrow.as_ref()?.fix.iter().find(|f| {
            f.matches.as_ref().unwrap_or(&self.matches).accepts(launch)
                && if remote {
                    f.header.is_some()
                } else if container {
                    f.env.is_some()
                } else {
                    f.env.is_some() || f.arg.is_some()
                }
        })
    }
}

impl Match {
    pub fn accepts(&self, launch: &Launch) -> bool {
        let m = self;
        m.normal_packages
            .get_or_init(|| m.packages.iter().map(|p| normal_form(p)).collect())
            .iter()
            .any(|p| launch.runs_normal_package(p))
            || launch
                .image()
                .is_some_and(|(i, _)| m.images.iter().any(|x| x == image_name(i)))
            || launch
                .command
                .is_some_and(|c| m.commands.iter().any(|x| x == basename(c)))
            || launch
                .url
                .is_some_and(|(u, _)| m.urls.iter().any(|x| u.starts_with(x.as_str())))
    }
}

impl Profile {
    /// Arguments after the package or image this profile matched: the
    /// directories of a filesystem server, the repository of a git server.
    fn positional_after_match(&self, launch: &Launch) -> bool {
        let start = launch.args.iter().position(|(a, _)| {
            let a = *a;
            self.matches
                .packages
                .iter()
                .any(|p| same_package(p, package_name(a)))
                || self.matches.images.iter().any(|i| image_name(a) == i)
                || self.matches.commands.iter().any(|c| basename(a) == c)
        });
        let rest = match start {
            Some(i) => &launch.args[i + 1..],
            None if launch
                .command
                .is_some_and(|c| self.matches.commands.iter().any(|x| x == basename(c))) =>
            {
                &launch.args[..]
            }
            None => return false,
        };
        rest.iter().any(|(a, _)| !a.starts_with('-'))
    }

    pub fn judge<'p>(&'p self, launch: &Launch) -> Verdict<'p> {
        let narrowed = match &self.narrow {
            // Nothing to narrow with: the server always runs as it is.
            None => false,
            // Writes are opt-in: narrowed until a widening setting says otherwise.
            Some(n) if n.by_default => true,
            // Narrowed by what it is given to work on (directories, a repository).
            Some(n)
                if n.args.is_empty()
                    && n.env.is_empty()
                    && n.url.is_empty()
                    && n.headers.is_empty() =>
            {
                self.positional_after_match(launch)
            }
            Some(n) => {
                n.args.iter().any(|a| launch.flag(a).is_some())
                    || n.env.iter().any(|e| launch.env_var(e).is_some())
                    || n.url
                        .iter()
                        .any(|u| launch.url.is_some_and(|(url, _)| url.contains(u.as_str())))
                    || n.headers.iter().any(|h| {
                        launch
                            .headers
                            .iter()
                            .any(|(k, _, _)| k.eq_ignore_ascii_case(h))
                    })
            }
        };
        let widened = self
            .widen
            .iter()
            .filter_map(|w| w.fires(launch).map(|span| (w, span)))
            .collect();
        Verdict { narrowed, widened }
    }
}

impl Widen {
    fn patterns(&self) -> &(Option<Pattern>, Option<Pattern>) {
        self.compiled.get_or_init(|| {
            let compile = |p: &Option<String>| p.as_deref().and_then(|p| Pattern::new(p).ok());
            (compile(&self.arg_pattern), compile(&self.value))
        })
    }

    fn value_ok(&self, value: &str) -> bool {
        self.value.is_none()
            || self
                .patterns()
                .1
                .as_ref()
                .is_some_and(|r| r.is_match(value))
    }

    /// Where this widening setting is, if present.
    pub fn fires(&self, launch: &Launch) -> Option<Span> {
        if let Some(arg) = &self.arg {
            let (name, fixed) = match arg.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (arg.as_str(), None),
            };
            if let Some((value, span)) = launch.flag(name) {
                if fixed.is_none_or(|f| f.eq_ignore_ascii_case(value)) && self.value_ok(value) {
                    return Some(span);
                }
            }
        }
        if let Some(re) = &self.patterns().0 {
            if let Some((_, span)) = launch
                .args
                .iter()
                .find(|(a, _)| re.is_match(a) && !local_url(a))
            {
                return Some(*span);
            }
        }
        if let Some(name) = &self.env {
            if let Some((value, span)) = launch.env_var(name) {
                if self.value_ok(value) && !local_url(value) {
                    return Some(span);
                }
            }
        }
        if let (Some(sub), Some((url, span))) = (&self.url, launch.url) {
            if url.contains(sub.as_str()) {
                return Some(span);
            }
        }
        if let Some(h) = &self.header {
            if let Some((_, v, span)) = launch
                .headers
                .iter()
                .find(|(k, _, _)| k.eq_ignore_ascii_case(h))
            {
                if self.value_ok(v) {
                    return Some(*span);
                }
            }
        }
        None
    }
}

/// A URL on this machine (a local development database's superuser is
/// the developer's own business).
fn local_url(value: &str) -> bool {
    let Some((_, rest)) = value.split_once("://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host_port = authority.rsplit('@').next().unwrap_or(authority);
    let host = match host_port.rsplit_once(':') {
        Some((h, p)) if p.chars().all(|c| c.is_ascii_digit()) => h,
        _ => host_port,
    };
    super::hosts::is_loopback(host)
}

/// The profiles that recognise a server entry.
pub fn profiles_for<'p>(profiles: &'p [Profile], launch: &Launch) -> Vec<&'p Profile> {
    profiles.iter().filter(|p| p.matches(launch)).collect()
}
