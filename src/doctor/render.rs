//! The doctor's report: one block per config, a ✓ or ✗ line per server and
//! one line per check; or JSON. Names and places only, never a value.

use std::fmt::Write as _;

use serde_json::json;

use super::{Check, Report, Verdict};

fn mark(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Ok => "✓",
        Verdict::Default => "~",
        Verdict::Fails => "✗",
    }
}

pub fn human(report: &Report) -> String {
    let mut out = String::new();
    let (mut servers, mut failing) = (0, 0);
    for config in &report.configs {
        let client = if config.client.is_empty() {
            String::new()
        } else {
            format!(" ({})", config.client)
        };
        let _ = writeln!(out, "{}{client}", config.file);
        if let Some(error) = &config.error {
            let _ = writeln!(out, "  ✗ {error}");
            continue;
        }
        for server in &config.servers {
            servers += 1;
            let starts = server.starts();
            failing += usize::from(!starts);
            let summary = match (starts, server.checks.is_empty()) {
                _ if server.disabled => "disabled, not started".to_string(),
                (true, true) => "nothing to look up".to_string(),
                (true, false) => "ready".to_string(),
                (false, _) => {
                    let n = server
                        .checks
                        .iter()
                        .filter(|c| c.verdict == Verdict::Fails)
                        .count();
                    format!("{n} problem{}", if n == 1 { "" } else { "s" })
                }
            };
            let _ = writeln!(
                out,
                "  {} {}: {summary} (line {})",
                if starts { "✓" } else { "✗" },
                server.name,
                server.line
            );
            for c in &server.checks {
                let _ = writeln!(
                    out,
                    "      {} {} ({}, line {})",
                    mark(c.verdict),
                    c.reason,
                    c.place,
                    c.line
                );
            }
        }
    }
    let configs = report.configs.len();
    let _ = writeln!(
        out,
        "\nmcplint doctor: {servers} server{} in {configs} config{}: {} ready, {failing} with problems{}",
        if servers == 1 { "" } else { "s" },
        if configs == 1 { "" } else { "s" },
        servers - failing,
        if report.configs.iter().any(|c| c.error.is_some()) {
            "; some configs could not be read"
        } else {
            ""
        }
    );
    out
}

fn check_json(c: &Check) -> serde_json::Value {
    json!({
        "status": match c.verdict {
            Verdict::Ok => "ok",
            Verdict::Default => "default",
            Verdict::Fails => "fails",
        },
        "name": c.name,
        "place": c.place,
        "line": c.line,
        "reason": c.reason,
    })
}

pub fn json(report: &Report) -> String {
    let configs: Vec<_> = report
        .configs
        .iter()
        .map(|config| {
            json!({
                "file": config.file,
                "client": config.client,
                "error": config.error,
                "servers": config.servers.iter().map(|s| json!({
                    "name": s.name,
                    "line": s.line,
                    "starts": s.starts(),
                    "disabled": s.disabled,
                    "checks": s.checks.iter().map(check_json).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let value = json!({
        "version": 1,
        "healthy": report.healthy(),
        "configs": configs,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}
