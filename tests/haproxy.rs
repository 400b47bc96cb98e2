//! Two kiosk hosts behind HAProxy, as docs/deploiement.md describes: 20 SSH
//! sessions through HAProxy are spread over both hosts; one host is stopped
//! while they run: its sessions end and leave no process, the other host's
//! sessions go on, and new sessions all land on the host still up; nothing is
//! written on either.
//!
//! The hosts are network namespaces on this machine, each with its own sshd
//! configured by the installed package's example drop-in; HAProxy listens on
//! 127.0.0.1. `.ci/run` sets them up with `tests/haproxy/setup.sh` (root, after
//! `dpkg -i`) and exports BOUSSOLE_LB_*; without it the test fails in CI and
//! is skipped elsewhere.

mod common;

use std::io::{Read, Write};
use std::os::unix::fs::MetadataExt;
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::{Session, files_under};

/// Sessions opened before a host is stopped, and after.
const FIRST: usize = 20;
const AFTER: usize = 6;

struct Lb {
    port: String,
    user: String,
    uid: u32,
    key: String,
    work: PathBuf,
    hosts: Vec<String>,
    homes: Vec<PathBuf>,
}

impl Lb {
    fn from_env() -> Option<Lb> {
        let port = std::env::var("BOUSSOLE_LB_PORT").ok()?;
        let var = |k: &str| std::env::var(k).unwrap_or_else(|_| panic!("{k} is not set"));
        Some(Lb {
            port,
            user: var("BOUSSOLE_LB_USER"),
            uid: var("BOUSSOLE_LB_UID").parse().expect("numeric uid"),
            key: var("BOUSSOLE_LB_KEY"),
            work: PathBuf::from(var("BOUSSOLE_LB_WORK")),
            hosts: var("BOUSSOLE_LB_HOSTS")
                .split_whitespace()
                .map(String::from)
                .collect(),
            homes: vec![
                PathBuf::from(var("BOUSSOLE_LB_HOME_1")),
                PathBuf::from(var("BOUSSOLE_LB_HOME_2")),
            ],
        })
    }

    /// An SSH session through HAProxy, in a pseudo-terminal.
    fn connect(&self, client_home: &std::path::Path) -> Session {
        let target = format!("{}@127.0.0.1", self.user);
        Session::start(
            &[
                "ssh",
                "-tt",
                "-i",
                &self.key,
                "-p",
                &self.port,
                "-o",
                "StrictHostKeyChecking=no",
                "-o",
                "UserKnownHostsFile=/dev/null",
                "-o",
                "LogLevel=ERROR",
                "-o",
                "BatchMode=yes",
                "-o",
                "ConnectTimeout=10",
                "-o",
                "ServerAliveInterval=5",
                &target,
            ],
            client_home,
        )
    }

    /// The network namespace of each host, by inode.
    fn namespaces(&self) -> Vec<u64> {
        self.hosts
            .iter()
            .map(|h| {
                std::fs::metadata(format!("/run/netns/bt-{h}"))
                    .expect("the host's namespace")
                    .ino()
            })
            .collect()
    }

    /// HAProxy's view of each server: (name, status), from its stats socket.
    fn haproxy_status(&self) -> Vec<(String, String)> {
        let Ok(mut s) = UnixStream::connect(self.work.join("haproxy.sock")) else {
            return Vec::new();
        };
        let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
        if s.write_all(b"show stat\n").is_err() {
            return Vec::new();
        }
        let mut text = String::new();
        let _ = s.read_to_string(&mut text);
        text.lines()
            .filter_map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                (f.first() == Some(&"bornes") && f.get(1).is_some_and(|n| n.starts_with("borne-")))
                    .then(|| (f[1].to_string(), f.get(17).unwrap_or(&"").to_string()))
            })
            .collect()
    }

    fn wait_status(&self, wanted: &[(&str, &str)]) {
        let start = Instant::now();
        loop {
            let now = self.haproxy_status();
            if wanted
                .iter()
                .all(|(n, s)| now.iter().any(|(m, t)| m == n && t.starts_with(s)))
            {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "HAProxy never showed {wanted:?}: {now:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// A live process: its name, uid, network namespace (inode) and state.
struct Proc {
    pid: i32,
    name: String,
    uid: u32,
    netns: u64,
}

fn processes() -> Vec<Proc> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return out;
    };
    for e in entries.flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) else {
            continue;
        };
        let field = |k: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(k))
                .map(str::trim)
                .unwrap_or("")
                .to_string()
        };
        if field("State:").starts_with('Z') {
            continue;
        }
        let Ok(ns) = std::fs::read_link(format!("/proc/{pid}/ns/net")) else {
            continue;
        };
        // "net:[4026532281]"
        let netns = ns
            .to_string_lossy()
            .trim_start_matches("net:[")
            .trim_end_matches(']')
            .parse()
            .unwrap_or(0);
        out.push(Proc {
            pid,
            name: field("Name:"),
            uid: field("Uid:")
                .split_whitespace()
                .next()
                .and_then(|u| u.parse().ok())
                .unwrap_or(u32::MAX),
            netns,
        });
    }
    out
}

