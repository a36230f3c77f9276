//! What a team's config adds to what mcplint knows: limits per server
//! (`[[policy]]`) and the team's own credential formats (`[[credential]]`).
//! `config` reads them from `mcplint.toml`; rules only read them here.

use super::detect::Detectors;
use super::scopes::Rank;

/// Limits for one server.
#[derive(Debug, Clone)]
pub struct Policy {
    pub server: Option<String>,
    pub package: Option<String>,
    pub profile: Option<String>,
    pub max_rank: Option<Rank>,
    pub allowed_scopes: Option<Vec<String>>,
    pub require_read_only: bool,
    /// `path:line` of the policy entry, for messages.
    pub location: String,
}

/// What a config file adds to the linting of each file it covers.
#[derive(Clone, Copy, Default)]
pub struct Team<'a> {
    pub policies: &'a [Policy],
    /// The team's own credential formats (`[[credential]]`).
    pub credentials: Option<&'static Detectors>,
}
