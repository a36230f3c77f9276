//! Every client's schema against realistic valid and invalid documents
//! (`tests/data/schema_cases.json`): valid ones give no violation, invalid
//! ones give exactly the expected violations, at the expected pointers.

use std::path::PathBuf;

use mcplint::clients::formats;
use mcplint::knowledge::schema;
use mcplint::syntax::parse::json::{self, Flavor};

#[test]
fn every_schema_compiles() {
    assert_eq!(schema::check_all(), Ok(schema::SCHEMAS.len()));
    assert!(schema::SCHEMAS.len() >= 18);
}

/// The search for violations cuts long lists short (schema.rs,
/// `MOST_VALUES_SEARCHED`); that finds no false violation only while no
/// schema looks at a whole list beyond `minItems: 1`.
#[test]
fn no_schema_looks_at_a_whole_list() {
    fn walk(id: &str, at: &str, node: &serde_json::Value) {
        match node {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    let whole_list = match key.as_str() {
                        "contains" | "uniqueItems" | "maxItems" | "prefixItems"
                        | "additionalItems" | "unevaluatedItems" | "minContains"
                        | "maxContains" => true,
                        "minItems" => value.as_u64().is_none_or(|n| n > 1),
                        "items" => value.is_array(),
                        _ => false,
                    };
                    let properties = at.ends_with("/properties")
                        || at.ends_with("/$defs")
                        || at.ends_with("/definitions");
                    assert!(!whole_list || properties, "{id}: `{key}` at {at}");
                    walk(id, &format!("{at}/{key}"), value);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(id, &format!("{at}/{i}"), item);
                }
            }
            _ => {}
        }
    }
    for (id, text) in schema::SCHEMAS {
        walk(id, "", &serde_json::from_str(text).unwrap());
    }
}

#[test]
fn every_format_with_servers_has_a_schema() {
    for f in formats() {
        if f.id == "continue-json" {
            continue; // imported Claude/Cursor-style files: no format of their own
        }
        assert!(
            schema::SCHEMAS.iter().any(|(id, _)| *id == f.id),
            "no schema for {}",
            f.id
        );
    }
}

#[test]
fn cases_give_exactly_the_expected_violations() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/schema_cases.json");
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.len() > 200);
    let mut failures = Vec::new();
    for case in &cases {
        let id = case["schema"].as_str().unwrap();
        let format = formats()
            .iter()
            .find(|f| f.id == id)
            .unwrap_or_else(|| panic!("no format {id}"));
        let text = serde_json::to_string_pretty(&case["doc"]).unwrap();
        let root = json::parse(&text, 0, Flavor::Strict).unwrap();
        let mut got: Vec<String> = schema::validate(format, &root)
            .into_iter()
            .map(|v| v.pointer)
            .collect();
        got.sort();
        let mut want: Vec<String> = case["expected"]
            .as_array()
            .unwrap()
            .iter()
            // `[instance path, keyword]`
            .map(|e| e[0].as_str().unwrap_or_default().to_string())
            .collect();
        want.sort();
        if got != want {
            failures.push(format!(
                "{id}/{}: want {want:?}, got {got:?}",
                case["case"].as_str().unwrap_or("?")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
