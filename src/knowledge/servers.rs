//! Server profiles (`rules/servers/*.toml`): how the most used MCP servers
//! are recognised, which launch settings narrow them, which widen them,
//! and which of their tools destroy. Plus the launch facts every profile
//! needs: the package, image or URL a server entry runs.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::clients::Field;
use crate::knowledge::detect::pattern::Pattern;
use crate::model::McpFile;
use crate::syntax::source::Span;

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

/// A server entry's launch facts, gathered once from the model.
#[derive(Debug, Default)]
pub struct Launch<'t> {
    pub command: Option<&'t str>,
    /// Every word of the command line: `command` split on spaces, then args.
    pub words: Vec<&'t str>,
    /// `args` as written, with their spans.
    pub args: Vec<(&'t str, Span)>,
    pub env: Vec<(&'t str, &'t str, Span)>,
    pub url: Option<(&'t str, Span)>,
    pub headers: Vec<(&'t str, &'t str, Span)>,
    pub name_span: Span,
}

impl<'t> Launch<'t> {
    pub fn of(file: &McpFile<'t>, server: usize) -> Self {
        let s = &file.servers[server];
        let mut launch = Launch {
            command: s.command,
            name_span: s.name_span,
            ..Launch::default()
        };
        launch
            .words
            .extend(s.command.into_iter().flat_map(str::split_whitespace));
        for site in file.sites_of(server) {
            let text = site.text();
            match site.field {
                Field::Args => launch.args.push((text, site.node.span)),
                Field::Env => {
                    launch
                        .env
                        .push((site.name.unwrap_or_default(), text, site.node.span))
                }
                Field::Url if launch.url.is_none() => launch.url = Some((text, site.node.span)),
                Field::Headers => {
                    launch
                        .headers
                        .push((site.name.unwrap_or_default(), text, site.node.span))
                }
                _ => {}
            }
        }
        launch.words.extend(launch.args.iter().map(|(a, _)| *a));
        // A bridge such as `npx mcp-remote https://…` names the remote server in its args.
        if launch.url.is_none() {
            launch.url = launch
                .args
                .iter()
                .find(|(a, _)| a.starts_with("https://") || a.starts_with("http://"))
                .copied();
        }
        launch
    }

    /// The value of flag `--name` (`--name=v` or `--name v`), or `Some("")`
    /// for a bare flag, with the span of the argument that holds it.
    pub fn flag(&self, name: &str) -> Option<(&'t str, Span)> {
        for (i, (arg, span)) in self.args.iter().enumerate() {
            if let Some(value) = arg.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
                return Some((value, *span));
            }
            if arg == &name {
                let value = self
                    .args
                    .get(i + 1)
                    .map(|(v, _)| *v)
                    .filter(|v| !v.starts_with('-'))
                    .unwrap_or("");
                return Some((value, *span));
            }
        }
        None
    }

    /// Env var `name` from the env block or a docker `-e NAME[=value]`.
    pub fn env_var(&self, name: &str) -> Option<(&'t str, Span)> {
        if let Some((_, v, span)) = self
            .env
            .iter()
            .find(|(k, _, _)| k.eq_ignore_ascii_case(name))
        {
            return Some((v, *span));
        }
        self.args.iter().find_map(|(arg, span)| {
            let (k, v) = arg.split_once('=').unwrap_or((arg, ""));
            (k == name).then_some((v, *span))
        })
    }

    /// Package names this entry runs (`npx -y @scope/pkg@1.2` → `@scope/pkg`).
    pub fn packages(&self) -> Vec<&'t str> {
        self.words
            .iter()
            .filter(|w| !w.starts_with('-'))
            .map(|w| package_name(w))
            .collect()
    }

    /// The container image of a `docker run` / `podman run` entry.
    pub fn image(&self) -> Option<(&'t str, Span)> {
        let runner = self.command.map(basename)?;
        if !matches!(runner, "docker" | "podman" | "nerdctl") {
            return None;
        }
        let run = self.args.iter().position(|(a, _)| *a == "run")?;
        let mut skip_value = false;
        for (arg, span) in &self.args[run + 1..] {
            if skip_value {
                skip_value = false;
                continue;
            }
            if arg.starts_with('-') {
                skip_value = !arg.contains('=') && takes_value(arg);
                continue;
            }
            return Some((arg, *span));
        }
        None
    }
}

/// Docker run flags whose value is the next argument.
fn takes_value(flag: &str) -> bool {
    matches!(
        flag,
        "-e" | "--env"
            | "-v"
            | "--volume"
            | "--mount"
            | "--name"
            | "--network"
            | "--net"
            | "-p"
            | "--publish"
            | "--env-file"
            | "-w"
            | "--workdir"
            | "-u"
            | "--user"
            | "--entrypoint"
            | "--platform"
            | "--label"
            | "-l"
            | "--cap-add"
            | "--cap-drop"
            | "--pid"
            | "--add-host"
            | "--memory"
            | "-m"
            | "--cpus"
            | "--restart"
            | "--hostname"
            | "-h"
            | "--device"
            | "--security-opt"
            | "--ulimit"
    )
}

pub fn basename(command: &str) -> &str {
    let base = command.rsplit(['/', '\\']).next().unwrap_or(command);
    base.strip_suffix(".exe").unwrap_or(base)
}

/// `@scope/name@1.2.3` → `@scope/name`; `name==1.0` → `name`.
pub fn package_name(word: &str) -> &str {
    let word = word.split("==").next().unwrap_or(word);
    match word.strip_prefix('@') {
        Some(rest) => match rest.find('@') {
            Some(i) => &word[..i + 1],
            None => word,
        },
        None => word.split('@').next().unwrap_or(word),
    }
}

/// An image without its tag or digest.
pub fn image_name(image: &str) -> &str {
    let image = image.split('@').next().unwrap_or(image);
    match image.rfind(':') {
        Some(i) if !image[i..].contains('/') => &image[..i],
        _ => image,
    }
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
        let packages = launch.packages();
        m.packages.iter().any(|p| packages.contains(&p.as_str()))
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
            self.matches.packages.iter().any(|p| package_name(a) == p)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_and_image_names() {
        assert_eq!(
            package_name("@modelcontextprotocol/server-github@2025.4.8"),
            "@modelcontextprotocol/server-github"
        );
        assert_eq!(package_name("@stripe/mcp"), "@stripe/mcp");
        assert_eq!(package_name("mcp-server-fetch==1.2"), "mcp-server-fetch");
        assert_eq!(package_name("mcp-remote@latest"), "mcp-remote");
        assert_eq!(
            image_name("ghcr.io/github/github-mcp-server:v1"),
            "ghcr.io/github/github-mcp-server"
        );
        assert_eq!(image_name("localhost:5000/x"), "localhost:5000/x");
        assert_eq!(image_name("mcp/postgres@sha256:abc"), "mcp/postgres");
    }
}
