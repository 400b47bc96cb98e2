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
//! The content's types, the table of its files and the index builder come
//! from the `boussole-content` crate (crates/boussole-content), which the
//! program uses too.
//!
//! `BOUSSOLE_BUILD_CONTENT=DIR` (opt-in, for growth measurements; see
//! BENCHMARKS.md) compiles another content directory instead of `content/`.
//! The test suite expects the real content: build such a binary in its own
//! target directory.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use boussole_content::files::FileKind;
use boussole_content::index::{entries, vocab};
use boussole_content::model::*;
use boussole_content::tree;

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
struct RecrutementFile {
    enquete: Enquete,
    famille: Vec<Famille>,
}
#[derive(Deserialize)]
struct Financement {
    dispositif: Vec<Dispositif>,
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
    #[serde(default)]
    item_adulte: Vec<Item>,
}
#[derive(Deserialize)]
struct ApprentissageFile {
    smic: Smic,
    remuneration: Remuneration,
    #[serde(default)]
    ages: Option<Ages>,
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
    // The files of a kind, as the content crate's table places them.
    let many = |kind: FileKind| {
        files
            .iter()
            .filter(move |(r, _)| FileKind::of(r) == Some(kind))
            .map(|(_, p)| p)
    };
    let single = |kind: FileKind| -> PathBuf {
        many(kind)
            .next()
            .cloned()
            .unwrap_or_else(|| panic!("content: {:?} is missing", kind.file().place))
    };
    Content {
        domaines: read::<Domaines>(&single(FileKind::Domaines)).domaine,
        rome: read::<Rome>(&single(FileKind::Rome)).fiche,
        metiers: many(FileKind::Metiers)
            .flat_map(|p| read::<Metiers>(p).metier)
            .collect(),
        formations: many(FileKind::Formations)
            .flat_map(|p| read::<Formations>(p).formation)
            .collect(),
        situations: read::<Situations>(&single(FileKind::Situations)).situation,
        questionnaire: {
            let q: QuestionnaireFile = read(&single(FileKind::Questionnaire));
            Questionnaire {
                echelle: q.echelle,
                ne_sait_pas: q.ne_sait_pas,
                theme: q.theme,
                item: q.item,
                item_adulte: q.item_adulte,
            }
        },
        apprentissage: {
            let a: ApprentissageFile = read(&single(FileKind::Apprentissage));
            Apprentissage {
                smic: a.smic,
                remuneration: a.remuneration,
                ages: a.ages,
                regle: a.regle,
                question: a.question,
            }
        },
        contacts: read::<Contacts>(&single(FileKind::Contacts)).contact,
        etablissements: many(FileKind::Etablissements)
            .flat_map(|p| read::<Etablissements>(p).etablissement)
            .collect(),
        financement: many(FileKind::Financement)
            .flat_map(|p| read::<Financement>(p).dispositif)
            .collect(),
        recrutement: many(FileKind::Recrutement).next().map(|p| {
            let r: RecrutementFile = read(p);
            Recrutement {
                enquete: r.enquete,
                famille: r.famille,
            }
        }),
    }
}