/// How many guides of the kiosk account run on each host.
fn guides_per_host(lb: &Lb, ns: &[u64]) -> Vec<usize> {
    let procs = processes();
    ns.iter()
        .map(|n| {
            procs
                .iter()
                .filter(|p| p.netns == *n && p.uid == lb.uid && p.name == "boussole")
                .count()
        })
        .collect()
}

fn wait_counts(lb: &Lb, ns: &[u64], wanted: &[usize], what: &str) {
    let start = Instant::now();
    loop {
        let now = guides_per_host(lb, ns);
        if now == wanted {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "{what}: guides per host {now:?}, expected {wanted:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn two_kiosk_hosts_behind_haproxy_survive_losing_one() {
    let Some(lb) = Lb::from_env() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "BOUSSOLE_LB_PORT is not set: .ci/run must start the hosts with tests/haproxy/setup.sh"
        );
        eprintln!(
            "SKIPPED two_kiosk_hosts_behind_haproxy_survive_losing_one: needs root and the installed package; see tests/haproxy/setup.sh"
        );
        return;
    };
    let ns = lb.namespaces();
    assert_eq!(ns.len(), 2);
    lb.wait_status(&[("borne-a", "UP"), ("borne-b", "UP")]);
    let homes_before: Vec<Vec<String>> = lb.homes.iter().map(|h| files_under(h)).collect();
    let client_home = tempfile::tempdir().expect("tempdir");

    // 20 sessions, one after the other, each used a little.
    let mut sessions = Vec::new();
    for i in 0..FIRST {
        let mut s = lb.connect(client_home.path());
        s.wait_for("Découvrir mes centres d'intérêt");
        if i % 2 == 0 {
            s.send("4");
            s.wait_for("Combien gagne un apprenti");
        } else {
            s.send("/electricien");
            s.wait_for("Électricien du bâtiment");
        }
        sessions.push(s);
    }
    let counts = guides_per_host(&lb, &ns);
    eprintln!("{FIRST} sessions through HAProxy, guides per host: {counts:?}");
    assert_eq!(counts.iter().sum::<usize>(), FIRST, "one guide per session");
    assert!(
        counts.iter().all(|&c| c > 0),
        "leastconn spreads the sessions over both hosts: {counts:?}"
    );

    // Which client talks to which host shows when host A stops: its
    // clients end.
    let on_a = counts[0];

    // Stop host A as a shutdown does: every sshd of that host gets SIGTERM
    // (the listener and each connection's process); the guides are left to
    // end by themselves when their terminal goes.
    let stopped = Instant::now();
    for p in processes() {
        if p.netns == ns[0] && p.name == "sshd" {
            // SAFETY: a signal to a process of our own test host.
            unsafe {
                libc::kill(p.pid, libc::SIGTERM);
            }
        }
    }
    wait_counts(&lb, &ns, &[0, FIRST - on_a], "after host A stopped");
    let ended_in = stopped.elapsed();
    // No process of the kiosk account is left on host A.
    let left: Vec<i32> = processes()
        .iter()
        .filter(|p| p.netns == ns[0] && p.uid == lb.uid)
        .map(|p| p.pid)
        .collect();
    assert!(left.is_empty(), "processes left on host A: {left:?}");
    // Host A's clients see their connection end; host B's go on.
    let deadline = Instant::now() + Duration::from_secs(10);
    let exited = |s: &mut Session| matches!(s.child.try_wait(), Ok(Some(_)));
    loop {
        let ended = sessions
            .iter_mut()
            .map(|s| usize::from(exited(s)))
            .sum::<usize>();
        if ended >= on_a {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{ended} of host A's {on_a} clients saw their session end"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(500));
    let mut alive = sessions;
    let mut ended = 0;
    alive.retain_mut(|s| {
        let gone = exited(s);
        ended += usize::from(gone);
        !gone
    });
    assert_eq!(ended, on_a, "every client of host A sees its session end");
    assert_eq!(alive.len(), FIRST - on_a);
    eprintln!("host A stopped: its {on_a} sessions ended in {ended_in:?}");
    for s in &mut alive {
        s.send("\x1b");
        s.wait_for("Ma situation");
        s.send("/boulanger");
        s.wait_for("Boulangère");
    }
    lb.wait_status(&[("borne-a", "DOWN"), ("borne-b", "UP")]);

    // New sessions all land on host B.
    let mut after = Vec::new();
    for _ in 0..AFTER {
        let mut s = lb.connect(client_home.path());
        s.wait_for("Découvrir mes centres d'intérêt");
        s.send("4");
        s.wait_for("Combien gagne un apprenti");
        after.push(s);
    }
    wait_counts(
        &lb,
        &ns,
        &[0, FIRST - on_a + AFTER],
        "new sessions after host A stopped",
    );

    // Everyone leaves (Ctrl-C, then o): nothing is left, nothing was written.
    for mut s in alive.into_iter().chain(after) {
        s.send("\x03");
        s.wait_for("Terminer la session ?");
        s.send("o");
        let _ = s.wait_exit(Duration::from_secs(10));
    }
    wait_counts(&lb, &ns, &[0, 0], "after every session ended");
    for (home, before) in lb.homes.iter().zip(&homes_before) {
        assert_eq!(
            &files_under(home),
            before,
            "a kiosk session wrote in {}",
            home.display()
        );
    }
}
