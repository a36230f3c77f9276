//! The credential-format data files under `rules/credentials/`, embedded at
//! build time (as JSON, converted by `build.rs`) and deserialized on first use.

use serde::Deserialize;

/// `(file name, contents as JSON)` of every embedded credential-format file.
pub static FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/credential_files.rs"));

/// [`FILES`] without the formats' examples: what a lint loads.
pub static LEAN_FILES: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/credential_files_lean.rs"));

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CredentialFile {
    #[serde(default)]
    pub credential: Vec<CredentialSpec>,
}

/// One credential format, as written in a data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CredentialSpec {
    pub id: String,
    pub provider: String,
    pub kind: String,
    pub pattern: String,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub prefix: Option<String>,
    pub group: Option<usize>,
    pub entropy: Option<f64>,
    pub validator: Option<Validator>,
    pub names: Option<String>,
    #[serde(default)]
    pub broad: bool,
    pub privilege: Option<String>,
    /// Where the provider lets its owner revoke and rotate this credential
    /// (an `https://` page; shown when a secret was committed).
    pub rotate: Option<String>,
    /// Empty in [`LEAN_FILES`].
    #[serde(default)]
    pub examples: Vec<Example>,
    #[serde(default)]
    pub negative_examples: Vec<Example>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Validator {
    GithubCrc32,
    CloudflareCrc32,
    GitlabRoutableCrc32,
    AtlassianCrc32,
    Jwt,
}

/// An example value, alone or with the name it sits under (env key, header,
/// flag) for formats that need that context.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Example {
    Value(String),
    Named { name: String, value: String },
}

impl Example {
    pub fn name(&self) -> Option<&str> {
        match self {
            Example::Value(_) => None,
            Example::Named { name, .. } => Some(name),
        }
    }

    pub fn value(&self) -> &str {
        match self {
            Example::Value(v) | Example::Named { value: v, .. } => v,
        }
    }
}

/// Parse every embedded file; an error names the file.
pub fn load(files: &[(&str, &str)]) -> Result<Vec<CredentialSpec>, String> {
    let mut all = Vec::new();
    for (name, text) in files {
        let file: CredentialFile =
            serde_json::from_str(text).map_err(|e| format!("rules/credentials/{name}: {e}"))?;
        all.extend(file.credential);
    }
    Ok(all)
}
