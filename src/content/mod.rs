//! Content: the model, loading from the bundled set or a directory, and the
//! checks that name `file:line:col` for every problem.

mod diag;
pub mod overlay;
mod parse;
pub mod schema;
mod source;
mod validate;

pub use boussole_content::files::{self, FileKind};
pub use boussole_content::{model, tree};
pub use diag::{ContentError, Probleme, line_col};
pub use model::*;
pub use parse::text_problem;
pub use source::{DirError, SourceFile, bundled_files, bundled_sources, read_dir};
pub use validate::{DEPART, is_uai};

use diag::Sink;
use parse::{ParsedFile, Rec};

/// Content that passed every check, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub content: Content,
    pub avertissements: Vec<Probleme>,
}

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
    pub etablissements: Vec<Rec<'a, Etablissement>>,
    pub financement: Vec<Rec<'a, Dispositif>>,
    pub enquete: Option<Enquete>,
    pub familles: Vec<Rec<'a, Famille>>,
    pub echelle: Vec<Rec<'a, Echelon>>,
    pub themes: Vec<Rec<'a, ThemeInfo>>,
    pub items: Vec<Rec<'a, Item>>,
    pub items_adulte: Vec<Rec<'a, Item>>,
    pub ne_sait_pas: Option<String>,
    pub questionnaire_file: Option<&'a ParsedFile<'a>>,
    pub smic: Option<Smic>,
    pub ages: Option<Ages>,
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
    load_layers(&[files], root)
}

/// Loads content made of layers: the first is a whole content set, each of
/// the others an overlay (see [`overlay`]) applied in order. Every problem,
/// in whichever layer, is reported with its `file:line:col`.
pub fn load_layers(layers: &[&[SourceFile]], root: &str) -> Result<Loaded, ContentError> {
    let mut sink = Sink::default();
    let parsed: Vec<Vec<(&SourceFile, Option<ParsedFile<'_>>)>> = layers
        .iter()
        .map(|files| {
            files
                .iter()
                .map(|f| {
                    let parsed = parse::utf8(&f.shown, &f.bytes, &mut sink)
                        .and_then(|t| parse::parse_file(&f.shown, t, &mut sink));
                    (f, parsed)
                })
                .collect()
        })
        .collect();

    let mut r = Records::default();
    if let (Some(base), Some(files)) = (parsed.first(), layers.first()) {
        missing_files(files, root, &mut sink);
        collect(base, &mut r, &mut sink, None);
    }
    for layer in parsed.iter().skip(1) {
        let mut over = Records::default();
        let mut hidden = Vec::new();
        collect(layer, &mut over, &mut sink, Some(&mut hidden));
        overlay::apply(&mut r, over, &hidden, &mut sink);
    }

    validate::check(&r, &mut sink);
    finish(r, sink)
}

/// The content of checked records, or every problem found on the way.
fn finish(r: Records<'_>, sink: Sink) -> Result<Loaded, ContentError> {
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
            item_adulte: values(r.items_adulte),
        },
        apprentissage: Apprentissage {
            smic,
            remuneration,
            ages: r.ages,
            regle: values(r.regles),
            question: values(r.questions),
        },
        contacts: values(r.contacts),
        etablissements: values(r.etablissements),
        financement: values(r.financement),
        recrutement: r.enquete.map(|enquete| Recrutement {
            enquete,
            famille: values(r.familles),
        }),
    };
    let mut avertissements = sink.avertissements;
    avertissements.sort();
    Ok(Loaded {
        content,
        avertissements,
    })
}

