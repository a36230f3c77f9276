//! `mcplint doctor [PATHS]`: what would fail at start-up in this
//! environment. Exit 0 when every server would start, 1 otherwise, 2 when
//! a path cannot be searched.

use super::args::{DoctorArgs, DoctorFormat};
use crate::doctor::{self, render, ProcessEnvironment};

pub(super) fn doctor(args: DoctorArgs) -> u8 {
    let cwd = std::env::current_dir().unwrap_or_default();
    // As in `check`: `--user` alone checks the per-user files alone.
    let paths = if args.paths.is_empty() && !args.user {
        vec![cwd.clone()]
    } else {
        args.paths.clone()
    };
    let options = doctor::Options {
        user: args.user,
        max_file_size: crate::run::DEFAULT_MAX_FILE_SIZE,
    };
    let report = doctor::run(&paths, &cwd, &options, &ProcessEnvironment);
    let text = match args.format {
        DoctorFormat::Json => render::json(&report),
        DoctorFormat::Human => render::human(&report),
    };
    super::write_out(&text);
    if report.healthy() {
        0
    } else {
        1
    }
}
