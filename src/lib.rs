//! mcplint: lint the configuration files that wire MCP servers into AI
//! clients. The folders are the pipeline, and each imports only the ones
//! listed after it:
//!
//! `cli` → `run`, `fix` → `report` → `lint` → `config` → `rules` →
//! `finding` → `knowledge` → `model` → `clients` → `syntax`.

pub mod cli;
pub mod clients;
pub mod config;
pub mod finding;
pub mod fix;
pub mod knowledge;
pub mod lint;
pub mod model;
pub mod report;
pub mod rules;
pub mod run;
pub mod syntax;
