//! A shared server, as a hostile kiosk user would try it: huge window sizes,
//! big pastes, TERM=dumb, blocked output, no terminal at all. Each test runs
//! the real binary in a pseudo-terminal (or without one).

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Session, TIMEOUT, cpu_ms, rss_kb};

const BIN: &str = env!("CARGO_BIN_EXE_boussole");

/// The bound the issue sets on the memory of one session, in kilobytes.
const RSS_LIMIT_KB: u64 = 64 * 1024;

fn wait_rss_settled(pid: i32) -> u64 {
    // Let the frame be drawn and the memory settle.
    std::thread::sleep(Duration::from_millis(500));
    rss_kb(pid).expect("rss")
}

#[test]
fn huge_windows_are_drawn_clamped_in_bounded_memory() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(&[BIN, "--kiosk"], home.path());
    s.wait_for("Découvrir mes centres d'intérêt");
    let pid = s.pid();
    let base = wait_rss_settled(pid);
    for (cols, rows) in [(4000, 4000), (65535, 65535), (4000, 100)] {
        s.clear_raw();
        s.resize_pty(cols, rows);
        s.wait_raw("Boussole n'en utilise que 500 × 200 cases".as_bytes());
        let rss = wait_rss_settled(pid);
        eprintln!("RSS at {cols}×{rows}: {rss} kB (80×24: {base} kB)");
        assert!(rss < RSS_LIMIT_KB, "{rss} kB at {cols}×{rows}");
    }
    // Back to a normal size: the notice goes, the guide goes on.
    s.resize(80, 24);
    let start = Instant::now();
    while s.contents().contains("utilise que") || !s.contents().contains("Découvrir") {
        assert!(start.elapsed() < TIMEOUT, "not redrawn:\n{}", s.contents());
        std::thread::sleep(Duration::from_millis(20));
    }
    s.send("\x03");
    s.wait_for("Terminer la session ?");
    s.send("o");
    let (status, _) = s.wait_exit(TIMEOUT);
    assert!(status.success(), "{status:?}");
}

/// Opens the search field of a fresh kiosk session.
fn kiosk_search(home: &std::path::Path) -> Session {
    let mut s = Session::start(&[BIN, "--kiosk"], home);
    s.wait_for("Découvrir mes centres d'intérêt");
    s.send("/");
    s.wait_for("Tape un métier");
    s
}

#[test]
fn a_megabyte_paste_is_cheap_capped_and_ctrl_c_still_works() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut s = kiosk_search(home.path());
    let pid = s.pid();
    let before = cpu_ms(pid).unwrap_or(0);
    let mut paste = String::from("\x1b[200~electricien\r\n");
    paste.push_str(&"x".repeat(1 << 20));
    paste.push_str("\x1b[201~");
    let start = Instant::now();
    s.send(&paste);
    s.wait_for("electricien xxxxxxxx");
    let took = start.elapsed();
    let cpu = cpu_ms(pid).unwrap_or(0) - before;
    eprintln!("1 MB bracketed paste: {cpu} ms of CPU, {took:?} until shown");
    // At most a few milliseconds per kilobyte.
    assert!(cpu < 3 * 1024, "{cpu} ms of CPU for 1 MB");
    let field = s.contents();
    assert!(
        !field.contains(&"x".repeat(80)),
        "the field was not capped:\n{field}"
    );
    s.send("\x03");
    s.wait_for("Terminer la session ?");
    s.send("o");
    let (status, _) = s.wait_exit(TIMEOUT);
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_megabyte_typed_without_brackets_never_stalls() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut s = kiosk_search(home.path());
    let pid = s.pid();
    let before = cpu_ms(pid).unwrap_or(0);
    let start = Instant::now();
    s.send(&"y".repeat(1 << 20));
    // Every byte is read: the key after the paste is handled at once.
    s.send("\x03");
    s.wait_for("Terminer la session ?");
    let took = start.elapsed();
    let cpu = cpu_ms(pid).unwrap_or(0) - before;
    eprintln!("1 MB typed without brackets: {cpu} ms of CPU, {took:?} until Ctrl-C answered");
    assert!(cpu < 3 * 1024, "{cpu} ms of CPU for 1 MB");
    s.send("o");
    let (status, _) = s.wait_exit(TIMEOUT);
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_paste_outside_the_search_field_does_not_act_as_keys() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(&[BIN, "--kiosk"], home.path());
    s.wait_for("Découvrir mes centres d'intérêt");
    // "4" would open the apprenticeship screen, "\x03" would ask to end.
    s.send("\x1b[200~4\x03q\x1b[201~");
    s.send("1");
    s.wait_for("Quel questionnaire ?");
    assert!(!s.contents().contains("Combien gagne un apprenti"));
    s.send("\x1b\x03");
    s.wait_for("Terminer la session ?");
    s.send("o");
    let _ = s.wait_exit(TIMEOUT);
}

