//! Interactive figures of the real binary, driven in pseudo-terminals.
//!
//! ```sh
//! cargo build --release && cargo build --release --example pty_bench
//! # one session: first frame, search keystroke -> frame, bytes per key,
//! # peak RSS, CPU and wake-ups over 60 s idle
//! target/release/examples/pty_bench session --idle 60
//! # 100 concurrent kiosk sessions typing at once
//! target/release/examples/pty_bench many --sessions 100 --think 100
//! ```
//!
//! Options: `--bin PATH` (default `target/release/boussole`), `--content DIR`
//! (a whole content, e.g. from the `gen_content` example), `--overlay DIR`
//! (an overlay, e.g. from `bench/overlay.py`), `--runs N` (starts timed
//! for the first frame), `--idle SECS` (0 skips the idle measurement),
//! `--sessions N`, `--think MS` (pause after each frame before the next key).
//!
//! How a frame is recognised: ratatui ends every frame by hiding the cursor
//! (`ESC[?25l`) or by showing it and moving it (`ESC[?25h ESC[row;colH`), each
//! flushed at once. The reader thread timestamps the chunk that completes such
//! a marker, so "keystroke -> frame" is the time from writing the key to the
//! pty until the last byte of the frame it caused has been read back: the
//! whole round trip a person would see, pty and harness included.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(30);
/// The home screen is drawn: its first menu entry is visible.
const HOME: &str = "Découvrir mes centres d'intérêt";
/// What is typed in the search screen, one key at a time.
const QUERIES: [&str; 2] = ["electricien", "technicien de maintenance industrielle"];

struct State {
    parser: vt100::Parser,
    bytes: u64,
    frames: u64,
    last_frame: Option<Instant>,
    /// The last bytes seen, to find markers split across reads.
    tail: Vec<u8>,
    eof: bool,
}

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    state: Arc<(Mutex<State>, Condvar)>,
    started: Instant,
}

