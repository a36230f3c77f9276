//! `mcplint.toml` / `.mcplint.toml`: rule selection and severities,
//! excluded paths, per-glob client formats, reviewed exceptions (each with
//! a reason and an optional expiry), and the team's privilege policy.
//!
//! Each file follows the nearest config above it, up to the repository
//! root (see `configs`); `--config PATH` names one, `--no-config` ignores it.
//! It is read with the same TOML parser as Codex configs and checked
//! against `rules/schemas/mcplint-config.json` (also shipped for editor
//! completion), so every mistake is reported at its span.

pub mod credentials;

use std::path::{Path, PathBuf};

use globset::{Glob, GlobMatcher, GlobSet, GlobSetBuilder};

use crate::clients::{self, Client, Dialect, Format, Language, Layout, SecretFix};
use crate::finding::{Category, Finding, Persona, Severity};
use crate::knowledge::detect::Detectors;
use crate::knowledge::policy::{Policy, Team};
use crate::knowledge::schema;
use crate::knowledge::scopes::Rank;
use crate::rules::{self, RuleMeta};
use crate::syntax::parse::{pointer, toml, Node};
use crate::syntax::source::{display_path, SourceFile, Span};

pub const FILE_NAMES: &[&str] = &["mcplint.toml", ".mcplint.toml"];

static MCPLINT: Client = Client {
    id: "mcplint",
    name: "mcplint",
    dialect: Dialect {
        expands: &[],
        checked: &[],
        spelling: &[],
        unset: "n/a",
        project_dir: None,
    },
    formats: &[&CONFIG_FORMAT],
    user_files: &[],
    env_file: clients::EXPORT_ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &clients::approval::NONE,
};

static NO_SERVERS: Layout = Layout {
    servers: &[],
    listed: false,
    fields: &[],
    settings_env: None,
    inputs: None,
};

/// The format findings about the config file itself are reported in.
pub static CONFIG_FORMAT: Format = Format {
    id: "mcplint-config",
    client: &MCPLINT,
    paths: &["mcplint.toml", ".mcplint.toml"],
    language: Language::Toml,
    layout: &NO_SERVERS,
    describes: "mcplint configuration",
    shared: true,
};

/// A reviewed exception.
#[derive(Debug)]
pub struct Ignore {
    pub rule: String,
    pub path: GlobMatcher,
    pub pointer: Option<String>,
    pub hash: Option<String>,
    pub reason: String,
    /// `YYYY-MM-DD`.
    pub expires: Option<String>,
    pub span: Span,
    pub at: String,
}

