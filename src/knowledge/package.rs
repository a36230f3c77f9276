//! The package or image a server entry downloads and runs, and the version
//! its launch line asks for: `npx -y mcp-remote@0.1.10`, `uvx --from
//! mcp-server-git==0.6.2 mcp-server-git`, `docker run mcp/fetch:1.2`.
//! A local path (`npx ./server`, `uvx --from ./tools/mcp`) is not a package.

use super::launch::{basename, Launch};
use crate::syntax::source::Span;

/// Where a package comes from, and so how its versions are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ecosystem {
    /// npm, through npx, bunx, `pnpm dlx` or `yarn dlx`: semver.
    Npm,
    /// PyPI, through uvx or `pipx run`: PEP 440.
    PyPi,
    /// A container image run by docker, podman or nerdctl.
    Container,
}

impl Ecosystem {
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "npm" => Some(Ecosystem::Npm),
            "PyPI" => Some(Ecosystem::PyPi),
            "container" => Some(Ecosystem::Container),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Ecosystem::Npm => "npm",
            Ecosystem::PyPi => "PyPI",
            Ecosystem::Container => "container",
        }
    }
}

/// What the launch line says about the version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pin<'t> {
    /// One exact version (`@0.1.10`, `==0.6.2`, `:v1.2.0`), with its byte
    /// range in the spec text.
    Exact(&'t str, std::ops::Range<usize>),
    /// No version, a dist-tag (`latest`, `next`) or a range (`^0.1`,
    /// `>=1`): the newest match, or whatever the runner has cached.
    Floating,
    /// An image digest: a fixed image whose version the line does not say.
    Digest,
    /// Something that is neither a version, a tag nor a range (non-ASCII,
    /// over-long, garbled): an unknown version.
    Unknown(&'t str),
}

/// The package a server entry runs.
#[derive(Debug, Clone)]
pub struct Launched<'t> {
    pub ecosystem: Ecosystem,
    /// The name without version: `@scope/pkg`, `mcp-server-git`, `mcp/fetch`.
    pub name: &'t str,
    /// The word that names it, as written (`mcp-remote@0.1.10`).
    pub spec: &'t str,
    pub pin: Pin<'t>,
    /// The span of the argument that holds `spec`.
    pub span: Span,
    /// `spec` is a whole argument of the entry's `args`, so an edit of its
    /// version can be placed (not inside a shell string or `command`).
    pub editable: bool,
}

/// The runner of a launch line, and how many of its words come before its
/// own arguments (`pnpm dlx` is two).
fn runner(launch: &Launch) -> Option<(Ecosystem, usize)> {
    let words: Vec<&str> = launch.words.iter().map(|w| basename(w)).collect();
    match (words.first().copied()?, words.get(1).copied()) {
        ("npx" | "bunx", _) => Some((Ecosystem::Npm, 1)),
        ("pnpm" | "yarn", Some("dlx")) => Some((Ecosystem::Npm, 2)),
        ("npm", Some("exec")) => Some((Ecosystem::Npm, 2)),
        ("uvx", _) => Some((Ecosystem::PyPi, 1)),
        ("uv", Some("tool" | "x")) => Some((Ecosystem::PyPi, 2)),
        ("pipx", Some("run")) => Some((Ecosystem::PyPi, 2)),
        _ => None,
    }
}

/// Runner flags whose value is the next word.
fn takes_value(flag: &str) -> bool {
    matches!(
        flag,
        "--from"
            | "--spec"
            | "--package"
            | "-p"
            | "--python"
            | "--with"
            | "--index-url"
            | "--index"
            | "--extra-index-url"
            | "--registry"
            | "--cache"
            | "--userconfig"
            | "--call"
            | "-c"
    )
}

