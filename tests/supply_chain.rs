//! The linter of untrusted repositories contains no network client: no
//! crate that could fetch what a config file points at is in the tree.

#[test]
fn no_network_client_in_the_dependency_tree() {
    let lock = include_str!("../Cargo.lock");
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|n| n.trim_end_matches('"'))
        .collect();
    assert!(names.contains(&"jsonschema"), "lock file not read");
    for forbidden in [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "isahc",
        "rustls",
        "native-tls",
        "openssl",
        "tokio",
    ] {
        assert!(!names.contains(&forbidden), "{forbidden} is in Cargo.lock");
    }
}
