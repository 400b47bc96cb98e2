//! The `boussole` command: the terminal guide and its plain commands.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
