//! `--format sarif`: SARIF 2.1.0 for code scanning. One reporting
//! descriptor per rule (help from its documentation, `security-severity`
//! for GitHub), results with regions and stable partial fingerprints, and
//! files that could not be read as tool execution notifications.

use serde_json::{json, Value};

use crate::finding::{Category, Severity};
use crate::lint::Report;
use crate::rules::{self, RuleMeta};

/// The project's home, from one place: `repository` in Cargo.toml. Until
/// it is set, no URL is given (help travels in each rule's `help`).
fn home() -> Option<&'static str> {
    Some(env!("CARGO_PKG_REPOSITORY")).filter(|url| !url.is_empty())
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// GitHub's 0–10 scale: secrets are critical, other errors high.
fn security_severity(rule: &RuleMeta) -> &'static str {
    match (rule.category, rule.severity) {
        (Category::Secret, Severity::Error) => "9.0",
        (_, Severity::Error) => "7.5",
        (_, Severity::Warning) => "5.0",
        (_, Severity::Note) => "2.0",
    }
}

fn descriptor(rule: &RuleMeta) -> Value {
    let name: String = rule
        .id
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    let mut descriptor = json!({
        "id": rule.id,
        "name": name,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": rule.summary },
        // The rule's whole documentation: code scanning shows it, no link needed.
        "help": { "text": rule.docs, "markdown": rule.docs },
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": {
            "tags": ["security", rule.category.as_str()],
            "security-severity": security_severity(rule),
            "precision": "high",
            "persona": rule.persona.as_str()
        }
    });
    if let Some(home) = home() {
        descriptor["helpUri"] = json!(format!("{home}#rules"));
    }
    descriptor
}

/// A displayed path as a relative URI reference (RFC 3986): a space, `%`,
/// `#`, `?`, `:` (which would read as a scheme), a backslash or a non-ASCII byte in a file name is
/// percent-encoded, so the result names the same file to every consumer.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.trim_start_matches('/').as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn render(report: &Report) -> String {
    let all = rules::all();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for (file, f, at) in super::located(report) {
        let index = all.iter().position(|m| m.id == f.rule.id).unwrap_or(0);
        let mut message = f.message.clone();
        if let Some(help) = &f.help {
            message.push_str(&format!(". {help}"));
        }
        let mut properties = json!({
            "category": f.rule.category.as_str(),
            "client": file.format.client.id,
            "persona": f.least_persona().as_str(),
            "confidence": f.confidence,
        });
        if let Some(why) = &file.assumed {
            properties["clientAssumed"] = json!(why);
        }
        if let Some(p) = &f.secret_preview {
            properties["secretPreview"] = json!(p);
        }
        if let Some(s) = &f.server {
            properties["server"] = json!(s);
        }
        if let Some(v) = &file.version {
            // A past version: placed at the file's path (code scanning knows
            // no other), the commit said here and in the message.
            properties["commit"] = json!(v.commit);
            properties["pathAtHead"] = json!(v.at_head);
        }
        results.push(json!({
            "ruleId": f.rule.id,
            "ruleIndex": index,
            "level": level(f.severity),
            "message": { "text": message },
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": { "uri": uri(file.place()), "uriBaseId": "%SRCROOT%" },
                    "region": {
                        "startLine": at.start.line,
                        "startColumn": at.start.column,
                        "endLine": at.end.line,
                        "endColumn": at.end.column.max(if at.end.line == at.start.line { at.start.column + 1 } else { 1 })
                    }
                },
                "logicalLocations": [{ "fullyQualifiedName": f.pointer, "kind": "member" }]
            }],
            "partialFingerprints": { "mcplint/v1": f.fingerprint(&file.source.display) },
            "properties": properties
        }));
        if file.unparsable && f.rule.id == crate::rules::PARSE_ERROR.id {
            notifications.push(json!({
                "level": "error",
                "message": { "text": format!("{}: {}", file.source.display, f.message) }
            }));
        }
    }
    for e in &report.errors {
        notifications.push(json!({ "level": "error", "message": { "text": format!("{}: {}", e.file, e.message) } }));
    }
    let mut driver = json!({
        "name": "mcplint",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": all.iter().map(|m| descriptor(m)).collect::<Vec<_>>()
    });
    if let Some(home) = home() {
        driver["informationUri"] = json!(home);
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "invocations": [{
                "executionSuccessful": !report.has_errors(),
                "toolExecutionNotifications": notifications
            }],
            "results": results
        }]
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn uri_encodes_what_a_uri_path_cannot_hold() {
        assert_eq!(uri("pkgs/api/.mcp.json"), "pkgs/api/.mcp.json");
        assert_eq!(uri("/abs/.mcp.json"), "abs/.mcp.json");
        assert_eq!(uri("my dir/a#b?c%d.json"), "my%20dir/a%23b%3Fc%25d.json");
        assert_eq!(uri("win\\.cursor\\mcp.json"), "win%5C.cursor%5Cmcp.json");
        assert_eq!(uri("c:x/.mcp.json"), "c%3Ax/.mcp.json");
        assert_eq!(uri("café/.mcp.json"), "caf%C3%A9/.mcp.json");
    }
}
