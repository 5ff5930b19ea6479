//! The committed shell completions (`completions/`) and man pages (`man/`) must be
//! what the binaries generate now from the clap definitions. When an option changes,
//! these tests fail until `scripts/regenerate.sh` is run and its output committed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const REGENERATE: &str =
    "the generated files are out of date: run `scripts/regenerate.sh` and commit completions/ and man/";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cronkit(args: &[&str]) -> Vec<u8> {
    let o = Command::new(env!("CARGO_BIN_EXE_cronkit"))
        .args(args)
        .output()
        .expect("cronkit runs");
    assert!(
        o.status.success(),
        "cronkit {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

fn committed(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("{}: {e}\n{REGENERATE}", path.display()))
}

fn same(path: &Path, generated: &[u8]) {
    let on_disk = committed(path);
    if on_disk != generated {
        // Name the first differing line to make the failure readable.
        let a = String::from_utf8_lossy(&on_disk);
        let b = String::from_utf8_lossy(generated);
        let line = a
            .lines()
            .zip(b.lines())
            .position(|(x, y)| x != y)
            .map(|i| i + 1)
            .unwrap_or_else(|| a.lines().count().min(b.lines().count()) + 1);
        panic!(
            "{} differs from what the code generates (first at line {line})\n{REGENERATE}",
            path.display()
        );
    }
}

#[test]
fn completions_are_current() {
    let shells = [
        ("bash", "cronkit.bash"),
        ("zsh", "_cronkit"),
        ("fish", "cronkit.fish"),
        ("powershell", "_cronkit.ps1"),
        ("elvish", "cronkit.elv"),
    ];
    for (shell, file) in shells {
        same(
            &root().join("completions").join(file),
            &cronkit(&["completions", shell]),
        );
        let croneval_file = file.replace("cronkit", "croneval");
        same(
            &root().join("completions").join(&croneval_file),
            &cronkit(&["completions", shell, "--croneval"]),
        );
    }
}

#[test]
fn completions_name_their_binary() {
    let bash = String::from_utf8(cronkit(&["completions", "bash", "--croneval"])).expect("utf-8");
    assert!(bash.contains("complete -F _croneval"), "{bash}");
    let bash = String::from_utf8(cronkit(&["completions", "bash"])).expect("utf-8");
    assert!(
        bash.contains("croneval") && bash.contains("explain"),
        "subcommands"
    );
}

#[test]
fn man_pages_are_current() {
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("generated-man");
    let _ = fs::remove_dir_all(&out);
    let dir = out.to_str().expect("utf-8 path");
    cronkit(&["man", "--dir", dir]);

    let names = |d: &Path| -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(d)
            .unwrap_or_else(|e| panic!("{}: {e}\n{REGENERATE}", d.display()))
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".1"))
            .collect();
        v.sort();
        v
    };
    let generated = names(&out);
    let committed_names = names(&root().join("man"));
    assert_eq!(committed_names, generated, "{REGENERATE}");
    for expected in [
        "cronkit.1",
        "croneval.1",
        "cronkit-croneval.1",
        "cronkit-man.1",
    ] {
        assert!(
            generated.iter().any(|n| n == expected),
            "{expected} is generated"
        );
    }
    for name in &generated {
        same(
            &root().join("man").join(name),
            &fs::read(out.join(name)).expect("generated page"),
        );
    }
    // Without --dir, cronkit.1 goes to stdout.
    same(&root().join("man").join("cronkit.1"), &cronkit(&["man"]));
}
