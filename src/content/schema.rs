//! JSON Schemas of the content files, generated from the Rust types, so that
//! editors (taplo, VS Code) complete and check fields while a counsellor types.
//! They are committed under `content/schema/`; a test keeps them up to date.

use schemars::{JsonSchema, schema_for};
use serde::Deserialize;

use super::files::{FILES, FileKind, Place};
use super::model::*;

/// `domaines.toml`
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DomainesFile {
    /// Les sources des informations du fichier.
    pub sources: Vec<String>,
    pub domaine: Vec<Domaine>,
}

/// `rome.toml`
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RomeFile {
    pub sources: Vec<String>,
    pub fiche: Vec<FicheRome>,
}

/// `metiers/*.toml`
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetiersFile {
    pub sources: Vec<String>,
    pub metier: Vec<Metier>,
}

/// `formations/*.toml`
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormationsFile {
    pub sources: Vec<String>,
    pub formation: Vec<Formation>,
}

/// `situations.toml`
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SituationsFile {
    pub sources: Vec<String>,
    pub situation: Vec<Situation>,
}

/// `questionnaire.toml`
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireFile {
    pub sources: Vec<String>,
    pub echelle: Vec<Echelon>,
    pub ne_sait_pas: String,
    pub theme: Vec<ThemeInfo>,
    pub item: Vec<Item>,
    #[serde(default)]
    pub item_adulte: Vec<Item>,
}

/// `apprentissage.toml`
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApprentissageFile {
    pub sources: Vec<String>,
    pub smic: Smic,
    pub remuneration: Remuneration,
    #[serde(default)]
    pub ages: Option<Ages>,
    pub regle: Vec<Regle>,
    #[serde(default)]
    pub question: Vec<QuestionReponse>,
}

/// `contacts.toml`
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactsFile {
    pub sources: Vec<String>,
    pub contact: Vec<Contact>,
}

/// `etablissements/*.toml`
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EtablissementsFile {
    pub sources: Vec<String>,
    pub etablissement: Vec<Etablissement>,
}

/// `financement.toml`
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FinancementFile {
    pub sources: Vec<String>,
    pub dispositif: Vec<Dispositif>,
}

/// `recrutement.toml`
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecrutementFile {
    pub sources: Vec<String>,
    pub enquete: Enquete,
    pub famille: Vec<Famille>,
}

/// Every schema, as (file name under `content/schema/`, pretty JSON).
pub fn all() -> Vec<(&'static str, String)> {
    let pretty = |v: schemars::Schema| serde_json::to_string_pretty(&v).unwrap_or_default() + "\n";
    FILES
        .iter()
        .map(|f| (f.schema, pretty(schema_of(f.kind))))
        .collect()
}

/// The schema of a kind's files.
fn schema_of(kind: FileKind) -> schemars::Schema {
    match kind {
        FileKind::Domaines => schema_for!(DomainesFile),
        FileKind::Rome => schema_for!(RomeFile),
        FileKind::Metiers => schema_for!(MetiersFile),
        FileKind::Formations => schema_for!(FormationsFile),
        FileKind::Situations => schema_for!(SituationsFile),
        FileKind::Questionnaire => schema_for!(QuestionnaireFile),
        FileKind::Apprentissage => schema_for!(ApprentissageFile),
        FileKind::Contacts => schema_for!(ContactsFile),
        FileKind::Etablissements => schema_for!(EtablissementsFile),
        FileKind::Financement => schema_for!(FinancementFile),
        FileKind::Recrutement => schema_for!(RecrutementFile),
    }
}

/// The schema a content file (path relative to the content root) should use,
/// as written in its `#:schema` first line.
pub fn reference_for(relative: &str) -> Option<String> {
    let file = FileKind::of(relative)?.file();
    let dir = match file.place {
        Place::File(_) => "./schema/",
        Place::Folder(_) => "../schema/",
    };
    Some(format!("#:schema {dir}{}", file.schema))
}
