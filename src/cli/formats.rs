//! `mcplint formats`: every supported config format, its client, file
//! names and expansion syntax.

use super::write_out;
use crate::clients;

pub(super) fn list_formats() -> u8 {
    let mut out = String::new();
    for f in clients::formats() {
        let dialect = &f.client.dialect;
        let mut expands: Vec<&str> = dialect
            .expands
            .iter()
            .flat_map(|(_, syntaxes)| syntaxes.iter().map(|s| s.example()))
            .collect();
        expands.sort_unstable();
        expands.dedup();
        let expands = if expands.is_empty() {
            "nothing".to_string()
        } else {
            expands.join(" ")
        };
        out.push_str(&format!(
            "{:<22} {} — {}\n{:<22} files:   {}\n{:<22} expands: {}; unset: {}\n",
            f.id,
            f.client.name,
            f.describes,
            "",
            if f.paths.is_empty() {
                "any file whose name suggests MCP (`*mcp*.json`, `.toml`, `.yaml`, …) holding an MCP server map, when no client's path matches".to_string()
            } else {
                f.paths.join(", ")
            },
            "",
            expands,
            dialect.unset
        ));
    }
    write_out(&out);
    0
}
