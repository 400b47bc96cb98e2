//! The configuration file reader (src/cli/config.rs, included as it is):
//! any text gives settings or a `file:line:col: message`, never a panic.
#![no_main]

#[allow(dead_code)]
#[path = "../../src/cli/config.rs"]
mod config;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match config::parse(text, "config.toml") {
        Ok(c) => {
            let _ = c.check_situation(["3e", "cap"].into_iter());
            assert!(c.inactivite.is_none_or(|s| s <= config::MAX_IDLE_SECS));
        }
        Err(message) => assert!(message.starts_with("config.toml:")),
    }
});
