//! What a rule reports: facts with spans. The engine adds the file, the
//! line/column and the fingerprint; outputs decide how to show them.

mod meta;
mod persona;
pub use crate::syntax::edit::Edit;
pub use meta::{FixAvailability, RuleMeta};
pub use persona::Persona;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::clients::Client;
use crate::knowledge::detect::CredentialSpec;
use crate::syntax::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn from_name(name: &str) -> Option<Self> {
        [Severity::Note, Severity::Warning, Severity::Error]
            .into_iter()
            .find(|s| s.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Secret,
    Expansion,
    Scope,
    Transport,
    Permissions,
    Schema,
    SupplyChain,
    Hygiene,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Secret,
        Category::Expansion,
        Category::Scope,
        Category::Transport,
        Category::Permissions,
        Category::Schema,
        Category::SupplyChain,
        Category::Hygiene,
    ];

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Secret => "secret",
            Category::Expansion => "expansion",
            Category::Scope => "scope",
            Category::Transport => "transport",
            Category::Permissions => "permissions",
            Category::Schema => "schema",
            Category::SupplyChain => "supply-chain",
            Category::Hygiene => "hygiene",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

/// How safe a fix is to apply without review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Advice only: nothing can be changed automatically.
    DisplayOnly,
    /// Changes what a server may do (`--unsafe-fixes`).
    Unsafe,
    /// Keeps behaviour (`--fix`).
    Safe,
}

/// A secret moving out of the file into the env file.
#[derive(Clone)]
pub struct Extraction {
    pub var: String,
    /// The secret itself: written only to the env file, never printed.
    pub value: String,
    /// The client, for how to load the env file.
    pub client: &'static Client,
    /// Where the credential is revoked and rotated, when its format says.
    pub rotate: Option<&'static str>,
}

impl PartialEq for Extraction {
    fn eq(&self, other: &Self) -> bool {
        self.var == other.var
            && self.value == other.value
            && std::ptr::eq(self.client, other.client)
            && self.rotate == other.rotate
    }
}

impl Eq for Extraction {}

impl std::fmt::Debug for Extraction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Extraction {{ var: {:?}, value: <masked>, client: {:?} }}",
            self.var, self.client.id
        )
    }
}

#[derive(Clone, Debug)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
    pub extraction: Option<Extraction>,
}

#[derive(Clone, Debug)]
pub struct Label {
    pub span: Span,
    pub text: String,
}

#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    /// Lower-case, no final period, never the secret itself.
    pub message: String,
    pub primary: Label,
    pub related: Vec<Label>,
    pub help: Option<String>,
    pub confidence: Confidence,
    /// The least persona this finding is shown to.
    pub persona: Persona,
    /// The server the finding is about, when there is one.
    pub server: Option<String>,
    /// RFC 6901 pointer of the offending value.
    pub pointer: String,
    /// Masked preview of the secret, for secret findings.
    pub secret_preview: Option<String>,
    /// Tells apart findings of one rule at one pointer (which credential in
    /// the string), without positions, so fingerprints survive edits.
    pub discriminator: String,
    pub fix: Option<Fix>,
    /// The credential format a secret finding recognised (its provider,
    /// kind and revocation page), when a format did.
    pub credential: Option<&'static CredentialSpec>,
}

impl Finding {
    /// Replace every credential of the file quoted anywhere in the finding's
    /// words (message, help, labels, server name, fix title) by its masked
    /// preview. Edits are left alone: they are the file's own content.
    pub fn withhold(&mut self, secrets: &[(String, String)]) {
        use crate::knowledge::detect::mask::withhold;
        let texts = [
            Some(&mut self.message),
            self.help.as_mut(),
            Some(&mut self.primary.text),
            self.server.as_mut(),
        ]
        .into_iter()
        .flatten()
        .chain(self.related.iter_mut().map(|l| &mut l.text))
        .chain(self.fix.iter_mut().map(|f| &mut f.title));
        for text in texts {
            if let Some(masked) = withhold(text, secrets) {
                *text = masked;
            }
        }
    }

    pub fn new(rule: &'static RuleMeta, span: Span, message: impl Into<String>) -> Self {
        Finding {
            rule,
            severity: rule.severity,
            message: message.into(),
            primary: Label {
                span,
                text: String::new(),
            },
            related: Vec::new(),
            help: None,
            confidence: Confidence::High,
            persona: rule.persona,
            server: None,
            pointer: String::new(),
            secret_preview: None,
            discriminator: String::new(),
            fix: None,
            credential: None,
        }
    }

    pub fn credential(mut self, spec: Option<&'static CredentialSpec>) -> Self {
        self.credential = spec;
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn label(mut self, text: impl Into<String>) -> Self {
        self.primary.text = text.into();
        self
    }

    pub fn help(mut self, text: impl Into<String>) -> Self {
        self.help = Some(text.into());
        self
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn confidence(mut self, confidence: Confidence) -> Self {
        self.confidence = confidence;
        self
    }

    /// Show this finding only from `persona` up.
    pub fn persona(mut self, persona: Persona) -> Self {
        self.persona = persona;
        self
    }

    /// The least persona it is shown to: a finding of low confidence is
    /// for auditors whatever its rule's persona.
    pub fn least_persona(&self) -> Persona {
        if self.confidence == Confidence::Low {
            self.persona.max(Persona::Auditor)
        } else {
            self.persona
        }
    }

    pub fn shown_to(&self, persona: Persona) -> bool {
        self.least_persona() <= persona
    }

    pub fn at(mut self, pointer: &str, server: Option<&str>) -> Self {
        self.pointer = pointer.to_string();
        self.server = server.map(str::to_string);
        self
    }

    pub fn secret(mut self, preview: String) -> Self {
        self.secret_preview = Some(preview);
        self
    }

    pub fn discriminator(mut self, text: impl Into<String>) -> Self {
        self.discriminator = text.into();
        self
    }

    pub fn related(mut self, span: Span, text: impl Into<String>) -> Self {
        self.related.push(Label {
            span,
            text: text.into(),
        });
        self
    }

    /// Stable identity across unrelated edits: rule, file, pointer and
    /// discriminator, hashed. No position and no part of any value is in it.
    pub fn fingerprint(&self, file: &str) -> String {
        let mut hash = Sha256::new();
        for part in [self.rule.id, file, &self.pointer, &self.discriminator] {
            hash.update(part.as_bytes());
            hash.update([0]);
        }
        let digest = hash.finalize();
        digest[..8].iter().map(|b| format!("{b:02x}")).collect()
    }
}
