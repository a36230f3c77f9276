//! A secret given to a known server as a flag (`--api-key=sk_live_…`)
//! moves to the variable the server also reads (`STRIPE_SECRET_KEY`): the
//! flag leaves `args`, and the server's environment gets the client's
//! reference. A command line is readable by every local user in the
//! process list; an environment is not.

use super::super::Context;
use crate::clients::Spelling;
use crate::clients::{Field, Language};
use crate::finding::{Applicability, Extraction, Fix};
use crate::knowledge::analysis::Candidate;
use crate::knowledge::carriers::How;
use crate::knowledge::launch::Launch;
use crate::knowledge::servers;
use crate::model::Site;
use crate::syntax::json_edit::{self, string};

pub(super) fn flag_to_env(cx: &Context, site: &Site, c: &Candidate) -> Option<Fix> {
    let file = cx.file;
    // The way out for anything but a flag's value in a JSON `args`. (The
    // shape checks below would refuse other candidates too, which is why
    // mutating the `How::Flag` test changes nothing.)
    if site.field != Field::Args
        || c.how != Some(How::Flag)
        || !matches!(file.format.language, Language::Json | Language::Jsonc)
    {
        return None;
    }
    let index = site.server?;
    let server = &file.servers[index];
    let launch = Launch::of(file, index);
    // A container sees only what `docker run -e` passes on.
    if launch.image().is_some() {
        return None;
    }
    let flag = format!("--{}", c.name.as_deref()?);
    let secret_flag = servers::profiles_for(servers::builtin(), &launch)
        .into_iter()
        .flat_map(|p| &p.secret_flag)
        .find(|f| f.arg == flag)?;
    let var = secret_flag.env.as_str();
    let Spelling::Reference(reference) = file.format.client.dialect.spell(Field::Env, var) else {
        return None;
    };
    let key_of = |field: Field| file.format.layout.key(field);
    let args = server.node.get(key_of(Field::Args)?)?;
    let at = args
        .elements()
        .iter()
        .position(|e| e.span == site.node.span)?;
    let text = site.text();
    // `--flag=VALUE` in one argument, or `--flag` then `VALUE`.
    let elements = if text.starts_with(&format!("{flag}=")) {
        (c.range.end == text.len() && c.range.start == flag.len() + 1).then_some(at..at + 1)?
    } else {
        let previous = args.elements().get(at.checked_sub(1)?)?.as_str()?;
        (previous == flag && c.range == (0..text.len())).then_some(at - 1..at + 1)?
    };
    let source = file.source.text.as_str();
    let env_key = key_of(Field::Env)?;
    if server
        .node
        .get(env_key)
        .is_some_and(|env| env.get(var).is_some())
    {
        return None;
    }
    let env_edit =
        json_edit::insert_into_map(source, server.node, env_key, var, &string(&reference))?;
    Some(Fix {
        title: format!(
            "move it out of the command line into the server's environment as {var} (which the server reads) and keep the value in the env file"
        ),
        applicability: Applicability::Safe,
        edits: vec![json_edit::remove_elements(source, args, elements)?, env_edit],
        extraction: Some(Extraction {
            var: var.to_string(),
            value: text[c.range.clone()].to_string(),
            client: file.format.client,
            rotate: super::rotate_link(c),
        }),
    })
}
