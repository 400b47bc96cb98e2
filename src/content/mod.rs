//! Content: the model, loading from the bundled set or a directory, and the
//! checks that name `file:line:col` for every problem.

mod diag;
mod model;
mod parse;
pub mod schema;
mod source;
mod tree;
mod validate;

pub use diag::{ContentError, Probleme, line_col};
pub use model::*;
pub use parse::text_problem;
pub use source::{DirError, SourceFile, bundled_files, bundled_sources, read_dir};
pub use validate::{DEPART, DEPARTEMENTS};

use diag::Sink;
use parse::{ParsedFile, Rec};

/// Content that passed every check, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub content: Content,
    pub avertissements: Vec<Probleme>,
}

/// The files of a content directory that are not in `metiers/` or `formations/`.
pub const SINGLE_FILES: [&str; 6] = [
    "domaines.toml",
    "rome.toml",
    "situations.toml",
    "questionnaire.toml",
    "apprentissage.toml",
    "contacts.toml",
];

/// The content compiled into the binary, ready to use: decoded from the
/// postcard that build.rs made from `content/` (fast; no TOML parsing).
pub fn load_bundled() -> Result<Loaded, ContentError> {
    match source::compiled() {
        Ok(content) => Ok(Loaded {
            content,
            avertissements: Vec::new(),
        }),
        Err(e) => Err(ContentError {
            problemes: vec![Probleme {
                fichier: "content".to_string(),
                ligne: 0,
                colonne: 0,
                message: format!("contenu intégré illisible ({e}) : recompilez Boussole"),
            }],
        }),
    }
}

/// Checks the bundled TOML files exactly as written (what `boussole check` does).
pub fn check_bundled() -> Result<Loaded, ContentError> {
    load(&bundled_sources(), "content")
}

/// Why a content directory could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadDirError {
    #[error(transparent)]
    Dir(#[from] DirError),
    #[error(transparent)]
    Content(#[from] ContentError),
}

/// Loads a content directory laid out like `content/`.
pub fn load_dir(root: &std::path::Path) -> Result<Loaded, LoadDirError> {
    let files = read_dir(root)?;
    Ok(load(&files, &root.display().to_string())?)
}

/// Records of every kind, as read from the files.
#[derive(Default)]
pub(crate) struct Records<'a> {
    pub domaines: Vec<Rec<'a, Domaine>>,
    pub rome: Vec<Rec<'a, FicheRome>>,
    pub metiers: Vec<Rec<'a, Metier>>,
    pub formations: Vec<Rec<'a, Formation>>,
    pub situations: Vec<Rec<'a, Situation>>,
    pub contacts: Vec<Rec<'a, Contact>>,
    pub echelle: Vec<Rec<'a, Echelon>>,
    pub themes: Vec<Rec<'a, ThemeInfo>>,
    pub items: Vec<Rec<'a, Item>>,
    pub ne_sait_pas: Option<String>,
    pub questionnaire_file: Option<&'a ParsedFile<'a>>,
    pub smic: Option<Smic>,
    pub remuneration: Option<Remuneration>,
    pub regles: Vec<Rec<'a, Regle>>,
    pub questions: Vec<Rec<'a, QuestionReponse>>,
    pub apprentissage_file: Option<&'a ParsedFile<'a>>,
    /// Kinds of which some records could not be read: references to them are not checked.
    pub incomplete: Incomplete,
}

/// Which kinds of records are known only in part.
#[derive(Default)]
pub(crate) struct Incomplete {
    pub rome: bool,
    pub formations: bool,
    pub situations: bool,
    pub domaines: bool,
}

