use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Category, Finding, Persona, Severity};
use crate::syntax::parse::{pointer, Node, Value};

pub static META: RuleMeta = RuleMeta {
    id: "duplicate-key",
    summary: "an object has the same key twice; the client silently keeps one",
    category: Category::Schema,
    severity: Severity::Error,
    fix: FixAvailability::None,
    persona: Persona::Regular,
    docs: include_str!("duplicate_key.md"),
};

pub struct DuplicateKey;

impl Rule for DuplicateKey {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let mut found = Vec::new();
        walk(cx.file.root, "", &mut found);
        for (at, key, first, again) in found {
            let finding = Finding::new(
                &META,
                again,
                format!(
                    "key `{key}` appears twice in this object; the client uses only the last one"
                ),
            )
            .label("again here")
            .related(first, "first here")
            .help("remove one of them, or rename it if both are meant to exist")
            .at(&pointer::push(&at, &key), None)
            .discriminator(format!("dup:{key}"));
            cx.report(finding);
        }
    }
}

type Duplicate = (
    String,
    String,
    crate::syntax::source::Span,
    crate::syntax::source::Span,
);

fn walk(node: &Node, at: &str, found: &mut Vec<Duplicate>) {
    match &node.value {
        Value::Object(members) => {
            // NOTE: a map, not pairwise comparison: an object may have a
            // million keys.
            let mut seen = std::collections::HashMap::with_capacity(members.len());
            for m in members {
                if let Some(first) = seen.insert(m.key.as_ref(), m.key_span) {
                    found.push((at.to_string(), m.key.to_string(), first, m.key_span));
                    seen.insert(m.key.as_ref(), first);
                }
            }
            for m in members {
                if matches!(m.value.value, Value::Object(_) | Value::Array(_)) {
                    walk(&m.value, &pointer::push(at, &m.key), found);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if matches!(item.value, Value::Object(_) | Value::Array(_)) {
                    walk(item, &pointer::push(at, &i.to_string()), found);
                }
            }
        }
        _ => {}
    }
}