/// Counts frame ends in `buf` that finish after `from`.
fn frame_ends(buf: &[u8], from: usize) -> u64 {
    let mut n = 0;
    let mut i = 0;
    while let Some(p) = find(&buf[i..], b"\x1b[?25") {
        let start = i + p;
        let after = start + 5;
        match buf.get(after) {
            Some(b'l') if after + 1 > from => n += 1,
            Some(b'h') => {
                // ESC[?25h then ESC[row;colH
                let rest = &buf[after + 1..];
                if let Some(len) = move_to_len(rest)
                    && after + 1 + len > from
                {
                    n += 1;
                }
            }
            _ => {}
        }
        i = after;
    }
    n
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Length of a complete `ESC[digits;digitsH` at the start of `s`.
fn move_to_len(s: &[u8]) -> Option<usize> {
    if !s.starts_with(b"\x1b[") {
        return None;
    }
    for (k, &b) in s.iter().enumerate().skip(2) {
        match b {
            b'0'..=b'9' | b';' => {}
            b'H' => return Some(k + 1),
            _ => return None,
        }
    }
    None
}

fn nz(v: u16) -> NonZeroU16 {
    NonZeroU16::new(v).unwrap_or(NonZeroU16::MIN)
}

impl Session {
    fn start(bin: &str, args: &[String], home: &std::path::Path) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(bin);
        cmd.args(args);
        cmd.cwd(home);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        for var in ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"] {
            cmd.env(var, home.join(var.to_lowercase()));
        }
        cmd.env_remove("BOUSSOLE_CONTENT");
        cmd.env_remove("NO_COLOR");
        let state = Arc::new((
            Mutex::new(State {
                parser: vt100::Parser::new(nz(24), nz(80), 0),
                bytes: 0,
                frames: 0,
                last_frame: None,
                tail: Vec::new(),
                eof: false,
            }),
            Condvar::new(),
        ));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let s = Arc::clone(&state);
        std::thread::spawn(move || {
            let mut buf = [0u8; 16384];
            loop {
                let n = reader.read(&mut buf).unwrap_or(0);
                let now = Instant::now();
                let (lock, cvar) = &*s;
                let Ok(mut st) = lock.lock() else { break };
                if n == 0 {
                    st.eof = true;
                    cvar.notify_all();
                    break;
                }
                let chunk = &buf[..n];
                st.parser.process(chunk);
                st.bytes += n as u64;
                let mut joined = std::mem::take(&mut st.tail);
                let from = joined.len();
                joined.extend_from_slice(chunk);
                let ends = frame_ends(&joined, from);
                if ends > 0 {
                    st.frames += ends;
                    st.last_frame = Some(now);
                }
                let keep = joined.len().saturating_sub(32);
                st.tail = joined[keep..].to_vec();
                cvar.notify_all();
            }
        });
        Session {
            master: pair.master,
            writer,
            child,
            state,
            started,
        }
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    fn counters(&self) -> (u64, u64) {
        let st = self.state.0.lock().expect("state");
        (st.frames, st.bytes)
    }

    /// Waits for a frame after `frames_before` whose screen shows `expect`;
    /// returns when its last byte arrived and the bytes since `bytes_before`.
    fn wait_frame(&self, frames_before: u64, bytes_before: u64, expect: &str) -> (Instant, u64) {
        let deadline = Instant::now() + TIMEOUT;
        let (lock, cvar) = &*self.state;
        let mut st = lock.lock().expect("state");
        loop {
            if st.frames > frames_before && st.parser.screen().contents().contains(expect) {
                let at = st.last_frame.expect("a frame was seen");
                return (at, st.bytes - bytes_before);
            }
            assert!(
                !st.eof,
                "the program ended; screen:\n{}",
                st.parser.screen().contents()
            );
            let now = Instant::now();
            assert!(
                now < deadline,
                "no frame showing {expect:?}; screen:\n{}",
                st.parser.screen().contents()
            );
            st = cvar.wait_timeout(st, deadline - now).expect("state").0;
        }
    }

    /// Sends `keys`, waits for the frame showing `expect`; (latency, bytes).
    fn key(&mut self, keys: &str, expect: &str) -> (Duration, u64) {
        let (frames, bytes) = self.counters();
        let sent = Instant::now();
        self.writer.write_all(keys.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
        let (at, n) = self.wait_frame(frames, bytes, expect);
        (at.saturating_duration_since(sent), n)
    }

    fn first_frame(&self) -> Duration {
        let (at, _) = self.wait_frame(0, 0, HOME);
        at - self.started
    }

    fn status(&self, field: &str) -> Option<u64> {
        proc_field(&format!("/proc/{}/status", self.pid()), field)
    }

    fn quit(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        drop(self.master);
    }
}

fn proc_field(path: &str, field: &str) -> Option<u64> {
    let text = std::fs::read_to_string(path).ok()?;
    let line = text.lines().find(|l| l.starts_with(field))?;
    line[field.len()..].split_whitespace().next()?.parse().ok()
}

/// CPU time (user + system) of a process, in milliseconds.
fn cpu_ms(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    let after = &stat[stat.rfind(')').expect("comm") + 2..];
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 = f[11].parse::<u64>().unwrap_or(0) + f[12].parse::<u64>().unwrap_or(0);
    // SAFETY: sysconf only reads a constant.
    let hz = u64::try_from(unsafe { libc::sysconf(libc::_SC_CLK_TCK) }).unwrap_or(100);
    ticks * 1000 / hz.max(1)
}

/// Context switches of every thread of a process: each wake-up counts one.
fn wakeups(pid: u32) -> u64 {
    let mut n = 0;
    if let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) {
        for t in tasks.flatten() {
            let p = t.path().join("status");
            let p = p.display().to_string();
            n += proc_field(&p, "voluntary_ctxt_switches:").unwrap_or(0);
            n += proc_field(&p, "nonvoluntary_ctxt_switches:").unwrap_or(0);
        }
    }
    n
}