/// Loads and checks a set of content files. `root` is how the content root is
/// shown in messages about missing files.
pub fn load(files: &[SourceFile], root: &str) -> Result<Loaded, ContentError> {
    let mut sink = Sink::default();
    let parsed: Vec<(&SourceFile, Option<ParsedFile<'_>>)> = files
        .iter()
        .map(|f| {
            let parsed = parse::utf8(&f.shown, &f.bytes, &mut sink)
                .and_then(|t| parse::parse_file(&f.shown, t, &mut sink));
            (f, parsed)
        })
        .collect();

    let root = root.trim_end_matches('/');
    for name in SINGLE_FILES {
        if !files.iter().any(|f| f.relative == name) {
            sink.whole_file(&format!("{root}/{name}"), "fichier manquant");
        }
    }
    for dir in ["metiers", "formations"] {
        if !files
            .iter()
            .any(|f| f.relative.starts_with(&format!("{dir}/")))
        {
            sink.whole_file(
                &format!("{root}/{dir}/"),
                "aucun fichier .toml dans ce dossier",
            );
        }
    }

    let mut r = Records::default();
    for (source, parsed) in &parsed {
        let rel = source.relative.as_str();
        let Some(pf) = parsed else {
            match rel {
                "rome.toml" => r.incomplete.rome = true,
                "situations.toml" => r.incomplete.situations = true,
                "domaines.toml" => r.incomplete.domaines = true,
                _ if rel.starts_with("formations/") => r.incomplete.formations = true,
                _ => {}
            }
            continue;
        };
        let allowed: &[&str] = match rel {
            "domaines.toml" => &["sources", "domaine"],
            "rome.toml" => &["sources", "fiche"],
            "situations.toml" => &["sources", "situation"],
            "contacts.toml" => &["sources", "contact"],
            "questionnaire.toml" => &["sources", "echelle", "ne_sait_pas", "theme", "item"],
            "apprentissage.toml" => &["sources", "smic", "remuneration", "regle", "question"],
            _ if rel.starts_with("metiers/") => &["sources", "metier"],
            _ if rel.starts_with("formations/") => &["sources", "formation"],
            _ => {
                sink.whole_file(
                    &source.shown,
                    "fichier inattendu : les fichiers possibles sont décrits dans content/README.md",
                );
                continue;
            }
        };
        pf.check_keys(allowed, &mut sink);
        if let Some(sources) = pf.required::<Vec<String>>("sources", &mut sink)
            && sources.is_empty()
        {
            let span = pf.get("sources").map_or(0..0, |n| n.span());
            sink.error(
                &pf.file,
                span,
                "« sources » est vide : citez au moins une source",
            );
        }
        match rel {
            "domaines.toml" => {
                r.domaines = pf.records("domaine", &mut sink, &mut r.incomplete.domaines)
            }
            "rome.toml" => r.rome = pf.records("fiche", &mut sink, &mut r.incomplete.rome),
            "situations.toml" => {
                r.situations = pf.records("situation", &mut sink, &mut r.incomplete.situations)
            }
            "contacts.toml" => r.contacts = pf.records("contact", &mut sink, &mut false),
            "questionnaire.toml" => {
                r.echelle = pf.records("echelle", &mut sink, &mut false);
                r.ne_sait_pas = pf.required("ne_sait_pas", &mut sink);
                r.themes = pf.records("theme", &mut sink, &mut false);
                r.items = pf.records("item", &mut sink, &mut false);
                r.questionnaire_file = Some(pf);
            }
            "apprentissage.toml" => {
                r.smic = pf.required("smic", &mut sink);
                r.remuneration = pf.required("remuneration", &mut sink);
                r.regles = pf.records("regle", &mut sink, &mut false);
                if pf.get("question").is_some() {
                    r.questions = pf.records("question", &mut sink, &mut false);
                }
                r.apprentissage_file = Some(pf);
            }
            _ if rel.starts_with("metiers/") => r
                .metiers
                .extend(pf.records("metier", &mut sink, &mut false)),
            _ => r.formations.extend(pf.records(
                "formation",
                &mut sink,
                &mut r.incomplete.formations,
            )),
        }
    }

    validate::check(&r, &mut sink);

    let mut problemes = sink.problemes;
    problemes.sort();
    problemes.dedup();
    let (Some(ne_sait_pas), Some(smic), Some(remuneration), true) =
        (r.ne_sait_pas, r.smic, r.remuneration, problemes.is_empty())
    else {
        return Err(ContentError { problemes });
    };
    let content = Content {
        domaines: values(r.domaines),
        rome: values(r.rome),
        metiers: values(r.metiers),
        formations: values(r.formations),
        situations: values(r.situations),
        questionnaire: Questionnaire {
            echelle: values(r.echelle),
            ne_sait_pas,
            theme: values(r.themes),
            item: values(r.items),
        },
        apprentissage: Apprentissage {
            smic,
            remuneration,
            regle: values(r.regles),
            question: values(r.questions),
        },
        contacts: values(r.contacts),
    };
    let mut avertissements = sink.avertissements;
    avertissements.sort();
    Ok(Loaded {
        content,
        avertissements,
    })
}

fn values<T>(records: Vec<Rec<'_, T>>) -> Vec<T> {
    records.into_iter().map(|r| r.value).collect()
}
