//! Boussole behind a real OpenSSH server, configured as docs/kiosque-ssh.md
//! says: connect with `ssh -tt`, use the guide, drop the connection abruptly,
//! and check that no process is left and nothing was written.
//!
//! `.ci/run` starts the server with `tests/ssh/setup.sh` (root) and exports
//! BOUSSOLE_SSH_*; without it the test fails in CI and is skipped elsewhere.

mod common;

use std::time::{Duration, Instant};

use common::{Session, files_under};

/// Processes of `uid` named `boussole`.
fn boussole_processes(uid: u32) -> Vec<i32> {
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
        let name = status
            .lines()
            .find_map(|l| l.strip_prefix("Name:"))
            .map(str::trim);
        let proc_uid = status
            .lines()
            .find_map(|l| l.strip_prefix("Uid:"))
            .and_then(|l| l.split_whitespace().next())
            .and_then(|u| u.parse::<u32>().ok());
        let zombie = status
            .lines()
            .any(|l| l.starts_with("State:") && l.contains('Z'));
        if name == Some("boussole") && proc_uid == Some(uid) && !zombie {
            out.push(pid);
        }
    }
    out
}

#[test]
fn kiosk_over_real_openssh() {
    let Ok(port) = std::env::var("BOUSSOLE_SSH_PORT") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "BOUSSOLE_SSH_PORT is not set: .ci/run must start sshd with tests/ssh/setup.sh"
        );
        eprintln!(
            "SKIPPED kiosk_over_real_openssh: run `sudo tests/ssh/setup.sh target/debug/boussole` and source the env file"
        );
        return;
    };
    let var = |k: &str| std::env::var(k).unwrap_or_else(|_| panic!("{k} is not set"));
    let (user, key, home) = (
        var("BOUSSOLE_SSH_USER"),
        var("BOUSSOLE_SSH_KEY"),
        var("BOUSSOLE_SSH_HOME"),
    );
    let uid: u32 = var("BOUSSOLE_SSH_UID").parse().expect("numeric uid");
    let home = std::path::PathBuf::from(home);
    let before = files_under(&home);
    let client_home = tempfile::tempdir().expect("tempdir");
    let target = format!("{user}@127.0.0.1");
    let mut s = Session::start(
        &[
            "ssh",
            "-tt",
            "-i",
            &key,
            "-p",
            &port,
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "BatchMode=yes",
            &target,
        ],
        client_home.path(),
    );
    s.wait_for("Découvrir mes centres d'intérêt");
    assert_eq!(
        boussole_processes(uid).len(),
        1,
        "one guide for one connection"
    );
    s.send("4");
    s.wait_for("Combien gagne un apprenti");
    s.send("/electricien");
    s.wait_for("Électricien du bâtiment");
    // Drop the connection abruptly: kill the client.
    // SAFETY: killing our own child process.
    unsafe {
        libc::kill(s.pid(), libc::SIGKILL);
    }
    let start = Instant::now();
    while !boussole_processes(uid).is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "boussole still runs after the disconnect"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = s.wait_exit(Duration::from_secs(5));
    assert_eq!(
        files_under(&home),
        before,
        "the kiosk session wrote in the user's home"
    );
}
