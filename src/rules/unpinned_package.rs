use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Category, Finding, Persona, Severity};
use crate::knowledge::launch::{basename, package_name, Launch};
use crate::syntax::source::Span;

pub static META: RuleMeta = RuleMeta {
    id: "unpinned-package",
    summary: "a stdio server runs whatever version of a package or image is newest",
    category: Category::SupplyChain,
    severity: Severity::Note,
    fix: FixAvailability::None,
    persona: Persona::Pedantic,
    docs: include_str!("unpinned_package.md"),
};

pub struct UnpinnedPackage;

/// Runners that download and execute a package by name.
fn runner(launch: &Launch) -> Option<&'static str> {
    let words: Vec<&str> = launch.words.iter().map(|w| basename(w)).collect();
    match words.first().copied()? {
        "npx" | "bunx" => Some("npx"),
        "pnpm" | "yarn" if words.get(1) == Some(&"dlx") => Some("npx"),
        "uvx" => Some("uvx"),
        "pipx" if words.get(1) == Some(&"run") => Some("uvx"),
        _ => None,
    }
}

/// The package argument of `npx -y pkg …` / `uvx pkg …`: the first word
/// after the runner that is not one of its flags.
fn package_arg<'t>(launch: &Launch<'t>) -> Option<(&'t str, Span)> {
    let mut skip_next = false;
    for (arg, span) in &launch.args {
        if skip_next {
            skip_next = false;
            continue;
        }
        if *arg == "run" || *arg == "dlx" {
            continue;
        }
        if arg.starts_with('-') {
            // `--from pkg==1.0` (uvx) and `--package pkg` (npx) name it too.
            skip_next = matches!(
                *arg,
                "--from"
                    | "--package"
                    | "-p"
                    | "--python"
                    | "--with"
                    | "--index-url"
                    | "--registry"
                    | "--cache"
                    | "--userconfig"
            );
            continue;
        }
        return Some((arg, *span));
    }
    None
}

fn pinned_npm(spec: &str) -> bool {
    let version = match spec.strip_prefix('@') {
        Some(rest) => rest.split_once('@').map(|(_, v)| v),
        None => spec.split_once('@').map(|(_, v)| v),
    };
    version
        .is_some_and(|v| !v.is_empty() && !matches!(v, "latest" | "next" | "canary" | "beta" | "*"))
}

fn pinned_python(spec: &str, launch: &Launch) -> bool {
    // `uvx pkg@1.2.3` pins; `uvx pkg@latest` asks for the newest.
    let at_version = spec
        .split_once('@')
        .is_some_and(|(_, v)| !v.is_empty() && v != "latest");
    spec.contains("==")
        || at_version
        || launch.flag("--from").is_some_and(|(v, _)| v.contains("=="))
}

/// `npx --no-install` (or `--offline`) runs only what is installed already.
fn downloads_nothing(launch: &Launch) -> bool {
    launch
        .args
        .iter()
        .any(|(a, _)| matches!(*a, "--no-install" | "--offline" | "--no"))
}

fn pinned_image(image: &str) -> bool {
    if image.contains("@sha256:") {
        return true;
    }
    let last = image.rsplit('/').next().unwrap_or(image);
    last.split_once(':').is_some_and(|(_, tag)| tag != "latest")
}

impl Rule for UnpinnedPackage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        for (i, server) in file.servers.iter().enumerate() {
            let launch = Launch::of(file, i);
            let mut report = |span: Span, message: String, help: &str, key: &str| {
                cx.report(
                    Finding::new(&META, span, message)
                        .label("not pinned")
                        .help(help.to_string())
                        .at(&server.pointer, Some(server.name))
                        .discriminator(key.to_string()),
                );
            };
            match runner(&launch) {
                Some("npx") if downloads_nothing(&launch) => {}
                Some("npx") => {
                    if let Some((spec, span)) = package_arg(&launch) {
                        if !pinned_npm(spec) {
                            report(
                                span,
                                format!("`{}` runs the newest `{}` on every start", server.name, package_name(spec)),
                                "pin a reviewed version (`pkg@1.2.3`); an unpinned package runs whatever its publisher, or whoever takes over the account, pushes next",
                                "npm",
                            );
                        }
                    }
                }
                Some(_) => {
                    if let Some((spec, span)) = package_arg(&launch) {
                        if !pinned_python(spec, &launch) {
                            report(
                                span,
                                format!(
                                    "`{}` runs the newest `{}` on every start",
                                    server.name,
                                    package_name(spec)
                                ),
                                "pin a reviewed version (`pkg==1.2.3`, or `--from pkg==1.2.3`)",
                                "pypi",
                            );
                        }
                    }
                }
                None => {}
            }
            if let Some((image, span)) = launch.image() {
                if !pinned_image(image) {
                    report(
                        span,
                        format!(
                            "`{}` runs the image `{image}` without a version tag or digest",
                            server.name
                        ),
                        "pin a tag, better a digest (`image@sha256:…`)",
                        "image",
                    );
                }
            }
            if let Some((_, span)) = launch
                .args
                .iter()
                .copied()
                .chain(server.command.map(|c| (c, server.name_span)))
                .find(|(a, _)| pipes_to_shell(a))
            {
                report(
                    span,
                    format!("`{}` downloads a script and pipes it to a shell", server.name),
                    "install a reviewed, pinned release instead of running what the URL serves today",
                    "curl-sh",
                );
            }
        }
    }
}

/// `curl … | sh`, `wget -O- … | bash`.
fn pipes_to_shell(text: &str) -> bool {
    let fetches = text.contains("curl ") || text.contains("wget ");
    fetches
        && text.split('|').skip(1).any(|part| {
            let cmd = part.split_whitespace().next().unwrap_or_default();
            matches!(
                basename(cmd),
                "sh" | "bash" | "zsh" | "dash" | "python" | "python3" | "node"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins() {
        assert!(pinned_npm("@modelcontextprotocol/server-github@2025.4.8"));
        assert!(!pinned_npm("@modelcontextprotocol/server-github"));
        assert!(!pinned_npm("mcp-remote@latest"));
        let none = Launch::default();
        assert!(pinned_python("mcp-server-fetch@2025.4.7", &none));
        assert!(!pinned_python(
            "awslabs.aws-documentation-mcp-server@latest",
            &none
        ));
        assert!(pinned_npm("mcp-remote@0.1.29"));
        assert!(pinned_image("ghcr.io/github/github-mcp-server:v0.9.1"));
        assert!(pinned_image("mcp/postgres@sha256:0123"));
        assert!(!pinned_image("localhost:5000/mcp/postgres"));
        assert!(!pinned_image("mcp/postgres:latest"));
        assert!(pipes_to_shell(
            "curl -fsSL https://get.acme-corp.net/mcp | sh"
        ));
        assert!(!pipes_to_shell("curl https://x | jq ."));
    }
}