/// A whole content set must have every single file and at least one file in
/// `metiers/` and `formations/`.
fn missing_files(files: &[SourceFile], root: &str, sink: &mut Sink) {
    let root = root.trim_end_matches('/');
    let required = files::FILES.iter().filter(|f| f.required);
    for name in required.clone().filter_map(|f| match f.place {
        files::Place::File(name) => Some(name),
        files::Place::Folder(_) => None,
    }) {
        if !files.iter().any(|f| f.relative == name) {
            sink.whole_file(&format!("{root}/{name}"), "fichier manquant");
        }
    }
    for dir in required.filter_map(|f| match f.place {
        files::Place::Folder(dir) => Some(dir),
        files::Place::File(_) => None,
    }) {
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
}

/// Reads the records of every parsed file of one layer into `r`. For an
/// overlay (`hidden` is `Some`), record lists are optional and a `retirer`
/// list names records to hide.
fn collect<'a>(
    parsed: &'a [(&'a SourceFile, Option<ParsedFile<'a>>)],
    r: &mut Records<'a>,
    sink: &mut Sink,
    mut hidden: Option<&mut Vec<overlay::Hidden<'a>>>,
) {
    let is_overlay = hidden.is_some();
    for (source, parsed) in parsed {
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
        let Some(kind) = FileKind::of(rel) else {
            sink.whole_file(
                &source.shown,
                "fichier inattendu : les fichiers possibles sont décrits dans content/README.md",
            );
            continue;
        };
        let mut allowed: Vec<&str> = kind.keys().to_vec();
        let hides = is_overlay && kind.can_hide();
        if hides {
            allowed.push("retirer");
        }
        pf.check_keys(&allowed, sink);
        if let Some(sources) = pf.required::<Vec<String>>("sources", sink)
            && sources.is_empty()
        {
            let span = pf.get("sources").map_or(0..0, |n| n.span());
            sink.error(
                &pf.file,
                span,
                "« sources » est vide : citez au moins une source",
            );
        }
        if hides
            && let Some(list) = hidden.as_deref_mut()
            && let Some(node) = pf.get("retirer")
        {
            overlay::read_hidden(pf, node, kind, list, sink);
        }
        // In an overlay, a file may only hide records: its list is optional.
        let has = |key: &str| !is_overlay || pf.get(key).is_some();
        match kind {
            FileKind::Domaines => {
                if has("domaine") {
                    r.domaines = pf.records("domaine", sink, &mut r.incomplete.domaines)
                }
            }
            FileKind::Rome => {
                if has("fiche") {
                    r.rome = pf.records("fiche", sink, &mut r.incomplete.rome)
                }
            }
            FileKind::Situations => {
                if has("situation") {
                    r.situations = pf.records("situation", sink, &mut r.incomplete.situations)
                }
            }
            FileKind::Contacts => {
                if has("contact") {
                    r.contacts = pf.records("contact", sink, &mut false)
                }
            }
            FileKind::Questionnaire => {
                r.echelle = pf.records("echelle", sink, &mut false);
                r.ne_sait_pas = pf.required("ne_sait_pas", sink);
                r.themes = pf.records("theme", sink, &mut false);
                r.items = pf.records("item", sink, &mut false);
                if pf.get("item_adulte").is_some() {
                    r.items_adulte = pf.records("item_adulte", sink, &mut false);
                }
                r.questionnaire_file = Some(pf);
            }
            FileKind::Apprentissage => {
                r.smic = pf.required("smic", sink);
                if pf.get("ages").is_some() {
                    r.ages = pf.required("ages", sink);
                }
                r.remuneration = pf.required("remuneration", sink);
                r.regles = pf.records("regle", sink, &mut false);
                if pf.get("question").is_some() {
                    r.questions = pf.records("question", sink, &mut false);
                }
                r.apprentissage_file = Some(pf);
            }
            FileKind::Metiers => {
                if has("metier") {
                    r.metiers.extend(pf.records("metier", sink, &mut false))
                }
            }
            FileKind::Formations => {
                if has("formation") {
                    r.formations
                        .extend(pf.records("formation", sink, &mut r.incomplete.formations))
                }
            }
            FileKind::Recrutement => {
                r.enquete = pf.required("enquete", sink);
                r.familles = pf.records("famille", sink, &mut false);
            }
            FileKind::Financement => {
                if has("dispositif") {
                    r.financement
                        .extend(pf.records("dispositif", sink, &mut false))
                }
            }
            FileKind::Etablissements => {
                if has("etablissement") {
                    r.etablissements
                        .extend(pf.records("etablissement", sink, &mut false))
                }
            }
        }
    }
}

fn values<T>(records: Vec<Rec<'_, T>>) -> Vec<T> {
    records.into_iter().map(|r| r.value).collect()
}
