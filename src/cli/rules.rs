//! `mcplint rules`, `mcplint rules check`, `mcplint rules formats` and
//! `mcplint explain`.

use super::args::{RulesAction, RulesArgs};
use super::write_out;
use crate::knowledge::detect::{Detectors, HitState};
use crate::rules;

pub(super) fn list_rules(args: RulesArgs) -> u8 {
    match args.action {
        Some(RulesAction::Check) => return check_credential_examples(),
        Some(RulesAction::Formats) => return list_credential_formats(args.json),
        None => {}
    }
    let all = rules::all();
    if args.json {
        let list: Vec<serde_json::Value> = all
            .iter()
            .map(|m| {
                serde_json::json!({
                    "id": m.id,
                    "category": m.category.as_str(),
                    "severity": m.severity.as_str(),
                    "persona": m.persona.as_str(),
                    "summary": m.summary,
                })
            })
            .collect();
        return write_json(&list);
    }
    // Columns as wide as their longest entry, so they line up.
    let width =
        |f: &dyn Fn(&rules::RuleMeta) -> &str| all.iter().map(|m| f(m).len()).max().unwrap_or(0);
    let id = width(&|m| m.id);
    let category = width(&|m| m.category.as_str());
    let mut out = format!(
        "{:<id$}  {:<category$}  {:<8}  {:<8}  summary\n",
        "rule", "category", "severity", "persona"
    );
    for m in &all {
        out.push_str(&format!(
            "{:<id$}  {:<category$}  {:<8}  {:<8}  {}\n",
            m.id,
            m.category.as_str(),
            m.severity.as_str(),
            m.persona.as_str(),
            m.summary
        ));
    }
    write_out(&out);
    0
}

/// Print `list` as pretty JSON; exit status 0.
fn write_json(list: &[serde_json::Value]) -> u8 {
    write_out(&format!(
        "{}\n",
        serde_json::to_string_pretty(list).unwrap_or_default()
    ));
    0
}

/// How a format is found: anywhere by its own shape, or only under a
/// name that matches its `names` pattern.
fn found_by(spec: &crate::knowledge::detect::data::CredentialSpec) -> &'static str {
    if spec.names.is_some() {
        "name-gated"
    } else {
        "any name"
    }
}

/// `mcplint rules formats`: every credential format, one line each.
fn list_credential_formats(json: bool) -> u8 {
    let detectors = Detectors::builtin();
    let mut specs: Vec<_> = detectors.list.iter().map(|d| &d.spec).collect();
    specs.sort_by(|a, b| {
        (a.provider.to_lowercase(), &a.id).cmp(&(b.provider.to_lowercase(), &b.id))
    });
    if json {
        let list: Vec<serde_json::Value> = specs
            .iter()
            .map(|s| {
                serde_json::json!({
                    "id": s.id,
                    "provider": s.provider,
                    "kind": s.kind,
                    "name_gated": s.names.is_some(),
                    "broad": s.broad,
                    "rotate": s.rotate,
                })
            })
            .collect();
        return write_json(&list);
    }
    let width = |f: &dyn Fn(&crate::knowledge::detect::data::CredentialSpec) -> &str| {
        specs.iter().map(|s| f(s).len()).max().unwrap_or(0)
    };
    let (id, provider, kind) = (
        width(&|s| &s.id),
        width(&|s| &s.provider),
        width(&|s| &s.kind),
    );
    let mut out = format!(
        "{:<id$}  {:<provider$}  {:<kind$}  {:<10}  rotate at\n",
        "format", "provider", "kind", "found"
    );
    for s in &specs {
        out.push_str(&format!(
            "{:<id$}  {:<provider$}  {:<kind$}  {:<10}  {}\n",
            s.id,
            s.provider,
            s.kind,
            found_by(s),
            s.rotate.as_deref().unwrap_or("-")
        ));
    }
    out.push_str(&format!("{}\n", format_counts(detectors)));
    write_out(&out);
    0
}

/// "N credential formats from P providers: S found under any name, G
/// name-gated".
fn format_counts(detectors: &Detectors) -> String {
    let specs: Vec<_> = detectors.list.iter().map(|d| &d.spec).collect();
    let providers: std::collections::BTreeSet<String> =
        specs.iter().map(|s| s.provider.to_lowercase()).collect();
    let gated = specs.iter().filter(|s| s.names.is_some()).count();
    format!(
        "{} credential formats from {} providers: {} found under any name (a unique prefix, checksum or host), {gated} name-gated (reported only under a matching name)",
        specs.len(),
        providers.len(),
        specs.len() - gated
    )
}

/// `mcplint rules check`: every credential format against its examples.
pub(super) fn check_credential_examples() -> u8 {
    let detectors = Detectors::builtin_with_examples();
    let mut failures = Vec::new();
    let mut checked = 0;
    for d in &detectors.list {
        if let Err(e) = d.regex() {
            failures.push(e);
            continue;
        }
        for e in &d.spec.examples {
            checked += 1;
            if detectors.judge_example(d, e) != Some(HitState::Secret) {
                failures.push(format!("{}: missed a positive example", d.spec.id));
            }
        }
        for e in &d.spec.negative_examples {
            checked += 1;
            if detectors.judge_example(d, e) == Some(HitState::Secret) {
                failures.push(format!("{}: matched a negative example", d.spec.id));
            }
        }
    }
    let mut out = String::new();
    for f in &failures {
        out.push_str(&format!("FAIL {f}\n"));
    }
    out.push_str(&format!("{}\n", format_counts(detectors)));
    out.push_str(&format!(
        "{} credential formats, {checked} examples: {} failed\n",
        detectors.list.len(),
        failures.len()
    ));
    write_out(&out);
    u8::from(!failures.is_empty())
}

pub(super) fn explain(id: &str) -> u8 {
    match rules::by_id(id) {
        Some(m) => {
            write_out(&format!(
                "# {} ({}, {} by default, for the {} persona)\n\n{}\n\n{}",
                m.id,
                m.category.as_str(),
                m.severity.as_str(),
                m.persona.as_str(),
                m.summary,
                m.docs
            ));
            0
        }
        None => {
            let ids: Vec<&str> = rules::all().iter().map(|m| m.id).collect();
            eprintln!("mcplint: no rule `{id}`; rules are: {}", ids.join(", "));
            2
        }
    }
}
