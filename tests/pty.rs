//! The real binary in a pseudo-terminal, driven like a person would: start,
//! read the screen, type, resize, quit; and what happens when the terminal
//! disappears, on Ctrl-Z, on SIGTERM, and what kiosk mode writes.

mod common;

use std::time::{Duration, Instant};

use common::{Session, TIMEOUT, cpu_ms, files_under, process_state};

const BIN: &str = env!("CARGO_BIN_EXE_boussole");

const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn start_type_resize_and_quit() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(&[BIN], home.path());
    s.wait_for("Découvrir mes centres d'intérêt");
    s.send("/electricien");
    s.wait_for("Électricien du bâtiment");
    // Resize one step at a time, each time waiting for a frame of the new size
    // (the search field's top-right corner), as a person would.
    s.resize(120, 40);
    s.wait_cell(1, 119, "┓");
    s.resize(60, 20);
    s.wait_for("Fenêtre trop petite");
    s.resize(80, 24);
    s.wait_cell(1, 79, "┓");
    s.wait_for("Électricien du bâtiment");
    // crossterm 0.29 can hold a key that arrives while it is still handling the
    // resize signals (edge-triggered readiness); give it a moment, as a person would.
    std::thread::sleep(Duration::from_millis(300));
    s.send("\x1b");
    s.wait_for("Ma situation");
    s.send("q");
    let (status, _) = s.wait_exit(TIMEOUT);
    assert!(status.success(), "{status:?}");
    let out = s.output();
    assert!(
        contains(&out, LEAVE_ALT_SCREEN),
        "the alternate screen was not left"
    );
    assert!(
        contains(&out, b"\x1b[?25h"),
        "the cursor was not shown again"
    );
}

#[test]
fn a_vanished_terminal_ends_the_process_quickly_without_spinning() {
    let home = tempfile::tempdir().expect("tempdir");
    let script = format!("trap '' HUP; exec {BIN}");
    let mut s = Session::start(&["bash", "-c", &script], home.path());
    s.wait_for("Découvrir mes centres d'intérêt");
    let pid = s.pid();
    let before = cpu_ms(pid).unwrap_or(0);
    // Close our side of the terminal, as a dropped SSH connection does.
    s.writer.take();
    s.master.take();
    let start = Instant::now();
    let mut last_cpu = before;
    loop {
        match cpu_ms(pid) {
            Some(c) if process_state(pid) != Some('Z') => last_cpu = c,
            _ => break,
        }
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "still alive after 2 s"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let (_, _) = s.wait_exit(Duration::from_secs(2));
    assert!(
        last_cpu - before < 100,
        "used {} ms of CPU after the hangup",
        last_cpu - before
    );
}

#[test]
fn ctrl_z_does_not_suspend() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(&[BIN], home.path());
    s.wait_for("Découvrir mes centres d'intérêt");
    s.send("\x1a");
    std::thread::sleep(Duration::from_millis(200));
    assert_ne!(process_state(s.pid()), Some('T'), "the process was stopped");
    s.send("4");
    s.wait_for("Combien gagne un apprenti");
    s.send("\x03");
    let (status, _) = s.wait_exit(TIMEOUT);
    assert!(status.success());
}

#[test]
fn sigterm_restores_the_terminal() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(&[BIN, "--mouse"], home.path());
    s.wait_for("Découvrir mes centres d'intérêt");
    // SAFETY: sending a signal to our own child.
    unsafe {
        libc::kill(s.pid(), libc::SIGTERM);
    }
    let (status, took) = s.wait_exit(Duration::from_secs(2));
    assert_eq!(status.exit_code(), 128 + 15, "{status:?}");
    assert!(took < Duration::from_secs(1));
    let out = s.output();
    let tail = &out[out.len().saturating_sub(200)..];
    assert!(
        contains(tail, LEAVE_ALT_SCREEN),
        "alternate screen not left"
    );
    assert!(
        contains(tail, b"\x1b[?1000l"),
        "mouse reporting not turned off"
    );
}

#[test]
fn kiosk_writes_nothing_and_asks_before_ending() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(&[BIN, "--kiosk"], home.path());
    s.wait_for("Découvrir mes centres d'intérêt");
    s.send("1r4343");
    s.wait_for("Activité 5");
    // q asks before wiping what was entered, then wipes and comes home;
    // the session goes on.
    s.send("q");
    s.wait_for("Tout effacer et revenir à l'accueil ?");
    s.send("o");
    s.wait_for("Ma situation");
    s.send("1");
    s.wait_for("Quel questionnaire ?");
    s.send("\x1b\x03");
    s.wait_for("Terminer la session ?");
    s.send("n");
    s.send("\x04");
    s.wait_for("Terminer la session ?");
    s.send("o");
    let (status, _) = s.wait_exit(TIMEOUT);
    assert!(status.success());
    let written = files_under(home.path());
    assert!(written.is_empty(), "kiosk mode wrote: {written:?}");
}

