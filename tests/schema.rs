//! The JSON Schemas under content/schema/ match the Rust types, and every
//! content file points to its schema so editors can check it as one types.

use std::path::Path;

use boussole::content::{self, schema};

#[test]
fn committed_schemas_are_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/schema");
    for (name, json) in schema::all() {
        let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(
            committed == json,
            "content/schema/{name} is out of date: run `cargo run -- schema --write content/schema`"
        );
    }
}

#[test]
fn every_content_file_names_its_schema() {
    for (relative, text) in content::bundled_files() {
        let expected = schema::reference_for(relative).expect("every file kind has a schema");
        assert_eq!(text.lines().next(), Some(expected.as_str()), "{relative}");
    }
}

#[test]
fn the_schema_rejects_what_the_checker_rejects() {
    // Same types: an unknown field is refused by both.
    let metiers: serde_json::Value = serde_json::from_str(
        &schema::all()
            .iter()
            .find(|(n, _)| *n == "metiers.json")
            .expect("metiers")
            .1,
    )
    .expect("valid JSON");
    assert_eq!(metiers["additionalProperties"], false);
    assert_eq!(metiers["$defs"]["Metier"]["additionalProperties"], false);
    let required = metiers["$defs"]["Metier"]["required"]
        .as_array()
        .expect("required list");
    for field in ["id", "titre", "rome", "riasec", "formations", "sources"] {
        assert!(required.iter().any(|f| f == field), "{field} is required");
    }
}
