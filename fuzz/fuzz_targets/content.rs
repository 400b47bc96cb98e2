//! The content loader and validator: the small valid fixture, with one of
//! its files replaced by the fuzzer's bytes. Any input must give content or
//! problems located in files, never a panic.
#![no_main]

use boussole::content::{SourceFile, load};
use libfuzzer_sys::fuzz_target;

const FIXTURE: &[(&str, &str)] = &[
    (
        "apprentissage.toml",
        include_str!("../../tests/fixtures/mini/apprentissage.toml"),
    ),
    (
        "contacts.toml",
        include_str!("../../tests/fixtures/mini/contacts.toml"),
    ),
    (
        "domaines.toml",
        include_str!("../../tests/fixtures/mini/domaines.toml"),
    ),
    (
        "etablissements/76-seine-maritime.toml",
        include_str!("../../tests/fixtures/mini/etablissements/76-seine-maritime.toml"),
    ),
    (
        "formations/elec.toml",
        include_str!("../../tests/fixtures/mini/formations/elec.toml"),
    ),
    (
        "metiers/f.toml",
        include_str!("../../tests/fixtures/mini/metiers/f.toml"),
    ),
    (
        "questionnaire.toml",
        include_str!("../../tests/fixtures/mini/questionnaire.toml"),
    ),
    (
        "rome.toml",
        include_str!("../../tests/fixtures/mini/rome.toml"),
    ),
    (
        "situations.toml",
        include_str!("../../tests/fixtures/mini/situations.toml"),
    ),
];

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let replaced = usize::from(which) % FIXTURE.len();
    let files: Vec<SourceFile> = FIXTURE
        .iter()
        .enumerate()
        .map(|(i, (relative, text))| SourceFile {
            relative: (*relative).to_string(),
            shown: format!("contenu/{relative}"),
            bytes: if i == replaced {
                bytes.to_vec()
            } else {
                text.as_bytes().to_vec()
            },
        })
        .collect();
    if let Err(e) = load(&files, "contenu") {
        // Every problem can be shown safely.
        for p in &e.problemes {
            let shown = boussole::text::escape_controls(&p.to_string()).into_owned();
            assert!(!shown.contains('\u{1b}'));
        }
    }
});