#[test]
fn an_unfinished_paste_does_not_stop_the_idle_clock() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(
        &[BIN, "--kiosk", "--idle-exit", "--idle-timeout", "2"],
        home.path(),
    );
    s.wait_for("Découvrir mes centres d'intérêt");
    s.send("\x1b[200~le début d'un collage sans fin");
    let (status, took) = s.wait_exit(Duration::from_secs(6));
    assert!(status.success(), "{status:?}");
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn the_kiosk_refuses_plain_mode_whatever_term_says() {
    let home = tempfile::tempdir().expect("tempdir");
    for (argv, term) in [
        (
            &[BIN, "--kiosk", "--idle-exit", "--idle-timeout", "2"][..],
            "dumb",
        ),
        (&[BIN, "--kiosk", "--plain"][..], "xterm-256color"),
    ] {
        let mut s = Session::start_with(argv, home.path(), &[("TERM", term)]);
        let (status, _) = s.wait_exit(TIMEOUT);
        assert_eq!(status.exit_code(), 2, "{argv:?} TERM={term}");
        let out = String::from_utf8_lossy(&s.output()).into_owned();
        assert!(
            out.contains("le mode borne a besoin d'un terminal complet"),
            "{out}"
        );
    }
    assert!(common::files_under(home.path()).is_empty());
}

#[test]
fn the_kiosk_leaves_no_core_dump_and_quits_on_sigquit() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(&[BIN, "--kiosk"], home.path());
    s.wait_for("Découvrir mes centres d'intérêt");
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", s.pid())).expect("limits");
    let core = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .expect("core limit");
    assert_eq!(
        core.split_whitespace().nth(4),
        Some("0"),
        "core dumps allowed: {core}"
    );
    // Ctrl-\ is a key in raw mode; SIGQUIT from outside ends the session cleanly.
    s.send("\x1c");
    std::thread::sleep(Duration::from_millis(200));
    // SAFETY: a signal to our own child.
    unsafe {
        libc::kill(s.pid(), libc::SIGQUIT);
    }
    let (status, _) = s.wait_exit(Duration::from_secs(2));
    assert_eq!(status.exit_code(), 128 + 3, "{status:?}");
    assert!(common::files_under(home.path()).is_empty());
}

#[test]
fn sigterm_ends_the_session_within_a_second_even_with_blocked_output() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(&[BIN, "--kiosk"], home.path());
    s.wait_for("Découvrir mes centres d'intérêt");
    // The client stops reading; resizes make the guide write whole frames
    // until the terminal's buffer is full and its writes block.
    s.pause_output(true);
    for i in 0..60u16 {
        s.resize_pty(200 + i % 2, 60);
        std::thread::sleep(Duration::from_millis(5));
    }
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: a signal to our own child.
    unsafe {
        libc::kill(s.pid(), libc::SIGTERM);
    }
    let (status, took) = s.wait_exit(Duration::from_secs(3));
    eprintln!("SIGTERM with blocked output: ended after {took:?}");
    assert_eq!(status.exit_code(), 128 + 15, "{status:?}");
    assert!(took < Duration::from_secs(1), "{took:?}");
    s.pause_output(false);
}

fn run_without_terminal(args: &[&str]) -> std::process::Output {
    let home = tempfile::tempdir().expect("tempdir");
    Command::new(BIN)
        .args(args)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("TERM", "xterm-256color")
        .env_remove("BOUSSOLE_CONTENT")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run")
}

#[test]
fn without_a_terminal_one_french_line_and_exit_2() {
    for args in [&[][..], &["--kiosk", "--idle-exit"][..]] {
        let o = run_without_terminal(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("boussole : pas de terminal ;"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn huge_or_wrong_arguments_are_refused_in_french_without_panic() {
    for args in [
        &["--kiosk", "--idle-timeout", "18446744073709551615"][..],
        &["--kiosk", "--idle-timeout", "86401"][..],
    ] {
        let o = run_without_terminal(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("--idle-timeout doit être un nombre de secondes de 0 à 86400"),
            "{err}"
        );
    }
    for (args, expected) in [
        (
            &["search", "--limit", "abc", "e"][..],
            "« abc » pour --limit <LIMIT> : il faut un nombre entier positif ou nul",
        ),
        (
            &["search", "--limit", "99999999999999999999999", "e"][..],
            "pour --limit <LIMIT> : nombre trop grand",
        ),
        (
            &["--kiosq"][..],
            "option inconnue « --kiosq » (vouliez-vous dire --kiosk ?)",
        ),
    ] {
        let o = run_without_terminal(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(!err.contains("error:"), "{args:?}: {err}");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let schema = dir.path().join("schema");
    let o = run_without_terminal(&[
        "--kiosk",
        "schema",
        "--write",
        &schema.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--kiosk n'écrit aucun fichier"));
    assert!(!schema.exists());
}

#[test]
fn the_guide_never_sends_escape_sequences_from_paths() {
    // A home directory whose name would set the window title.
    let base = tempfile::tempdir().expect("tempdir");
    let home = base.path().join("maison\u{1b}]0;PWNED\u{7}");
    std::fs::create_dir_all(&home).expect("home");
    let mut s = Session::start(&[BIN], &home);
    s.wait_for("Découvrir mes centres d'intérêt");
    s.send("/electricien\r");
    s.wait_for("Fiche métier");
    s.send("e");
    s.wait_for("Exporter mon résumé");
    s.send("o");
    s.wait_for("Résumé enregistré");
    s.send("\x03");
    let _ = s.wait_exit(TIMEOUT);
    let out = s.output();
    assert!(
        !out.windows(4).any(|w| w == b"\x1b]0;"),
        "an OSC sequence reached the terminal"
    );
    assert!(!out.contains(&0x07), "BEL reached the terminal");
}
