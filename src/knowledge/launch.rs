//! The launch facts of a server entry, gathered once from the model: the
//! command line's words, its env, URL and headers, and the package, image
//! or command they run.

use crate::clients::Field;
use crate::model::McpFile;
use crate::syntax::source::Span;

/// The launch facts of every server of a file, each gathered on first use
/// and shared by every rule that asks (most rules ask of every server).
pub struct Launches<'f, 't> {
    file: &'f McpFile<'t>,
    each: Vec<std::cell::OnceCell<Launch<'t>>>,
}

impl<'f, 't> Launches<'f, 't> {
    pub fn new(file: &'f McpFile<'t>) -> Self {
        Launches {
            file,
            each: (0..file.servers.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
        }
    }

    /// The launch facts of server `server`.
    pub fn of(&self, server: usize) -> &Launch<'t> {
        self.each[server].get_or_init(|| Launch::of(self.file, server))
    }
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
    /// The command line came out of a shell string (`sh -c "npx -y pkg"`):
    /// its words all carry that string's span, so no edit may use them.
    pub in_shell_string: bool,
    /// The normal forms of `packages()`, built on first use: every profile
    /// asks, and a command line may have many words.
    normal_packages: std::cell::OnceCell<std::collections::HashSet<String>>,
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
        launch.unwrap_shell();
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

    /// The launch facts of a command line written as one string, split on
    /// spaces (the examples of the advisory data): no spans, no env.
    pub fn of_line(line: &'t str) -> Self {
        let mut words = line.split_whitespace();
        let mut launch = Launch {
            command: words.next(),
            args: words.map(|w| (w, Span::default())).collect(),
            ..Launch::default()
        };
        launch.words.extend(launch.command);
        launch.unwrap_shell();
        launch.words.extend(launch.args.iter().map(|(a, _)| *a));
        launch
    }

    /// See through a shell that only starts the server: `cmd /c npx -y pkg`
    /// runs `npx -y pkg`, and so does `sh -c "exec npx -y pkg"` (the last
    /// command of the string, after any `cd dir &&`).
    fn unwrap_shell(&mut self) {
        let Some(command) = self.command else { return };
        if self.words.len() != 1 {
            return;
        }
        let shell = basename(command).to_ascii_lowercase();
        match shell.as_str() {
            "cmd"
                if self
                    .args
                    .first()
                    .is_some_and(|(a, _)| a.eq_ignore_ascii_case("/c")) =>
            {
                if self.args.len() < 2 {
                    return;
                }
                let program = self.args[1].0;
                self.command = Some(program);
                self.args.drain(..2);
                self.words = vec![program];
            }
            "sh" | "bash" | "zsh" | "dash" => {
                let Some(at) = self
                    .args
                    .iter()
                    .position(|(a, _)| matches!(*a, "-c" | "-lc" | "-ic" | "-ec"))
                else {
                    return;
                };
                let Some(&(script, span)) = self.args.get(at + 1) else {
                    return;
                };
                // A pipeline does more than start a server: left as it is.
                if script.contains('|') {
                    return;
                }
                let last = script
                    .split("&&")
                    .flat_map(|part| part.split(';'))
                    .map(str::trim)
                    .filter(|part| !part.is_empty())
                    .last()
                    .unwrap_or("");
                let mut words = last
                    .split_whitespace()
                    .map(|w| w.trim_matches(['"', '\'']))
                    .skip_while(|w| *w == "exec");
                let Some(program) = words.next() else { return };
                self.command = Some(program);
                self.words = vec![program];
                self.args = words.map(|w| (w, span)).collect();
                self.in_shell_string = true;
            }
            _ => {}
        }
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

    /// Does this entry run the package whose [`normal_form`] is `normal`?
    pub fn runs_normal_package(&self, normal: &str) -> bool {
        self.normal_packages
            .get_or_init(|| self.packages().into_iter().map(normal_form).collect())
            .contains(normal)
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

/// Do two package names name the same package? npm names (`@scope/name`)
/// compare exactly; PyPI names compare as PyPI does (case aside, `-`, `_`
/// and `.` are one separator: `awslabs.ecs-mcp-server` is
/// `awslabs-ecs-mcp-server`).
pub fn same_package(a: &str, b: &str) -> bool {
    if a.starts_with('@') || b.starts_with('@') {
        return a == b;
    }
    // Most words are not the package: the last letter tells most apart
    // before the normal forms are walked.
    let last = |s: &str| {
        s.trim_end_matches(['-', '_', '.'])
            .bytes()
            .last()
            .map(|b| b.to_ascii_lowercase())
    };
    a == b || (last(a) == last(b) && pypi_normal(a).eq(pypi_normal(b)))
}

/// The form in which [`same_package`] compares a name.
pub fn normal_form(name: &str) -> String {
    if name.starts_with('@') {
        name.to_string()
    } else {
        String::from_utf8(pypi_normal(name).collect()).unwrap_or_else(|_| name.to_string())
    }
}

/// A PyPI name's normal form, byte by byte, without allocating: lower
/// case, and each run of `-`, `_` and `.` one `-`.
fn pypi_normal(name: &str) -> impl Iterator<Item = u8> + '_ {
    let separator = |b: u8| matches!(b, b'-' | b'_' | b'.');
    let mut after_separator = false;
    name.trim_matches(['-', '_', '.'])
        .bytes()
        .filter_map(move |b| {
            let run = separator(b) && after_separator;
            after_separator = separator(b);
            match (run, separator(b)) {
                (true, _) => None,
                (false, true) => Some(b'-'),
                (false, false) => Some(b.to_ascii_lowercase()),
            }
        })
}

/// An image without its tag or digest.
pub fn image_name(image: &str) -> &str {
    let image = image.split('@').next().unwrap_or(image);
    match image.rfind(':') {
        Some(i) if !image[i..].contains('/') => &image[..i],
        _ => image,
    }
}

/// An image's name as a registry knows it: no tag or digest, and
/// `docker.io/library/x` is `x`.
pub fn normal_image(image: &str) -> &str {
    let name = image_name(image);
    let name = name.strip_prefix("docker.io/").unwrap_or(name);
    name.strip_prefix("library/").unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pypi_names_compare_in_normal_form_and_npm_names_exactly() {
        assert!(same_package(
            "awslabs.ecs-mcp-server",
            "awslabs-ecs-mcp-server"
        ));
        assert!(same_package(
            "awslabs.ecs-mcp-server",
            "AWSLabs_ECS__mcp.server"
        ));
        assert!(!same_package(
            "awslabs.ecs-mcp-server",
            "awslabs.eks-mcp-server"
        ));
        assert!(!same_package(
            "awslabs.ecs-mcp-server",
            "awslabsecs-mcp-server"
        ));
        assert!(!same_package("@acme/mcp-server", "@acme/mcp.server"));
        assert!(same_package("@acme/mcp-server", "@acme/mcp-server"));
    }

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
