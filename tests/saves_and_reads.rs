//! Files on a shared machine: saves by concurrent instances, damaged files
//! moved aside, reads of what is not a small regular file, and escape
//! sequences hidden in files, arguments and content.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use boussole::session::{Opened, Saved, Store};

const BIN: &str = env!("CARGO_BIN_EXE_boussole");

fn saved(n: usize) -> Saved {
    let favoris: Vec<String> = (0..n % 7).map(|i| format!("metier-{i}")).collect();
    Saved::new("3e", None, &boussole::quiz::Answers::new(), &favoris, &[])
}

fn names(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn concurrent_saves_never_show_a_half_written_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("boussole");
    Store::new(&data).save(&saved(0)).expect("first save");
    let writers: Vec<_> = (0..8)
        .map(|w| {
            let data = data.clone();
            std::thread::spawn(move || {
                for i in 0..40 {
                    Store::new(&data).save(&saved(w + i)).expect("save");
                }
            })
        })
        .collect();
    let path = data.join("session.json");
    let mut reads = 0;
    while writers.iter().any(|w| !w.is_finished()) {
        let text = std::fs::read_to_string(&path).expect("read");
        boussole::session::parse(&text, "session.json").expect("always a whole session");
        reads += 1;
    }
    for w in writers {
        w.join().expect("writer");
    }
    assert!(reads > 0);
    assert_eq!(names(&data), ["session.json"], "temporary files left");
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "the session is readable by others");
}

#[test]
fn a_preplaced_link_is_replaced_not_followed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").expect("write");
    let data = dir.path().join("boussole");
    std::fs::create_dir_all(&data).expect("dir");
    std::os::unix::fs::symlink(&victim, data.join("session.json")).expect("link");
    std::os::unix::fs::symlink(&victim, data.join(".session.json.tmp")).expect("link");
    Store::new(&data).save(&saved(3)).expect("save");
    assert_eq!(std::fs::read_to_string(&victim).expect("read"), "precious");
}

#[test]
fn damaged_saves_moved_aside_in_the_same_second_are_all_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path());
    for text in ["{ un", "{ deux", "\u{0}\u{1}"] {
        std::fs::write(store.path(), text).expect("write");
        match store.open("20261201-003000").expect("open") {
            Opened::MovedAside { .. } => {}
            other => panic!("{other:?}"),
        }
    }
    let mut kept: Vec<String> = names(dir.path())
        .into_iter()
        .map(|n| std::fs::read_to_string(dir.path().join(n)).expect("read"))
        .collect();
    kept.sort();
    assert_eq!(kept, ["\u{0}\u{1}", "{ deux", "{ un"]);
}

#[test]
fn a_session_that_is_a_fifo_or_a_device_is_moved_aside_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path());
    mkfifo(&store.path());
    let start = Instant::now();
    assert!(matches!(
        store.open("s1").expect("open"),
        Opened::MovedAside { .. }
    ));
    std::os::unix::fs::symlink("/dev/zero", store.path()).expect("link");
    assert!(matches!(
        store.open("s2").expect("open"),
        Opened::MovedAside { .. }
    ));
    assert!(start.elapsed() < Duration::from_secs(2));
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.display().to_string()).expect("path");
    // SAFETY: mkfifo with a valid C string.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

fn run(args: &[&str]) -> Output {
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

fn all_output(o: &Output) -> Vec<u8> {
    let mut v = o.stdout.clone();
    v.extend_from_slice(&o.stderr);
    v
}

#[test]
fn fifos_and_devices_are_refused_with_a_french_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("config.toml");
    mkfifo(&fifo);
    let start = Instant::now();
    let f = fifo.display().to_string();
    for args in [
        &["--config", &f][..],
        &["export", "--format", "md", "--session", &f][..],
        &["export", "--format", "md", "--session", "/dev/zero"][..],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("ce n'est pas un fichier ordinaire"),
            "{args:?}: {err}"
        );
    }
    assert!(start.elapsed() < Duration::from_secs(10));
}