/// The package a stdio entry downloads and runs, if it runs one.
pub fn launched<'t>(launch: &Launch<'t>) -> Option<Launched<'t>> {
    if let Some((image, span)) = launch.image() {
        return Some(Launched {
            ecosystem: Ecosystem::Container,
            name: super::launch::image_name(image),
            spec: image,
            pin: image_pin(image),
            span,
            editable: !launch.in_shell_string,
        });
    }
    let (ecosystem, runner_words) = runner(launch)?;
    // The words after the runner, with the span of the argument that holds
    // each (the command's own words carry no argument span).
    let from_command = launch.words.len() - launch.args.len();
    let mut words = launch
        .words
        .iter()
        .enumerate()
        .skip(runner_words)
        .map(|(i, w)| {
            let arg = i.checked_sub(from_command).map(|a| launch.args[a].1);
            (*w, arg)
        });
    let mut chosen = None;
    while let Some((word, span)) = words.next() {
        if word == "--" {
            continue;
        }
        if let Some(flag) = word.strip_prefix("--").and_then(|f| f.split_once('=')) {
            if matches!(flag.0, "from" | "spec" | "package") {
                chosen = Some((flag.1, span, true));
                break;
            }
            continue;
        }
        if word.starts_with('-') {
            if matches!(word, "--from" | "--spec" | "--package" | "-p") {
                if let Some((value, span)) = words.next() {
                    chosen = Some((value, span, false));
                    break;
                }
                return None;
            }
            if takes_value(word) {
                words.next();
            }
            continue;
        }
        chosen = Some((word, span, false));
        break;
    }
    let (spec, span, after_equals) = chosen?;
    if is_local(spec) {
        return None;
    }
    let (name, pin) = match ecosystem {
        Ecosystem::Npm => npm_pin(spec),
        _ => python_pin(spec),
    };
    if name.is_empty() {
        return None;
    }
    let editable = span.is_some() && !launch.in_shell_string && !after_equals;
    Some(Launched {
        ecosystem,
        name,
        spec,
        pin,
        span: span.unwrap_or(launch.name_span),
        editable,
    })
}

/// A path, a URL or a VCS spec: what runs is not a published version.
fn is_local(spec: &str) -> bool {
    spec.starts_with(['.', '/', '~', '\\'])
        || spec.contains("://")
        || spec.starts_with("git+")
        || spec.starts_with("file:")
        || spec.starts_with("github:")
        || spec.ends_with(".tgz")
        || spec.ends_with(".whl")
        || spec.as_bytes().get(1) == Some(&b':')
}

/// `@scope/pkg@1.2.3` → (`@scope/pkg`, exact 1.2.3); `pkg@^1` → floating.
fn npm_pin(spec: &str) -> (&str, Pin<'_>) {
    let at = match spec.strip_prefix('@') {
        Some(rest) => rest.find('@').map(|i| i + 1),
        None => spec.find('@'),
    };
    let Some(at) = at else {
        return (spec, Pin::Floating);
    };
    let version = &spec[at + 1..];
    let pin = if is_exact(version, 3) && !version.starts_with('v') {
        Pin::Exact(version, at + 1..spec.len())
    } else {
        floating_or_unknown(version)
    };
    (&spec[..at], pin)
}

/// `pkg==1.2.3` or `pkg@1.2.3` (uvx) → exact; `pkg[extra]==1.0` too;
/// `pkg>=1`, `pkg~=1.2`, `pkg@latest` → floating.
fn python_pin(spec: &str) -> (&str, Pin<'_>) {
    let end = spec
        .find(['=', '@', '<', '>', '~', '!', '[', ';', ' '])
        .unwrap_or(spec.len());
    let name = &spec[..end];
    // `pkg[extra1,extra2]==1.0`: the version follows the extras.
    let rest_at = match spec[end..].strip_prefix('[') {
        Some(extras) => extras.find(']').map_or(spec.len(), |i| end + i + 2),
        None => end,
    };
    let tail = &spec[rest_at..];
    let (version, offset) = if let Some(v) = tail.strip_prefix("===") {
        (v, 3)
    } else if let Some(v) = tail.strip_prefix("==") {
        (v, 2)
    } else if let Some(v) = tail.strip_prefix('@') {
        (v, 1)
    } else {
        return (name, Pin::Floating);
    };
    let version = version.trim();
    let start = rest_at + offset;
    if is_exact(version, 1) {
        (name, Pin::Exact(version, start..start + version.len()))
    } else {
        (name, floating_or_unknown(version))
    }
}

