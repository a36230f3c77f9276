//! Who a finding is for. `regular` (the default) reports what a careful
//! reviewer would ask to change before merging; `pedantic` adds hardening
//! advice; `auditor` adds findings of low confidence too.

use serde::Serialize;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Persona {
    #[default]
    Regular,
    Pedantic,
    Auditor,
}

impl Persona {
    pub const ALL: [Persona; 3] = [Persona::Regular, Persona::Pedantic, Persona::Auditor];

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Persona::Regular => "regular",
            Persona::Pedantic => "pedantic",
            Persona::Auditor => "auditor",
        }
    }
}
