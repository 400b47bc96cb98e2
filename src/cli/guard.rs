//! Hangup guard: the terminal can vanish at any time (SSH disconnect, closed
//! window). Then the process must end at once, quietly, and never spin.
//!
//! - a signal thread catches SIGHUP, SIGTERM, SIGQUIT and SIGINT;
//! - a watchdog thread waits (no timer) for POLLHUP/POLLERR on the terminal;
//! - the event loop treats any read or draw error as a hangup.
//!
//! On that path nothing is printed (a write to a dead stderr could panic):
//! the terminal modes are restored with raw writes whose errors are ignored,
//! then the process exits with `_exit`.

use std::os::fd::AsRawFd;
use std::thread;

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

/// Exit code after a hangup (128 + SIGHUP).
pub const EXIT_HANGUP: i32 = 129;

/// Escape sequences that undo what the guide turned on: mouse reporting,
/// bracketed paste, hidden cursor, alternate screen.
const RESTORE: &[u8] = b"\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?1015l\x1b[?2004l\x1b[0m\x1b[?25h\x1b[?1049l";

/// Restores the terminal as well as possible, ignoring every error, printing nothing.
pub fn restore_quietly() {
    let _ = ratatui::crossterm::terminal::disable_raw_mode();
    let fd = std::io::stdout().as_raw_fd();
    // SAFETY: writing a static buffer to a file descriptor; errors are ignored.
    unsafe {
        libc::write(fd, RESTORE.as_ptr().cast(), RESTORE.len());
    }
}

/// The longest the restoring writes may take before the process ends anyway
/// (a client that stopped reading, or Ctrl-S, blocks every write).
const RESTORE_LIMIT: std::time::Duration = std::time::Duration::from_millis(300);

/// Restores what can be restored and ends the process at once: within
/// `RESTORE_LIMIT` even if the terminal does not take the restoring bytes.
pub fn exit_now(code: i32) -> ! {
    let _ = thread::Builder::new().name("fin".into()).spawn(move || {
        thread::sleep(RESTORE_LIMIT);
        // SAFETY: see below.
        unsafe { libc::_exit(code) }
    });
    restore_quietly();
    // SAFETY: _exit ends the process without running destructors or atexit
    // handlers, which could print or wait on locks.
    unsafe { libc::_exit(code) }
}

/// Starts the signal thread and the watchdog. Call once, before the terminal
/// is put in raw mode.
pub fn install() -> std::io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGQUIT, SIGINT])?;
    thread::Builder::new()
        .name("signaux".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                exit_now(128 + sig);
            }
        })?;
    let fd = std::io::stdin().as_raw_fd();
    // SAFETY: isatty only inspects the descriptor.
    if unsafe { libc::isatty(fd) } == 1 {
        thread::Builder::new()
            .name("veille".into())
            .spawn(move || watchdog(fd))?;
    }
    Ok(())
}

/// Waits, without any timeout, until the terminal reports a hangup or an error.
fn watchdog(fd: i32) {
    loop {
        let mut pfd = libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        };
        // SAFETY: one valid pollfd, infinite timeout.
        let n = unsafe { libc::poll(&mut pfd, 1, -1) };
        if n < 0 {
            let err = std::io::Error::last_os_error();
            if err.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            exit_now(EXIT_HANGUP);
        }
        if pfd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            exit_now(EXIT_HANGUP);
        }
    }
}
