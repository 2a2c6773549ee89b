//! Includes read regular files only (issue 11): `using "/dev/zero";` once read
//! until memory ran out, a FIFO blocked, and `using "/etc/passwd";` printed
//! that file's first line in its syntax error. Each case must now be one clean
//! error at the `using` line, quickly, showing nothing of the included file;
//! and the main file is held to the same rules.

use flux_viz::pipeline::{self, Failure};
use flux_viz::source::{FileId, MAX_SOURCE_BYTES};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

/// Checks `path` on another thread: a hang is a failure, not a stuck suite.
fn check_within_seconds(path: PathBuf) -> Result<(), Failure> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(pipeline::check_file(&path).map(drop));
    });
    receive
        .recv_timeout(Duration::from_secs(20))
        .expect("checking did not finish: it hangs on the input")
}

/// A main file in `dir` that includes `target`.
fn main_including(dir: &Path, target: &Path) -> PathBuf {
    let main = dir.join("main.fs");
    let text = format!(
        "using \"{}\";\nclass P {{ static void Main() {{ }} }}\n",
        target.display()
    );
    std::fs::write(&main, text).unwrap();
    main
}

/// The one diagnostic of including `target`, which must sit on the `using`
/// line of the main file; returns its message and the whole rendering.
fn include_error(target: &Path) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let main = main_including(dir.path(), target);
    let failure = check_within_seconds(main).expect_err("the include must be refused");
    let rendered = failure.render();
    let Failure::Diagnostics { diagnostics, .. } = failure else {
        panic!("not a diagnostic: {rendered}");
    };
    assert_eq!(diagnostics.len(), 1, "{rendered}");
    let d = &diagnostics[0];
    assert_eq!(d.span.file, FileId(0), "{rendered}");
    assert_eq!(d.span.start, 0, "at the `using`: {rendered}");
    (d.message.clone(), rendered)
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[test]
fn a_device_is_not_read() {
    let (message, _) = include_error(Path::new("/dev/zero"));
    assert!(
        message.contains("it is a device, not a regular file"),
        "{message}"
    );
}

#[test]
fn a_directory_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let (message, _) = include_error(dir.path());
    assert!(
        message.contains("it is a directory, not a regular file"),
        "{message}"
    );
}

#[test]
fn a_fifo_is_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.fsh");
    mkfifo(&fifo);
    let (message, _) = include_error(&fifo);
    assert!(
        message.contains("it is a FIFO, not a regular file"),
        "{message}"
    );
}

#[test]
fn text_that_is_not_flux_source_is_not_shown() {
    let dir = tempfile::tempdir().unwrap();
    let passwd = dir.path().join("passwd");
    std::fs::write(
        &passwd,
        "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n",
    )
    .unwrap();
    let (message, rendered) = include_error(&passwd);
    assert!(message.ends_with("is not Flux# source: it does not start as a Flux# file does"));
    assert!(
        !rendered.contains("root") && !rendered.contains("daemon"),
        "{rendered}"
    );
}

#[test]
fn binary_content_is_not_shown() {
    let dir = tempfile::tempdir().unwrap();
    let nul = dir.path().join("nul.fsh");
    std::fs::write(&nul, b"class Secret { }\0\x01\x02").unwrap();
    let (message, rendered) = include_error(&nul);
    assert!(
        message.ends_with("is not Flux# source: it contains NUL bytes"),
        "{message}"
    );
    assert!(!rendered.contains("Secret"), "{rendered}");
    let latin1 = dir.path().join("latin1.fsh");
    std::fs::write(&latin1, b"class Secret { }\n\xe9t\xe9\n").unwrap();
    let (message, rendered) = include_error(&latin1);
    assert!(message.contains("the file is not valid UTF-8"), "{message}");
    assert!(!rendered.contains("Secret"), "{rendered}");
}

#[test]
fn an_oversize_file_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.fsh");
    // Sparse: no disk is used, and reading it would take a while.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(MAX_SOURCE_BYTES + 1)
        .unwrap();
    let (message, _) = include_error(&big);
    let expected = format!(
        "is {} bytes; Flux# sources may be at most 64 MiB",
        MAX_SOURCE_BYTES + 1
    );
    assert!(message.ends_with(&expected), "{message}");
}

#[test]
fn flux_source_with_a_syntax_error_is_still_shown() {
    // A file that starts as Flux# does gets its syntax error inside it.
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.fsh");
    std::fs::write(&lib, "int Broken() { return 1 }\n").unwrap();
    let main = main_including(dir.path(), &lib);
    let rendered = check_within_seconds(main).unwrap_err().render();
    assert!(rendered.contains("expected `;`, found `}`"), "{rendered}");
    assert!(rendered.contains("int Broken() { return 1 }"), "{rendered}");
}

#[test]
fn the_main_file_is_held_to_the_same_rules() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("main.fs");
    mkfifo(&fifo);
    let big = dir.path().join("big.fs");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(MAX_SOURCE_BYTES + 1)
        .unwrap();
    for (path, expected) in [
        (
            PathBuf::from("/dev/zero"),
            "it is a device, not a regular file",
        ),
        (
            dir.path().to_path_buf(),
            "it is a directory, not a regular file",
        ),
        (fifo, "it is a FIFO, not a regular file"),
        (big, "Flux# sources may be at most 64 MiB"),
    ] {
        match check_within_seconds(path.clone()) {
            Err(Failure::Io(message)) => assert!(message.contains(expected), "{message}"),
            other => panic!("{}: {:?}", path.display(), other.err().map(|f| f.render())),
        }
    }
}
