use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Category, Finding, Persona, Severity};
use crate::knowledge::analysis::Recognised;
use crate::knowledge::detect::HitState;
use crate::knowledge::hosts::is_loopback;

pub static META: RuleMeta = RuleMeta {
    id: "broad-credential",
    summary: "the credential itself grants broad privilege (classic PAT, admin key, superuser)",
    category: Category::Scope,
    severity: Severity::Warning,
    fix: FixAvailability::None,
    persona: Persona::Regular,
    docs: include_str!("broad_credential.md"),
};

pub struct BroadCredential;

/// Database users with every right on the server.
const SUPERUSERS: &[&str] = &[
    "postgres",
    "root",
    "sa",
    "admin",
    "administrator",
    "rdsadmin",
    "azure_superuser",
];

impl Rule for BroadCredential {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        // Token formats whose shape reveals breadth (data: `broad = true`).
        for c in &cx.analysis.candidates {
            let Recognised::Format(d) = c.recognised else {
                continue;
            };
            if !d.spec.broad || c.state != HitState::Secret {
                continue;
            }
            let site = &file.sites[c.site];
            let finding = Finding::new(
                &META,
                c.span,
                format!("{} {} is a broad credential: {}", d.spec.provider, d.spec.kind, d.spec.privilege.as_deref().unwrap_or("it grants wide access")),
            )
            .label("broad credential")
            .help("use the narrowest credential the server needs (a fine-grained, restricted, bot or read-only token) and revoke this one")
            .at(&site.pointer, file.server_of(site).map(|s| s.name))
            .secret(c.preview.clone())
            .discriminator(format!("broad:{}", d.spec.id));
            cx.report(finding);
        }
        // Connection strings that log in as a superuser, literal password or not.
        for site in &file.sites {
            let text = site.text();
            for (user, range) in superuser_logins(text) {
                let finding = Finding::new(
                    &META,
                    site.span_of(&file.source.text, range),
                    format!("the server connects to the database as the superuser `{user}`"),
                )
                .label("superuser")
                .help("connect as a role with only the rights the server needs (for a query tool: read-only on its schema)")
                .at(&site.pointer, file.server_of(site).map(|s| s.name))
                .discriminator(format!("superuser:{user}"));
                cx.report(finding);
            }
        }
    }
}

/// `scheme://user[:pass]@host` where `user` is a superuser and the host is
/// not this machine (local development databases are left alone).
fn superuser_logins(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for scheme in [
        "postgres://",
        "postgresql://",
        "mysql://",
        "mariadb://",
        "mssql://",
        "sqlserver://",
        "mongodb://",
        "mongodb+srv://",
    ] {
        let mut from = 0;
        while let Some(i) = text[from..].find(scheme) {
            let start = from + i + scheme.len();
            from = start;
            let rest = &text[start..];
            let authority_end = rest.find(['/', '?', '#', ' ', '"']).unwrap_or(rest.len());
            let Some(at) = rest[..authority_end].rfind('@') else {
                continue;
            };
            let user = rest[..at].split(':').next().unwrap_or_default();
            let host = rest[at + 1..authority_end]
                .split(':')
                .next()
                .unwrap_or_default();
            let owner = user.ends_with("_owner");
            if (SUPERUSERS.contains(&user.to_ascii_lowercase().as_str()) || owner)
                && !is_loopback(host)
            {
                out.push((user.to_string(), start..start + user.len()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::superuser_logins;

    #[test]
    fn superusers_but_not_local_ones() {
        let found = superuser_logins("postgresql://postgres:${PW}@db.acme-corp.net:5432/prod");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "postgres");
        // The range is the user's, wherever the URL sits in the value.
        let text = "--db=mongodb://root:${PW}@mongo.acme-corp.net:27017/app";
        let found = superuser_logins(text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].1.clone()], "root");
        assert!(superuser_logins("postgresql://postgres:postgres@localhost/dev").is_empty());
        assert!(superuser_logins("postgresql://app_ro:${PW}@db.acme-corp.net/prod").is_empty());
        assert_eq!(
            superuser_logins("postgres://neondb_owner:x@ep-1.neon.tech/db")[0].0,
            "neondb_owner"
        );
    }
}
