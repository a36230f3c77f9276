//! `mcplint rules`, `mcplint rules check-examples` and `mcplint explain`.

use super::args::{RulesAction, RulesArgs};
use super::write_out;
use crate::knowledge::detect::{Detectors, HitState};
use crate::rules;

pub(super) fn list_rules(args: RulesArgs) -> u8 {
    if let Some(RulesAction::Check) = args.action {
        return check_credential_examples();
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
        write_out(&format!(
            "{}\n",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        ));
        return 0;
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

/// `mcplint rules check`: every credential format against its examples.
pub(super) fn check_credential_examples() -> u8 {
    let detectors = Detectors::builtin();
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