#[test]
fn kiosk_idle_timeout_wipes_then_can_exit() {
    let home = tempfile::tempdir().expect("tempdir");
    // 31 s of idle: the 30-second warning shows after about one second.
    let mut s = Session::start(&[BIN, "--kiosk", "--idle-timeout", "31"], home.path());
    s.wait_for("Découvrir mes centres d'intérêt");
    s.send("4");
    s.wait_for("Combien gagne un apprenti");
    s.wait_for("Tu es toujours là ?");
    s.send(" ");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!s.contents().contains("Tu es toujours là ?"));
    assert!(
        s.contents().contains("Combien gagne un apprenti"),
        "a key keeps the session"
    );
    s.send("\x03o");
    let _ = s.wait_exit(TIMEOUT);

    // --idle-exit with a 1-second timeout ends the process by itself.
    let mut s = Session::start(
        &[BIN, "--kiosk", "--idle-timeout", "1", "--idle-exit"],
        home.path(),
    );
    s.wait_for("Découvrir mes centres d'intérêt");
    let (status, _) = s.wait_exit(Duration::from_secs(5));
    assert!(status.success(), "{status:?}");
    assert!(files_under(home.path()).is_empty());
}

#[test]
fn export_and_save_write_where_expected_and_a_damaged_save_is_moved_aside() {
    let home = tempfile::tempdir().expect("tempdir");
    let data = home.path().join("xdg_data_home").join("boussole");
    let mut s = Session::start(&[BIN], home.path());
    s.wait_for("Découvrir mes centres d'intérêt");
    // Search, open a fiche, mark it favourite, export the summary.
    s.send("/electricien\r");
    s.wait_for("Fiche métier");
    s.send("fe");
    s.wait_for("Exporter mon résumé");
    s.send("o");
    s.wait_for("Résumé enregistré");
    // A second export the same day gets a new name: nothing is overwritten.
    s.send("e");
    s.wait_for("Exporter mon résumé");
    s.send("o");
    let resumes = |ext: &str| {
        files_under(home.path())
            .iter()
            .filter(|f| f.ends_with(ext) && f.contains("boussole-resume-"))
            .count()
    };
    let deadline = std::time::Instant::now() + TIMEOUT;
    while resumes(".html") < 2 && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!((resumes(".md"), resumes(".html")), (2, 2));
    // Back home, save (entry 9 without a profile), quit.
    s.send("\x1b");
    s.wait_for("Tape un métier");
    s.send("\x1b");
    s.wait_for("Enregistrer mes réponses");
    s.send("9");
    s.wait_for("Réponses enregistrées");
    s.send("q");
    let _ = s.wait_exit(TIMEOUT);
    let files = files_under(home.path());
    assert!(
        files
            .iter()
            .any(|f| f.ends_with(".md") && f.contains("boussole-resume-")),
        "{files:?}"
    );
    assert!(
        files
            .iter()
            .any(|f| f.ends_with(".html") && f.contains("boussole-resume-")),
        "{files:?}"
    );
    let saved = std::fs::read_to_string(data.join("session.json")).expect("saved session");
    assert!(saved.contains("\"electricien\""), "{saved}");

    // Restarting restores it; a damaged file is moved aside, not deleted.
    let mut s = Session::start(&[BIN], home.path());
    s.wait_for("Tes réponses enregistrées ont été reprises.");
    s.send("q");
    let _ = s.wait_exit(TIMEOUT);
    std::fs::write(data.join("session.json"), "{ abîmé").expect("write");
    let mut s = Session::start(&[BIN], home.path());
    s.wait_for("Enregistrement illisible, mis de côté");
    s.send("q");
    let _ = s.wait_exit(TIMEOUT);
    let kept: Vec<String> = files_under(&data)
        .into_iter()
        .filter(|f| f.contains("session-illisible-"))
        .collect();
    assert_eq!(kept.len(), 1, "{:?}", files_under(&data));
    assert_eq!(std::fs::read_to_string(&kept[0]).expect("kept"), "{ abîmé");
}
