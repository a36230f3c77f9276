//! mcplint: lint the configuration files that wire MCP servers into AI
//! clients. The folders are the pipeline, and each imports only the ones
//! after it (`run` and `report` are siblings and use neither the other):
//!
//! `cli` → `fix` → `run`, `report` → `lint` → `config` → `rules` →
//! `finding` → `knowledge` → `model` → `clients` → `syntax`.
//!
//! `tests/layers.rs` holds the code to it.

pub mod cli;
pub mod clients;
pub mod config;
pub mod doctor;
pub mod finding;
pub mod fix;
pub mod knowledge;
pub mod lint;
pub mod model;
pub mod report;
pub mod rules;
pub mod run;
pub mod syntax;
