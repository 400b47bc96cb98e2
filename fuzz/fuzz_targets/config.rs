//! The configuration file reader (src/cli/config.rs, included as it is):
//! any text gives settings or a `file:line:col: message`, never a panic, and
//! the options built from it never overflow the idle clock.
#![no_main]

#[allow(dead_code)]
#[path = "../../src/cli/config.rs"]
mod config;

/// What config.rs uses from the command line (src/cli/mod.rs).
pub struct Cli {
    pub idle_timeout: Option<u64>,
    pub theme: Option<boussole::tui::ThemeName>,
    pub mouse: bool,
    pub kiosk: bool,
    pub idle_exit: bool,
    pub ascii: bool,
}

/// What config.rs uses from the terminal side (src/cli/terminal.rs).
#[allow(dead_code)]
mod terminal {
    use boussole::tui::ThemeName;

    pub struct Options {
        pub theme: ThemeName,
        pub mouse: bool,
        pub kiosk: bool,
        pub idle: Option<std::time::Duration>,
        pub idle_exit: bool,
        pub situation: Option<String>,
        pub departement: Option<String>,
        pub age: Option<u8>,
        pub export_dir: Option<std::path::PathBuf>,
        pub ascii: bool,
    }

    pub fn theme_from_env(asked: Option<ThemeName>) -> ThemeName {
        asked.unwrap_or_default()
    }

    pub fn locale_is_utf8() -> bool {
        true
    }
}

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match config::parse(text, "config.toml") {
        Ok(c) => {
            let _ = c.check_situation(["3e", "cap"].into_iter());
            let cli = Cli {
                idle_timeout: None,
                theme: None,
                mouse: false,
                kiosk: true,
                idle_exit: false,
                ascii: false,
            };
            let opts = config::tui_options(&cli, &c);
            let now = std::time::Instant::now();
            // The deadline can be computed: no overflow.
            let _ = opts.idle.map(|d| now + d);
        }
        Err(message) => assert!(message.starts_with("config.toml:")),
    }
});
