//! A saved session file: any bytes give a session or a French error, never
//! a panic; a session read back is written and read again unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(saved) = boussole::session::parse(text, "session.json") {
        let again = boussole::session::parse(&saved.to_json(), "session.json");
        assert_eq!(again.ok(), Some(saved));
    }
});