#[derive(Debug)]
pub struct Config {
    pub source: SourceFile,
    pub dir: PathBuf,
    /// `persona = …`; `None`: the default (or `--persona`).
    pub persona: Option<Persona>,
    pub select: Option<Vec<String>>,
    pub disable: Vec<String>,
    pub severity: Vec<(String, Severity)>,
    pub exclude: GlobSet,
    pub clients: Vec<(GlobMatcher, &'static Format)>,
    pub ignores: Vec<Ignore>,
    pub policies: Vec<Policy>,
    pub credentials: Option<&'static Detectors>,
}

/// The config file that applies to `start`: the nearest one up to the
/// repository root (a directory holding `.git`).
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    for dir in start.ancestors() {
        for name in FILE_NAMES {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    None
}

/// A problem in the config file, as a finding on it.
fn problem(span: Span, at: &str, message: String, help: Option<String>) -> Finding {
    let mut f = Finding::new(&rules::INVALID_CONFIG, span, message)
        .label("here")
        .at(at, None)
        .discriminator(format!("config:{at}"));
    if let Some(help) = help {
        f = f.help(help);
    }
    f
}

fn strings<'t>(node: Option<&'t Node<'t>>) -> Vec<(&'t str, Span)> {
    node.map(Node::elements)
        .unwrap_or_default()
        .iter()
        .filter_map(|n| n.as_str().map(|s| (s, n.span)))
        .collect()
}

fn known_rule_or_category(name: &str) -> bool {
    rules::by_id(name).is_some() || Category::from_name(name).is_some()
}

/// Read and check a config file; its problems come back as findings.
/// Read a `mcplint.toml`. A file that does not parse is of no use (`Err`,
/// with why); otherwise its valid entries make the config, and the
/// findings say what was wrong with the rest (an unknown key, a bad glob,
/// an `[[ignore]]` without a reason), each at its line.
pub fn load(path: &Path, cwd: &Path) -> Result<(Config, Vec<Finding>), (SourceFile, Vec<Finding>)> {
    let source = SourceFile {
        path: path.to_path_buf(),
        display: display_path(path, cwd),
        text: std::fs::read_to_string(path).unwrap_or_default(),
    };
    let root = match toml::parse(&source.text, 0) {
        Ok(root) => root,
        Err(failure) if source.text.trim().is_empty() => {
            let _ = failure;
            return Ok((empty(source, path), Vec::new()));
        }
        Err(failure) => {
            let finding = rules::parse_failure(&failure);
            return Err((source.clone(), vec![finding]));
        }
    };
    let mut problems: Vec<Finding> = schema::validate_document("mcplint-config", &root)
        .into_iter()
        .map(|v| {
            problem(
                v.span,
                &v.pointer,
                format!("{} (mcplint.toml)", v.message),
                v.help,
            )
        })
        .collect();
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let rules_node = root.get("rules");
    let check_rule = |name: &str, span: Span, at: &str, problems: &mut Vec<Finding>| {
        if !known_rule_or_category(name) {
            let ids: Vec<&str> = rules::all().iter().map(|m| m.id).collect();
            problems.push(problem(
                span,
                at,
                format!("unknown rule or category `{name}`"),
                Some(format!("rules: {}", ids.join(", "))),
            ));
        }
    };
    let select = rules_node.and_then(|r| r.get("select")).map(|n| {
        strings(Some(n))
            .into_iter()
            .enumerate()
            .map(|(i, (s, span))| {
                check_rule(s, span, &format!("/rules/select/{i}"), &mut problems);
                s.to_string()
            })
            .collect::<Vec<_>>()
    });
    let disable: Vec<String> = strings(rules_node.and_then(|r| r.get("disable")))
        .into_iter()
        .enumerate()
        .map(|(i, (s, span))| {
            check_rule(s, span, &format!("/rules/disable/{i}"), &mut problems);
            s.to_string()
        })
        .collect();
    let mut severity = Vec::new();
    for m in rules_node
        .and_then(|r| r.get("severity"))
        .map(Node::members)
        .unwrap_or_default()
    {
        check_rule(
            &m.key,
            m.key_span,
            &pointer::push("/rules/severity", &m.key),
            &mut problems,
        );
        if let Some(level) = m.value.as_str().and_then(Severity::from_name) {
            severity.push((m.key.to_string(), level));
        }
    }
    let glob = |text: &str, span: Span, at: &str, problems: &mut Vec<Finding>| match Glob::new(text)
    {
        Ok(g) => Some(g),
        Err(e) => {
            problems.push(problem(
                span,
                at,
                format!("invalid glob `{text}`: {e}"),
                None,
            ));
            None
        }
    };
    let mut exclude = GlobSetBuilder::new();
    for (i, (text, span)) in strings(root.get("exclude")).into_iter().enumerate() {
        if let Some(g) = glob(text, span, &format!("/exclude/{i}"), &mut problems) {
            exclude.add(g);
        }
    }
    let mut clients = Vec::new();
    for (i, entry) in root
        .get("client")
        .map(Node::elements)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let (Some(g), Some(c)) = (entry.get("glob"), entry.get("client")) else {
            continue;
        };
        let (Some(gtext), Some(ctext)) = (g.as_str(), c.as_str()) else {
            continue;
        };
        let Some(matcher) = glob(gtext, g.span, &format!("/client/{i}/glob"), &mut problems) else {
            continue;
        };
        match clients::by_name(ctext) {
            Some(format) => clients.push((matcher.compile_matcher(), format)),
            None => problems.push(problem(
                c.span,
                &format!("/client/{i}/client"),
                format!("unknown client `{ctext}`"),
                Some("`mcplint formats` lists the clients".into()),
            )),
        }
    }
    let mut ignores = Vec::new();
    for (i, entry) in root
        .get("ignore")
        .map(Node::elements)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let at = format!("/ignore/{i}");
        let text = |k: &str| entry.get(k).and_then(Node::as_str).map(str::to_string);
        let (Some(rule), Some(path_text), Some(reason)) =
            (text("rule"), text("path"), text("reason"))
        else {
            continue;
        };
        if let Some(r) = entry.get("rule") {
            if rules::by_id(&rule).is_none() {
                check_rule(&rule, r.span, &format!("{at}/rule"), &mut problems);
            }
        }
        let Some(path_glob) = glob(
            &path_text,
            entry.get("path").map_or(entry.span, |n| n.span),
            &format!("{at}/path"),
            &mut problems,
        ) else {
            continue;
        };
        ignores.push(Ignore {
            rule,
            path: path_glob.compile_matcher(),
            pointer: text("pointer"),
            hash: text("hash"),
            reason,
            expires: text("expires"),
            span: entry.span,
            at,
        });
    }
    let index = crate::syntax::source::LineIndex::new(&source.text);
    let policies = root
        .get("policy")
        .map(Node::elements)
        .unwrap_or_default()
        .iter()
        .map(|entry| {
            let text = |k: &str| entry.get(k).and_then(Node::as_str).map(str::to_string);
            Policy {
                server: text("server"),
                package: text("package"),
                profile: text("profile"),
                max_rank: text("max-rank").and_then(|r| Rank::from_name(&r)),
                allowed_scopes: entry.get("allowed-scopes").map(|n| {
                    n.elements()
                        .iter()
                        .filter_map(Node::as_str)
                        .map(str::to_string)
                        .collect()
                }),
                require_read_only: matches!(
                    entry.get("require-read-only").map(|n| &n.value),
                    Some(crate::syntax::parse::Value::Bool(true))
                ),
                location: format!(
                    "{}:{}",
                    source.display,
                    index.line_col(&source.text, entry.span.start as usize).line
                ),
            }
        })
        .collect();
    let credentials = crate::config::credentials::load(
        root.get("credential")
            .map(Node::elements)
            .unwrap_or_default(),
        &|span, at, message| problem(span, at, message, None),
        &mut problems,
    );
    let config = Config {
        source: source.clone(),
        dir,
        persona: root
            .get("persona")
            .and_then(|n| n.as_str())
            .and_then(Persona::from_name),
        select,
        disable,
        severity,
        exclude: exclude.build().unwrap_or_else(|_| GlobSet::empty()),
        clients,
        ignores,
        policies,
        credentials,
    };
    Ok((config, problems))
}

