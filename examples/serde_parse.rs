//! The baseline of benchmark (b) in `bench/run.sh`: read one JSON file the
//! way mcplint does (whole file into memory, UTF-8 checked) and parse it
//! with `serde_json` into a `Value`, keeping the tree alive until the end as
//! mcplint keeps its own. Prints the number of top-level keys.
//!
//! cargo build --release --example serde_parse
//! target/release/examples/serde_parse big/.claude.json

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: serde_parse FILE.json");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("serde_parse: {}: {e}", path.to_string_lossy());
            return ExitCode::from(2);
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("serde_parse: invalid UTF-8: {e}");
            return ExitCode::from(2);
        }
    };
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(value) => {
            let keys = value.as_object().map_or(0, serde_json::Map::len);
            println!("{keys}");
            std::hint::black_box(&value);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("serde_parse: {e}");
            ExitCode::from(1)
        }
    }
}
