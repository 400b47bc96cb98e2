//! The real binary in a pseudo-terminal, driven like a person would: start,
//! read the screen, type, resize, quit; and what happens when the terminal
//! disappears, on Ctrl-Z, on SIGTERM, and what kiosk mode writes.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const BIN: &str = env!("CARGO_BIN_EXE_boussole");
const TIMEOUT: Duration = Duration::from_secs(20);

struct Session {
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nz(v: u16) -> NonZeroU16 {
    NonZeroU16::new(v).unwrap_or(NonZeroU16::MIN)
}

impl Session {
    /// Starts `argv` in an 80×24 pseudo-terminal with HOME and XDG dirs in `home`.
    fn start(argv: &[&str], home: &Path) -> Session {
        let pair = native_pty_system().openpty(size(80, 24)).expect("openpty");
        let mut cmd = CommandBuilder::new(argv[0]);
        cmd.args(&argv[1..]);
        cmd.cwd(home);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        for var in [
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME",
            "XDG_CACHE_HOME",
            "XDG_STATE_HOME",
        ] {
            cmd.env(var, home.join(var.to_lowercase()));
        }
        cmd.env_remove("BOUSSOLE_CONTENT");
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(24), nz(80), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (s, r) = (Arc::clone(&screen), Arc::clone(&raw));
        // Drain the output continuously, or the program blocks on a full pty.
        let handle = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if let Ok(mut p) = s.lock() {
                            p.process(&buf[..n]);
                        }
                        if let Ok(mut v) = r.lock() {
                            v.extend_from_slice(&buf[..n]);
                        }
                    }
                }
            }
        });
        Session {
            master: Some(pair.master),
            writer: Some(writer),
            child,
            screen,
            raw,
            reader: Some(handle),
        }
    }

    fn contents(&self) -> String {
        self.screen
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// Waits until the screen shows `text` (polling, never a fixed sleep).
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{text:?} never appeared; screen:\n{}", self.contents());
    }

    /// Waits until the cell at (row, col) shows `symbol`: proof that a frame
    /// of a given size has been drawn.
    fn wait_cell(&self, row: u16, col: u16, symbol: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            let found = self
                .screen
                .lock()
                .ok()
                .and_then(|p| p.screen().cell(row, col).map(|c| c.contents() == symbol))
                .unwrap_or(false);
            if found {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "{symbol:?} never appeared at {row},{col}; screen:\n{}",
            self.contents()
        );
    }

    fn send(&mut self, bytes: &str) {
        let w = self.writer.as_mut().expect("writer");
        w.write_all(bytes.as_bytes()).expect("write to pty");
        w.flush().expect("flush");
    }

    fn resize(&self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .expect("master")
            .resize(size(cols, rows))
            .expect("resize");
        if let Ok(mut p) = self.screen.lock() {
            p.screen_mut().set_size(nz(rows), nz(cols));
        }
    }

    fn pid(&self) -> i32 {
        self.child
            .process_id()
            .and_then(|p| i32::try_from(p).ok())
            .expect("pid")
    }

    /// Waits for the exit; returns the status and how long it took.
    fn wait_exit(&mut self, limit: Duration) -> (portable_pty::ExitStatus, Duration) {
        let start = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return (status, start.elapsed());
            }
            if start.elapsed() > limit {
                let _ = self.child.kill();
                panic!(
                    "still running after {limit:?}; screen:\n{}",
                    self.contents()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Everything the program wrote, once it has ended.
    fn output(&mut self) -> Vec<u8> {
        self.writer.take();
        self.master.take();
        if let Some(h) = self.reader.take() {
            let _ = h.join();
        }
        self.raw.lock().map(|v| v.clone()).unwrap_or_default()
    }
}

/// CPU time (user + system) of a live process, in milliseconds.
fn cpu_ms(pid: i32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // SAFETY: sysconf only reads a constant.
    let hz = u64::try_from(unsafe { libc::sysconf(libc::_SC_CLK_TCK) })
        .unwrap_or(100)
        .max(1);
    Some(ticks * 1000 / hz)
}

fn process_state(pid: i32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat[stat.rfind(')')? + 2..].chars().next()
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p));
            }
            out.push(p.display().to_string());
        }
    }
    out
}

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
    // q wipes and comes home; the session goes on.
    s.send("q");
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
