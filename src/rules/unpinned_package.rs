use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Category, Finding, Persona, Severity};
use crate::knowledge::advisories;
use crate::knowledge::launch::{basename, Launch};
use crate::knowledge::package::{self, Ecosystem, Pin};
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

/// `npx --no-install` (or `--offline`) runs only what is installed already.
fn downloads_nothing(launch: &Launch) -> bool {
    launch
        .args
        .iter()
        .any(|(a, _)| matches!(*a, "--no-install" | "--offline" | "--no"))
}

impl Rule for UnpinnedPackage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        for (i, server) in file.servers.iter().enumerate() {
            let launch = cx.launches.of(i);
            let mut report = |span: Span, message: String, help: &str, key: &str| {
                cx.report(
                    Finding::new(&META, span, message)
                        .label("not pinned")
                        .help(help.to_string())
                        .at(&server.pointer, Some(server.name))
                        .discriminator(key.to_string()),
                );
            };
            match package::launched(launch) {
                Some(p) if p.pin != Pin::Floating => {}
                // vulnerable-server says more about this one.
                Some(p) if advisories::of_package(p.ecosystem, p.name).next().is_some() => {}
                Some(p) if p.ecosystem == Ecosystem::Npm && downloads_nothing(launch) => {}
                Some(p) => {
                    let (help, key) = match p.ecosystem {
                        Ecosystem::Npm => ("pin a reviewed version (`pkg@1.2.3`); an unpinned package runs whatever its publisher, or whoever takes over the account, pushes next", "npm"),
                        Ecosystem::PyPi => ("pin a reviewed version (`pkg==1.2.3`, or `--from pkg==1.2.3`)", "pypi"),
                        Ecosystem::Container => ("pin a tag, better a digest (`image@sha256:…`)", "image"),
                    };
                    let message = match p.ecosystem {
                        Ecosystem::Container => format!(
                            "`{}` runs the image `{}` without a version tag or digest",
                            server.name, p.spec
                        ),
                        _ => format!(
                            "`{}` runs the newest `{}` on every start",
                            server.name, p.name
                        ),
                    };
                    report(p.span, message, help, key);
                }
                None => {}
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
    fn pipes() {
        assert!(pipes_to_shell(
            "curl -fsSL https://get.acme-corp.net/mcp | sh"
        ));
        assert!(!pipes_to_shell("curl https://x | jq ."));
    }
}