fn pss_kib(pid: u32) -> Option<u64> {
    proc_field(&format!("/proc/{pid}/smaps_rollup"), "Pss:")
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn summary(name: &str, unit: &str, mut v: Vec<f64>) {
    v.sort_by(f64::total_cmp);
    println!(
        "{name}: n={} min={:.3} p50={:.3} p99={:.3} max={:.3} {unit}",
        v.len(),
        v.first().copied().unwrap_or(f64::NAN),
        percentile(&v, 0.5),
        percentile(&v, 0.99),
        v.last().copied().unwrap_or(f64::NAN),
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

struct Opts {
    bin: String,
    content: Option<String>,
    overlay: Option<String>,
    runs: usize,
    idle: u64,
    sessions: usize,
    think: u64,
}

fn args_for(o: &Opts, kiosk: bool) -> Vec<String> {
    let mut a = Vec::new();
    if let Some(c) = &o.content {
        a.push("--content".to_string());
        a.push(c.clone());
    }
    if let Some(c) = &o.overlay {
        a.push("--overlay".to_string());
        a.push(c.clone());
    }
    if kiosk {
        a.extend(["--kiosk", "--idle-timeout", "0"].map(String::from));
    }
    a
}

/// Opens the search screen and types each query one key at a time, then
/// clears it; returns the latency and bytes of every keystroke.
fn type_queries(
    s: &mut Session,
    lat: &mut Vec<f64>,
    bytes: &mut Vec<f64>,
    think: Duration,
    by_prefix: &mut Vec<(String, f64)>,
) {
    s.key("/", "Recherche");
    for q in QUERIES {
        let mut typed = String::new();
        for ch in q.chars() {
            typed.push(ch);
            std::thread::sleep(think);
            let (d, n) = s.key(&ch.to_string(), &typed);
            lat.push(ms(d));
            bytes.push(n as f64);
            by_prefix.push((typed.clone(), ms(d)));
        }
        std::thread::sleep(think);
        // Ctrl-U clears the field.
        s.key("\x15", "Recherche");
    }
}

fn session(o: &Opts) {
    let home = tempdir();
    let args = args_for(o, false);
    let mut first = Vec::new();
    for _ in 0..o.runs {
        let s = Session::start(&o.bin, &args, &home);
        first.push(ms(s.first_frame()));
        s.quit();
    }
    summary("first frame (start -> home screen drawn)", "ms", first);

    let mut lat = Vec::new();
    let mut bytes = Vec::new();
    let mut s = Session::start(&o.bin, &args, &home);
    s.first_frame();
    let mut by_prefix = Vec::new();
    for _ in 0..5 {
        type_queries(
            &mut s,
            &mut lat,
            &mut bytes,
            Duration::from_millis(5),
            &mut by_prefix,
        );
    }
    summary("search keystroke -> frame", "ms", lat);
    // The first keys match almost every entry: the slowest searches.
    let mut line = String::from("median by query typed so far:");
    for prefix in [
        "e",
        "el",
        "ele",
        "elec",
        "electricien",
        "t",
        "te",
        "technicien",
    ] {
        let mut v: Vec<f64> = by_prefix
            .iter()
            .filter(|(p, _)| p == prefix)
            .map(|(_, d)| *d)
            .collect();
        v.sort_by(f64::total_cmp);
        line.push_str(&format!(" {prefix:?}={:.2}ms", percentile(&v, 0.5)));
    }
    println!("{line}");
    summary("bytes written per search keystroke", "B", bytes);
    // Moving in a list (the results of a search).
    s.key("electricien", "electricien");
    let mut nav = Vec::new();
    let mut nav_lat = Vec::new();
    for _ in 0..10 {
        let (d, n) = s.key("\x1b[B", "electricien");
        nav.push(n as f64);
        nav_lat.push(ms(d));
    }
    summary("list move (Down) -> frame", "ms", nav_lat);
    summary("bytes written per list move (Down)", "B", nav);
    // Visit the heavier screens too, so that the peak covers a real session.
    s.key("\x1b[H", "electricien");
    s.key("\r", "Formations");
    s.key("\x1b[C", "Parcours");
    s.key("\x1b[C", "Parcours");
    s.key("\x1b", "Recherche");
    s.key("\x1b", HOME);
    s.key("2", "Domaines");
    s.key("\x1b[B", "Domaines");
    s.key("\x1b", HOME);
    s.key("4", "pprentissage");
    s.key("\x1b", HOME);
    let hwm = s.status("VmHWM:").unwrap_or(0);
    let rss = s.status("VmRSS:").unwrap_or(0);
    println!(
        "memory after the session: peak RSS (VmHWM) {:.1} MiB, RSS {:.1} MiB, PSS {:.1} MiB",
        hwm as f64 / 1024.0,
        rss as f64 / 1024.0,
        pss_kib(s.pid()).unwrap_or(0) as f64 / 1024.0
    );
    s.quit();

    if o.idle > 0 {
        for (name, kiosk) in [("guide", false), ("kiosk --idle-timeout 0", true)] {
            let s = Session::start(&o.bin, &args_for(o, kiosk), &home);
            s.first_frame();
            std::thread::sleep(Duration::from_millis(500));
            let (cpu0, wake0) = (cpu_ms(s.pid()), wakeups(s.pid()));
            let (_, bytes0) = s.counters();
            std::thread::sleep(Duration::from_secs(o.idle));
            let (cpu1, wake1) = (cpu_ms(s.pid()), wakeups(s.pid()));
            let (_, bytes) = s.counters();
            println!(
                "idle {}s ({name}): CPU {} ms, wake-ups (context switches, all threads) {}, bytes written during idle: {}",
                o.idle,
                cpu1 - cpu0,
                wake1 - wake0,
                bytes - bytes0
            );
            s.quit();
        }
    }
}

fn many(o: &Opts) {
    let home = tempdir();
    let args = args_for(o, true);
    let t0 = Instant::now();
    let sessions: Vec<Session> = (0..o.sessions)
        .map(|_| Session::start(&o.bin, &args, &home))
        .collect();
    let first: Vec<f64> = sessions.iter().map(|s| ms(s.first_frame())).collect();
    println!(
        "{} kiosk sessions started and drawn in {:.0} ms",
        o.sessions,
        ms(t0.elapsed())
    );
    summary("first frame under load", "ms", first);
    let think = Duration::from_millis(o.think);
    let t1 = Instant::now();
    let handles: Vec<_> = sessions
        .into_iter()
        .enumerate()
        .map(|(i, mut s)| {
            std::thread::spawn(move || {
                // Spread the starts over the first think period.
                let stagger = o_stagger(i, think);
                std::thread::sleep(stagger);
                let mut lat = Vec::new();
                let mut bytes = Vec::new();
                let mut by_prefix = Vec::new();
                type_queries(&mut s, &mut lat, &mut bytes, think, &mut by_prefix);
                (s, lat)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut done = Vec::new();
    for h in handles {
        let (s, lat) = h.join().expect("driver thread");
        all.extend(lat);
        done.push(s);
    }
    let keys = all.len();
    println!(
        "{keys} keystrokes in {:.1} s ({:.0} keys/s over all sessions, think time {} ms)",
        t1.elapsed().as_secs_f64(),
        keys as f64 / t1.elapsed().as_secs_f64(),
        o.think
    );
    summary("search keystroke -> frame, all sessions", "ms", all);
    let rss: u64 = done.iter().filter_map(|s| s.status("VmRSS:")).sum();
    let hwm: u64 = done.iter().filter_map(|s| s.status("VmHWM:")).sum();
    let pss: u64 = done.iter().filter_map(|s| pss_kib(s.pid())).sum();
    println!(
        "memory of {} sessions: total RSS {:.1} MiB (sum of peaks {:.1} MiB), total PSS {:.1} MiB ({:.2} MiB per session)",
        done.len(),
        rss as f64 / 1024.0,
        hwm as f64 / 1024.0,
        pss as f64 / 1024.0,
        pss as f64 / 1024.0 / done.len().max(1) as f64
    );
    for s in done {
        s.quit();
    }
}

fn o_stagger(i: usize, think: Duration) -> Duration {
    let spread = think.max(Duration::from_millis(1));
    Duration::from_nanos((i as u64 * 7919 * 1_000_003) % spread.as_nanos() as u64)
}

fn tempdir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("boussole-pty-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn main() {
    let mut it = std::env::args().skip(1);
    let mode = it.next().unwrap_or_default();
    let mut o = Opts {
        bin: "target/release/boussole".to_string(),
        content: None,
        overlay: None,
        runs: 20,
        idle: 0,
        sessions: 100,
        think: 100,
    };
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        let num = || value.parse::<u64>().expect("a number");
        match flag.as_str() {
            "--bin" => o.bin = value.clone(),
            "--content" => o.content = Some(value.clone()),
            "--overlay" => o.overlay = Some(value.clone()),
            "--runs" => o.runs = num() as usize,
            "--idle" => o.idle = num(),
            "--sessions" => o.sessions = num() as usize,
            "--think" => o.think = num(),
            _ => panic!("unknown option {flag}"),
        }
    }
    // The program runs in a temporary directory: make the paths absolute.
    o.bin = absolute(&o.bin);
    o.content = o.content.as_deref().map(absolute);
    o.overlay = o.overlay.as_deref().map(absolute);
    println!(
        "binary {} content {}",
        o.bin,
        o.content.as_deref().unwrap_or("(bundled)")
    );
    match mode.as_str() {
        "session" => session(&o),
        "many" => many(&o),
        _ => {
            eprintln!(
                "usage: pty_bench session|many [--bin PATH] [--content DIR] [--overlay DIR] [--runs N] [--idle SECS] [--sessions N] [--think MS]"
            );
            std::process::exit(2);
        }
    }
    let _ = std::fs::remove_dir_all(tempdir());
}

/// The program runs in a temporary directory: paths must be absolute.
fn absolute(p: &str) -> String {
    std::fs::canonicalize(p)
        .unwrap_or_else(|e| panic!("{p}: {e}"))
        .display()
        .to_string()
}
