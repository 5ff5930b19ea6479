//! `docs/profiles.md` says what each profile does; the profile table
//! (`src/expr/profile.rs`) is what cronkit does. The block between the
//! `profiles:begin` and `profiles:end` markers must be exactly what the table
//! renders, so the two cannot drift apart. `CRONKIT_BLESS=1 cargo test --test
//! profiles_doc` rewrites the block after a change to the table.

use std::path::PathBuf;

const BEGIN: &str = "<!-- profiles:begin (generated from src/expr/profile.rs; CRONKIT_BLESS=1 cargo test --test profiles_doc) -->\n";
const END: &str = "<!-- profiles:end -->";

#[test]
fn docs_profiles_md_matches_the_profile_table() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/profiles.md");
    let doc = std::fs::read_to_string(&path).expect("docs/profiles.md exists");
    let start = doc
        .find(BEGIN)
        .expect("docs/profiles.md has the begin marker")
        + BEGIN.len();
    let end = doc[start..]
        .find(END)
        .expect("docs/profiles.md has the end marker")
        + start;
    let want = format!("\n{}\n", cronkit::expr::profile::reference_markdown());
    if doc[start..end] != want {
        if std::env::var_os("CRONKIT_BLESS").is_some() {
            let new = format!("{}{}{}", &doc[..start], want, &doc[end..]);
            std::fs::write(&path, new).expect("write docs/profiles.md");
            return;
        }
        panic!(
            "docs/profiles.md disagrees with the profile table; the table renders:\n{want}\n(run CRONKIT_BLESS=1 cargo test --test profiles_doc after checking the change)"
        );
    }
}

/// The prose names every profile and its DST default as the table does.
#[test]
fn every_profile_is_documented() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/profiles.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    for p in cronkit::PROFILES.iter() {
        assert!(
            doc.contains(&format!("### `{}`", p.name)),
            "no section for {}",
            p.name
        );
        assert!(
            doc.contains(&format!("`--dst {}`", p.default_dst)),
            "{}'s DST default is not documented",
            p.name
        );
    }
}

/// The prose DST table ("DST: each platform's own behaviour") gives every
/// profile the default its row has: a row changed without the table (or the
/// table without the row) fails here.
#[test]
fn dst_table_matches_the_rows() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/profiles.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let start = doc
        .find("| profile | default |")
        .expect("docs/profiles.md has the DST table");
    let rows: Vec<(String, String)> = doc[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells[1].to_string(), cells[2].trim_matches('`').to_string())
        })
        .collect();
    for p in cronkit::PROFILES.iter() {
        let row = rows
            .iter()
            .find(|(name, _)| name == p.name)
            .unwrap_or_else(|| panic!("no DST table row for {}", p.name));
        assert_eq!(
            row.1,
            p.default_dst.to_string(),
            "{}: the DST table says `{}`, the profile row `{}`",
            p.name,
            row.1,
            p.default_dst
        );
    }
}