fn empty(source: SourceFile, path: &Path) -> Config {
    Config {
        dir: path.parent().map(Path::to_path_buf).unwrap_or_default(),
        source,
        persona: None,
        select: None,
        disable: Vec::new(),
        severity: Vec::new(),
        exclude: GlobSet::empty(),
        clients: Vec::new(),
        ignores: Vec::new(),
        policies: Vec::new(),
        credentials: None,
    }
}

impl Config {
    pub fn team(&self) -> Team<'_> {
        Team {
            policies: &self.policies,
            credentials: self.credentials,
        }
    }

    /// `path` relative to the config's directory, for globs.
    pub fn relative<'p>(&self, path: &'p Path) -> std::borrow::Cow<'p, Path> {
        let absolute = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let dir = self.dir.canonicalize().unwrap_or_else(|_| self.dir.clone());
        match absolute.strip_prefix(&dir) {
            Ok(rel) => std::borrow::Cow::Owned(rel.to_path_buf()),
            Err(_) => std::borrow::Cow::Borrowed(path),
        }
    }

    pub fn excluded(&self, path: &Path) -> bool {
        self.exclude.is_match(self.relative(path).as_ref())
    }

    pub fn client_for(&self, path: &Path) -> Option<&'static Format> {
        if self.clients.is_empty() {
            return None;
        }
        let rel = self.relative(path);
        self.clients
            .iter()
            .find(|(g, _)| g.is_match(rel.as_ref()))
            .map(|(_, f)| *f)
    }

    fn names(&self, rule: &RuleMeta, list: &[String]) -> bool {
        list.iter()
            .any(|n| n == rule.id || n == rule.category.as_str())
    }

    /// Does the config let this rule run?
    pub fn enabled(&self, rule: &RuleMeta) -> bool {
        // Problems that stop a file from being read are always reported.
        if rule.id == "parse-error" {
            return true;
        }
        self.select.as_ref().is_none_or(|s| self.names(rule, s)) && !self.names(rule, &self.disable)
    }

    pub fn severity_of(&self, rule: &RuleMeta) -> Option<Severity> {
        self.severity
            .iter()
            .find(|(id, _)| id == rule.id)
            .map(|(_, s)| *s)
    }
}

/// Today's date as `YYYY-MM-DD` (UTC), for ignore expiry.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    date(secs)
}

/// The UTC date `YYYY-MM-DD` of a Unix time (ignore expiry, commit dates).
pub fn date(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_a_date() {
        let t = today();
        assert_eq!(t.len(), 10);
        assert!(t.as_str() > "2024-01-01", "{t}");
    }

    #[test]
    fn dates_of_unix_times() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(951_782_400), "2000-02-29");
        assert_eq!(date(-1), "1969-12-31");
    }
}
