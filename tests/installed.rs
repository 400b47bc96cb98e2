//! A smoke test of an installed Boussole (the Debian package's
//! /usr/bin/boussole, or any other build) in a pseudo-terminal: the guide
//! starts, searches, and quits leaving the terminal as it found it.
//!
//! The binary comes from BOUSSOLE_INSTALLED_BIN; `.ci/run` sets it after
//! `dpkg -i`. Without it the test fails in CI and is skipped elsewhere.

mod common;

use common::{Session, TIMEOUT, files_under};

fn installed() -> Option<String> {
    match std::env::var("BOUSSOLE_INSTALLED_BIN") {
        Ok(bin) if !bin.is_empty() => Some(bin),
        _ => {
            assert!(
                std::env::var_os("CI").is_none(),
                "BOUSSOLE_INSTALLED_BIN is not set: .ci/run must install the package first"
            );
            eprintln!(
                "SKIPPED: set BOUSSOLE_INSTALLED_BIN=/usr/bin/boussole to test an installed binary"
            );
            None
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn the_installed_guide_starts_searches_and_quits() {
    let Some(bin) = installed() else { return };
    let home = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(&[&bin], home.path());
    s.wait_for("Découvrir mes centres d'intérêt");
    s.send("/electricien");
    s.wait_for("Électricien du bâtiment");
    s.send("\x1b");
    s.wait_for("Ma situation");
    s.send("q");
    let (status, _) = s.wait_exit(TIMEOUT);
    assert!(status.success(), "{status:?}");
    let out = s.output();
    assert!(
        contains(&out, b"\x1b[?1049l"),
        "the alternate screen was not left"
    );
    assert!(
        contains(&out, b"\x1b[?25h"),
        "the cursor was not shown again"
    );
}

#[test]
fn the_installed_kiosk_writes_nothing() {
    let Some(bin) = installed() else { return };
    let home = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(&[&bin, "--kiosk", "--idle-exit"], home.path());
    s.wait_for("Découvrir mes centres d'intérêt");
    s.send("4");
    s.wait_for("Combien gagne un apprenti");
    // q clears everything and goes back home; Ctrl-C then `o` ends the session.
    s.send("q");
    s.wait_for("Ma situation");
    s.send("\x03");
    s.wait_for("Terminer la session ?");
    s.send("o");
    let (status, _) = s.wait_exit(TIMEOUT);
    assert!(status.success(), "{status:?}");
    assert!(
        files_under(home.path()).is_empty(),
        "the kiosk wrote: {:?}",
        files_under(home.path())
    );
}