#[test]
fn too_much_content_is_refused_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    let target = dir.path().join("contenu");
    copy_dir(&content, &target);
    // Comments only: 4 files of 2.75 MB.
    let filler = "# remplissage\n".repeat(3 << 20 >> 4);
    for i in 0..4 {
        std::fs::write(target.join(format!("metiers/z{i}.toml")), &filler).expect("write");
    }
    let o = run(&["check", "--content", &target.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&all_output(&o)).into_owned();
    assert!(
        out.contains("trop de contenu (plus de 8 Mo en tout)"),
        "{out}"
    );
    // One file above its own cap.
    std::fs::write(target.join("metiers/z0.toml"), filler.repeat(2)).expect("write");
    let o = run(&["check", "--content", &target.display().to_string()]);
    let out = String::from_utf8_lossy(&all_output(&o)).into_owned();
    assert!(out.contains("fichier trop gros"), "{out}");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

const ESC: u8 = 0x1b;

#[test]
fn escape_sequences_in_files_and_arguments_are_shown_not_sent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    let target = dir.path().join("contenu");
    copy_dir(&content, &target);
    // A key that sets the window title, and one that writes the clipboard.
    let situations = target.join("situations.toml");
    let mut text = std::fs::read_to_string(&situations).expect("read");
    text.push_str("\n\"x\\u001b]0;PWNED\\u0007\" = 1\n\"y\\u001b]52;c;SGVsbG8=\\u0007\" = 2\n");
    std::fs::write(&situations, text).expect("write");
    let evil = "\u{1b}]0;PWNED\u{7}";
    let weird_name = dir.path().join(format!("session{evil}.json"));
    std::fs::write(&weird_name, "{ abîmé").expect("write");
    let weird = weird_name.display().to_string();
    let t = target.display().to_string();
    for args in [
        &["check", "--content", &t][..],
        &["show", evil][..],
        &["parcours", "--from", evil, "--to", "electricien"][..],
        &["quiz", "--quick", "--situation", evil][..],
        &["export", "--format", "md", "--session", &weird][..],
        &["--content", &weird][..],
        &["--theme", evil][..],
        &["search", evil][..],
    ] {
        let o = run(args);
        let out = all_output(&o);
        assert!(
            !out.contains(&ESC),
            "{args:?} sent ESC: {}",
            String::from_utf8_lossy(&out)
        );
        assert!(!out.contains(&0x07), "{args:?} sent BEL");
    }
    let o = run(&["check", "--content", &t]);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(out.contains("x\\u{1b}]0;PWNED\\u{7}"), "{out}");
}

#[test]
fn config_values_stop_with_file_line_col_in_french() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("config.toml");
    let c = cfg.display().to_string();
    for (text, expected) in [
        (
            "situation = \"nope\"\n",
            ":1:13: situation inconnue « nope » (situations possibles : ",
        ),
        ("inactivite = 18446744073709551615\n", ":1:14: "),
        (
            "inactivite = 300000\n",
            ":1:14: inactivite doit être un nombre de secondes de 0 à 86400",
        ),
        (
            "souris = 3\n",
            ":1:10: type incorrect : il faut true ou false",
        ),
    ] {
        std::fs::write(&cfg, text).expect("write");
        let o = run(&["--kiosk", "--config", &c]);
        assert_eq!(o.status.code(), Some(1), "{text}");
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert!(
            err.contains(&format!("config.toml{expected}")),
            "{text}: {err}"
        );
        for english in ["invalid", "expected", "i128", "u64"] {
            assert!(!err.contains(english), "{text}: {err}");
        }
    }
}

#[test]
fn write_errors_name_the_path_in_french() {
    let o = run(&["schema", "--write", "/dev/null/schema"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(
        err.trim_end(),
        "boussole : /dev/null/schema : un élément du chemin n'est pas un dossier"
    );
}