/// A version text that is not one exact version: a tag (`latest`) or a
/// range (`^0.1`, `1.x`, `>=1,<2`) floats; anything else is unknown.
fn floating_or_unknown(version: &str) -> Pin<'_> {
    let reads = version.len() <= 64
        && version
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b" .-+_^~<>=*|,!".contains(&b));
    if reads {
        Pin::Floating
    } else {
        Pin::Unknown(version)
    }
}

/// Does `version` name one version, not a tag such as `latest` nor a
/// range such as `1.x`? Its release part must have at least `parts`
/// numeric components (npm's `@1` is a range; PyPI's `==1` is exact).
fn is_exact(version: &str, parts: usize) -> bool {
    let digits = version.strip_prefix('v').unwrap_or(version);
    if digits.is_empty() || digits.len() > 64 || !digits.is_ascii() {
        return false;
    }
    if digits.contains(['^', '~', '>', '<', '*', '|', ' ', ',']) {
        return false;
    }
    let release = digits.split(['-', '+']).next().unwrap_or_default();
    let numeric = release
        .split('.')
        .take_while(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
        .count();
    numeric >= parts && digits.starts_with(|c: char| c.is_ascii_digit())
}

/// `image:tag` → exact tag; `image@sha256:…` → digest; no tag or `latest`
/// → floating.
fn image_pin(image: &str) -> Pin<'_> {
    if image.contains("@sha256:") {
        return Pin::Digest;
    }
    let last = image.rfind('/').map_or(0, |i| i + 1);
    match image[last..].split_once(':') {
        Some((_, tag)) if is_exact(tag, 1) => {
            let start = image.len() - tag.len();
            Pin::Exact(tag, start..image.len())
        }
        Some((_, tag)) if floating_or_unknown(tag) != Pin::Floating => Pin::Unknown(tag),
        _ => Pin::Floating,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn launch_of(line: &str) -> Option<(Ecosystem, String, Pin<'static>)> {
        let line: &'static str = Box::leak(line.to_string().into_boxed_str());
        launched(&Launch::of_line(line)).map(|l| (l.ecosystem, l.name.to_string(), l.pin))
    }

    fn exact(line: &str) -> Option<String> {
        match launch_of(line)?.2 {
            Pin::Exact(v, _) => Some(v.to_string()),
            _ => None,
        }
    }

    #[test]
    fn npm_runners_and_their_pins() {
        assert_eq!(
            exact("npx -y mcp-remote@0.1.10 https://mcp.acme-corp.net/sse").as_deref(),
            Some("0.1.10")
        );
        assert_eq!(
            exact("bunx @modelcontextprotocol/server-filesystem@2025.3.28 /srv").as_deref(),
            Some("2025.3.28")
        );
        assert_eq!(
            exact("pnpm dlx mcp-remote@0.1.16-beta.1 https://x").as_deref(),
            Some("0.1.16-beta.1")
        );
        assert_eq!(
            exact("npx --package=mcp-remote@0.1.2 mcp-remote https://x").as_deref(),
            Some("0.1.2")
        );
        let line = "npx --package=mcp-remote@0.1.2 mcp-remote https://x";
        assert!(
            !launched(&Launch::of_line(line)).unwrap().editable,
            "the version sits inside a flag"
        );
        let (eco, name, pin) = launch_of("npx -y @playwright/mcp@latest").unwrap();
        assert_eq!(
            (eco, name.as_str(), pin),
            (Ecosystem::Npm, "@playwright/mcp", Pin::Floating)
        );
        assert_eq!(
            launch_of("npx -y mcp-remote@^0.1.10 https://x").unwrap().2,
            Pin::Floating
        );
        assert_eq!(
            launch_of("npx -y mcp-remote https://x").unwrap().2,
            Pin::Floating
        );
        assert_eq!(
            exact("npx -p mcp-remote@0.1.3 mcp-remote https://x").as_deref(),
            Some("0.1.3")
        );
        assert_eq!(
            exact("npm exec -- mcp-remote@0.1.3 https://x").as_deref(),
            Some("0.1.3")
        );
    }

    #[test]
    fn python_runners_and_their_pins() {
        assert_eq!(
            exact("uvx mcp-server-git==2025.1.14 --repository .").as_deref(),
            Some("2025.1.14")
        );
        assert_eq!(
            exact("uvx mcp-server-fetch@2025.4.7").as_deref(),
            Some("2025.4.7")
        );
        assert_eq!(
            exact("uvx --from mcp-server-git==0.6.2 mcp-server-git").as_deref(),
            Some("0.6.2")
        );
        assert_eq!(
            exact("uvx --from awslabs.aws-api-mcp-server[extra]==1.0.post1 aws").as_deref(),
            Some("1.0.post1")
        );
        assert_eq!(
            exact("pipx run mcp-server-git==0.6.2").as_deref(),
            Some("0.6.2")
        );
        assert_eq!(
            exact("pipx run --spec mcp-server-git==0.6.2 mcp-server-git").as_deref(),
            Some("0.6.2")
        );
        assert_eq!(
            launch_of("uvx mcp-server-git>=0.6").unwrap().2,
            Pin::Floating
        );
        assert_eq!(
            launch_of("uvx mcp-server-git@latest").unwrap().2,
            Pin::Floating
        );
        assert_eq!(launch_of("uvx mcp-server-git").unwrap().1, "mcp-server-git");
    }

    #[test]
    fn a_local_path_or_url_is_not_a_package() {
        assert!(launch_of("npx ./tools/server").is_none());
        assert!(launch_of("uvx --from ./tools/mcp mcp").is_none());
        assert!(launch_of("uvx --from git+https://github.com/acme/mcp mcp").is_none());
        assert!(launch_of("npx C:\\tools\\mcp").is_none());
        assert!(launch_of("node /srv/mcp/index.js").is_none());
    }

    #[test]
    fn images_with_tag_or_digest() {
        assert_eq!(
            exact("docker run -i --rm mcp/fetch:1.2.0").as_deref(),
            Some("1.2.0")
        );
        assert_eq!(
            exact("docker run -i --rm ghcr.io/github/github-mcp-server:v0.9.1").as_deref(),
            Some("v0.9.1")
        );
        assert_eq!(
            launch_of("docker run -i mcp/fetch@sha256:0123abcd")
                .unwrap()
                .2,
            Pin::Digest
        );
        assert_eq!(
            launch_of("docker run -i mcp/fetch:latest").unwrap().2,
            Pin::Floating
        );
        assert_eq!(
            launch_of("podman run -i localhost:5000/mcp/fetch")
                .unwrap()
                .2,
            Pin::Floating
        );
    }

    #[test]
    fn hostile_versions_are_never_exact_and_never_panic() {
        let huge = format!("npx -y mcp-remote@{}", "9.".repeat(5000));
        assert!(matches!(launch_of(&huge).unwrap().2, Pin::Unknown(_)));
        assert_eq!(
            launch_of("npx -y mcp-remote@٣.١.٤").unwrap().2,
            Pin::Unknown("٣.١.٤")
        );
        assert_eq!(
            launch_of("uvx mcp-server-git==é.1").unwrap().2,
            Pin::Unknown("é.1")
        );
        assert_eq!(
            launch_of("docker run -i mcp/fetch:v1\u{202e}").unwrap().2,
            Pin::Unknown("v1\u{202e}")
        );
        for line in [
            "npx @",
            "npx -y @@",
            "uvx ==",
            "uvx [",
            "uvx a[==1",
            "docker run :",
            "docker run x:",
        ] {
            let _ = launch_of(line);
        }
    }
}
