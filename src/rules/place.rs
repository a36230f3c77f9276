//! Words for where a value sits, shared by every rule's messages.

use crate::clients::Field;
use crate::knowledge::carriers::How;
use crate::model::Site;

/// "env `GITHUB_TOKEN`", "header `Authorization`", "argument 3 (`--api-key`)", …
pub fn describe(site: &Site, name: Option<&str>, how: Option<How>) -> String {
    match (how, name) {
        (Some(How::UrlPassword), _) => format!("the password of the URL in {}", field(site)),
        (Some(How::UrlQuery), Some(n)) => {
            format!("query parameter `{n}` of the URL in {}", field(site))
        }
        (Some(How::BasicAuth), _) => "the Basic credentials of a header".into(),
        (Some(How::Flag), Some(n)) => match site.index {
            Some(i) => format!("argument {i} (`--{n}`)"),
            None => format!("flag `--{n}`"),
        },
        (Some(How::JsonMember), Some(n)) => format!("member `{n}` of the JSON in {}", field(site)),
        (Some(How::EnvArg), Some(n)) => format!("environment assignment `{n}` in the arguments"),
        (Some(How::Header), Some(n)) if site.field == Field::Args => {
            format!("header `{n}` passed as an argument")
        }
        _ => field(site),
    }
}

/// The field alone: "env `X`", "header `X`", "argument 2", "`url`", …
pub fn field(site: &Site) -> String {
    let name = site.name.unwrap_or("?");
    match site.field {
        Field::Env => format!("env `{name}`"),
        Field::SettingsEnv => format!("settings env `{name}`"),
        Field::Headers => format!("header `{name}`"),
        Field::Args => format!("argument {}", site.index.unwrap_or(0)),
        Field::Url => format!("`{}`", site.name.filter(|n| !n.is_empty()).unwrap_or("url")),
        Field::Command => format!(
            "`{}`",
            site.name.filter(|n| !n.is_empty()).unwrap_or("command")
        ),
        Field::Other => format!("`{name}`"),
    }
}
