//! What mcplint knows about credentials and servers, read from the
//! embedded `rules/` data: credential detectors, where a credential is
//! carried, scope catalogs, server profiles, schemas and variable names.

pub mod advisories;
pub mod analysis;
pub mod archived;
pub mod carriers;
pub mod detect;
pub mod expiry;
pub mod hosts;
pub mod launch;
pub mod package;
pub mod policy;
pub mod schema;
pub mod scopes;
pub mod servers;
pub mod varname;
pub mod versions;
