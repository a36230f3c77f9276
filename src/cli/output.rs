//! Writing a report: the chosen format, `--output`, colour and width, and
//! the exit status `--fail-on` gives it.

use std::io::IsTerminal;

use super::args::{Color, Format, ReportArgs};
use super::write_out;
use crate::finding::Severity;
use crate::lint::Report;
use crate::report::{human, json};

impl ReportArgs {
    /// Options that cannot go together.
    pub(super) fn check(&self) -> Result<(), &'static str> {
        if self.statistics && !matches!(self.format, Format::Human | Format::Json) {
            return Err("--statistics prints a table (human) or JSON; it has no SARIF, GitHub or GitLab form");
        }
        Ok(())
    }

    /// Render and write the report; the exit status.
    pub(super) fn write(&self, report: &Report) -> u8 {
        if let Err(e) = self.output(&self.render(report)) {
            eprintln!("mcplint: {e}");
            return 2;
        }
        report.exit_code(self.fail_level())
    }

    /// The severity that fails the run; none under `--exit-zero`.
    pub(super) fn fail_level(&self) -> Option<Severity> {
        if self.exit_zero {
            None
        } else {
            self.fail_on.level()
        }
    }

    /// Write the report to `--output FILE` or standard output.
    pub(super) fn output(&self, text: &str) -> Result<(), String> {
        match &self.output {
            None => {
                write_out(text);
                Ok(())
            }
            Some(path) => {
                let old = std::fs::read(path).ok();
                crate::syntax::write::atomically(path, text.as_bytes(), old.as_deref(), 0o644)
                    .map_err(|e| e.to_string())
            }
        }
    }

    /// The report in the chosen format (or its statistics).
    pub(super) fn render(&self, report: &Report) -> String {
        if self.statistics {
            return match self.format {
                Format::Json => crate::report::statistics::render_json(report),
                _ => crate::report::statistics::render_text(report),
            };
        }
        match self.format {
            Format::Json => json::render(report),
            Format::Sarif => crate::report::sarif::render(report),
            Format::Github => crate::report::github::render(report),
            Format::Gitlab => crate::report::gitlab::render(report),
            Format::Human => human::render(
                report,
                &human::Style {
                    color: use_color(self.color),
                    width: terminal_width(),
                    quiet: self.quiet,
                    group: !self.no_group,
                },
            ),
        }
    }
}

fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w: &usize| w >= 40)
        .unwrap_or(100)
}
