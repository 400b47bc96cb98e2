//! Build script: embeds the bundled content in the binary, twice.
//!
//! - `bundled.rs`: the TOML files as text, so that `boussole check` and
//!   `boussole export` can read and validate them exactly as written;
//! - `content.postcard`: the same content compiled to postcard, which the guide
//!   decodes at start-up (much faster than parsing TOML). The test suite checks
//!   that both give the same content;
//! - `index.postcard`: the search index of that content (folded labels and
//!   their distinct words).
//!
//! Problems in the content are reported in full by `boussole check`; here a
//! file that does not even deserialise stops the build with toml's message.
//!
//! `BOUSSOLE_BUILD_CONTENT=DIR` (opt-in, for growth measurements; see
//! BENCHMARKS.md) compiles another content directory instead of `content/`.
//! The test suite expects the real content: build such a binary in its own
//! target directory.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[allow(dead_code)]
#[path = "src/content/model.rs"]
mod model;

use model::*;

#[path = "src/content/tree.rs"]
mod tree;

#[allow(dead_code)]
#[path = "src/search/fold.rs"]
mod fold;

#[allow(dead_code)]
#[path = "src/search/entries.rs"]
mod entries;

#[allow(dead_code)]
#[path = "src/search/vocab.rs"]
mod vocab;

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-env-changed=BOUSSOLE_BUILD_CONTENT");
    let root = match std::env::var_os("BOUSSOLE_BUILD_CONTENT") {
        Some(dir) if !dir.is_empty() => manifest.join(dir),
        _ => manifest.join("content"),
    };
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed={}", root.display());
    println!("cargo:rerun-if-changed=src/content/model.rs");
    println!("cargo:rerun-if-changed=src/content/tree.rs");
    println!("cargo:rerun-if-changed=src/search/fold.rs");
    println!("cargo:rerun-if-changed=src/search/entries.rs");
    println!("cargo:rerun-if-changed=src/search/vocab.rs");
    let files = tree::toml_files(&root).expect("content/ is readable");
    let mut out = String::from("pub static BUNDLED: &[(&str, &str)] = &[\n");
    for (relative, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            out,
            "    ({relative:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    out.push_str("];\n");
    std::fs::write(out_dir.join("bundled.rs"), out).expect("OUT_DIR is writable");

    let content = compile(&files);
    let bytes = postcard::to_allocvec(&content).expect("the content serialises");
    std::fs::write(out_dir.join("content.postcard"), bytes).expect("OUT_DIR is writable");
    // The search index too (entries and their distinct words): `boussole
    // search` and the guide skip folding and listing words at run time.
    let entries = entries::entries(&content);
    let vocab = vocab::Vocab::new(&entries);
    let index = postcard::to_allocvec(&(entries, vocab)).expect("the index serialises");
    std::fs::write(out_dir.join("index.postcard"), index).expect("OUT_DIR is writable");
}

#[derive(Deserialize)]
struct Domaines {
    domaine: Vec<Domaine>,
}
#[derive(Deserialize)]
struct Rome {
    fiche: Vec<FicheRome>,
}
#[derive(Deserialize)]
struct Metiers {
    metier: Vec<Metier>,
}
#[derive(Deserialize)]
struct Formations {
    formation: Vec<Formation>,
}
#[derive(Deserialize)]
struct Etablissements {
    etablissement: Vec<Etablissement>,
}
#[derive(Deserialize)]
struct Situations {
    situation: Vec<Situation>,
}
#[derive(Deserialize)]
struct Contacts {
    contact: Vec<Contact>,
}

#[derive(Deserialize)]
struct QuestionnaireFile {
    echelle: Vec<Echelon>,
    ne_sait_pas: String,
    theme: Vec<ThemeInfo>,
    item: Vec<Item>,
}
#[derive(Deserialize)]
struct ApprentissageFile {
    smic: Smic,
    remuneration: Remuneration,
    regle: Vec<Regle>,
    #[serde(default)]
    question: Vec<QuestionReponse>,
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| {
        panic!(
            "{}: {e}\n(run `cargo run -- check --content content` for every problem)",
            path.display()
        )
    })
}

fn compile(files: &[(String, PathBuf)]) -> Content {
    let single = |name: &str| -> PathBuf {
        files
            .iter()
            .find(|(r, _)| r == name)
            .map(|(_, p)| p.clone())
            .unwrap_or_else(|| panic!("content/{name} is missing"))
    };
    let many = |dir: &'static str| {
        files
            .iter()
            .filter(move |(r, _)| r.starts_with(dir))
            .map(|(_, p)| p)
    };
    Content {
        domaines: read::<Domaines>(&single("domaines.toml")).domaine,
        rome: read::<Rome>(&single("rome.toml")).fiche,
        metiers: many("metiers/")
            .flat_map(|p| read::<Metiers>(p).metier)
            .collect(),
        formations: many("formations/")
            .flat_map(|p| read::<Formations>(p).formation)
            .collect(),
        situations: read::<Situations>(&single("situations.toml")).situation,
        questionnaire: {
            let q: QuestionnaireFile = read(&single("questionnaire.toml"));
            Questionnaire {
                echelle: q.echelle,
                ne_sait_pas: q.ne_sait_pas,
                theme: q.theme,
                item: q.item,
            }
        },
        apprentissage: {
            let a: ApprentissageFile = read(&single("apprentissage.toml"));
            Apprentissage {
                smic: a.smic,
                remuneration: a.remuneration,
                regle: a.regle,
                question: a.question,
            }
        },
        contacts: read::<Contacts>(&single("contacts.toml")).contact,
        etablissements: many("etablissements/")
            .flat_map(|p| read::<Etablissements>(p).etablissement)
            .collect(),
    }
}
