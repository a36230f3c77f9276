//! mcplint: lint the configuration files that wire MCP servers into AI
//! clients. The pipeline is the architecture:
//! discover → parse (with spans) → model → rules → findings → output.

pub mod analysis;
pub mod baseline;
pub mod carriers;
pub mod changed;
pub mod cli;
pub mod clients;
pub mod config;
pub mod custom_credentials;
pub mod detect;
pub mod discover;
pub mod envfile;
pub mod finding;
pub mod fix;
pub mod formats;
pub mod history;
pub mod json_edit;
pub mod lint;
pub mod model;
pub mod output;
pub mod parse;
pub mod reference;
pub mod rules;
pub mod run;
pub mod schema;
pub mod scopes;
pub mod servers;
pub mod source;
pub mod user;
pub mod varname;
pub mod write;
