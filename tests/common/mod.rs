//! A pseudo-terminal harness shared by the end-to-end tests: start a command
//! in a pty, drain its output into a vt100 screen, type, resize, wait.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const TIMEOUT: Duration = Duration::from_secs(20);

pub struct Session {
    pub master: Option<Box<dyn MasterPty + Send>>,
    pub writer: Option<Box<dyn Write + Send>>,
    pub child: Box<dyn Child + Send + Sync>,
    pub screen: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    pub reader: Option<JoinHandle<()>>,
    /// While set, the output is not read: the program's writes block once
    /// the terminal's buffer is full, as with a client that stopped reading.
    pub paused: Arc<AtomicBool>,
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
    pub fn start(argv: &[&str], home: &Path) -> Session {
        Self::start_with(argv, home, &[("TERM", "xterm-256color")])
    }

    /// As `start`, with these environment variables (TERM among them).
    pub fn start_with(argv: &[&str], home: &Path, env: &[(&str, &str)]) -> Session {
        let pair = native_pty_system().openpty(size(80, 24)).expect("openpty");
        let mut cmd = CommandBuilder::new(argv[0]);
        cmd.args(&argv[1..]);
        cmd.cwd(home);
        cmd.env_remove("TERM");
        // A UTF-8 locale, whatever the machine's: without it the guide draws in ASCII.
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_CTYPE");
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
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(24), nz(80), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let paused = Arc::new(AtomicBool::new(false));
        let (s, r, p) = (Arc::clone(&screen), Arc::clone(&raw), Arc::clone(&paused));
        // Drain the output continuously, or the program blocks on a full pty.
        let handle = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                while p.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(10));
                }
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
            paused,
        }
    }

    /// Stops (or resumes) reading the program's output.
    pub fn pause_output(&self, paused: bool) {
        self.paused.store(paused, Ordering::Relaxed);
    }

    pub fn contents(&self) -> String {
        self.screen
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// Waits until the screen shows `text` (polling, never a fixed sleep).
    pub fn wait_for(&self, text: &str) {
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
    pub fn wait_cell(&self, row: u16, col: u16, symbol: &str) {
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

    pub fn send(&mut self, bytes: &str) {
        let w = self.writer.as_mut().expect("writer");
        w.write_all(bytes.as_bytes()).expect("write to pty");
        w.flush().expect("flush");
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .expect("master")
            .resize(size(cols, rows))
            .expect("resize");
        if let Ok(mut p) = self.screen.lock() {
            p.screen_mut().set_size(nz(rows), nz(cols));
        }
    }

    /// Resizes the pseudo-terminal only: the screen kept here stays as it
    /// is (a vt100 screen of 65535 × 65535 would not fit in memory).
    pub fn resize_pty(&self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .expect("master")
            .resize(size(cols, rows))
            .expect("resize");
    }

    /// Waits until the raw output contains `needle`.
    pub fn wait_raw(&self, needle: &[u8]) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            let found = self
                .raw
                .lock()
                .map(|v| v.windows(needle.len()).any(|w| w == needle))
                .unwrap_or(false);
            if found {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "{:?} never written; screen:\n{}",
            String::from_utf8_lossy(needle),
            self.contents()
        );
    }

    /// Clears the raw output kept so far.
    pub fn clear_raw(&self) {
        if let Ok(mut v) = self.raw.lock() {
            v.clear();
        }
    }

    pub fn pid(&self) -> i32 {
        self.child
            .process_id()
            .and_then(|p| i32::try_from(p).ok())
            .expect("pid")
    }

    /// Waits for the exit; returns the status and how long it took.
    pub fn wait_exit(&mut self, limit: Duration) -> (portable_pty::ExitStatus, Duration) {
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
    pub fn output(&mut self) -> Vec<u8> {
        self.writer.take();
        self.master.take();
        if let Some(h) = self.reader.take() {
            let _ = h.join();
        }
        self.raw.lock().map(|v| v.clone()).unwrap_or_default()
    }
}

/// CPU time (user + system) of a live process, in milliseconds.
pub fn cpu_ms(pid: i32) -> Option<u64> {
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

/// Resident memory of a live process, in kilobytes.
pub fn rss_kb(pid: i32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

pub fn process_state(pid: i32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat[stat.rfind(')')? + 2..].chars().next()
}

pub fn files_under(dir: &Path) -> Vec<String> {
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
