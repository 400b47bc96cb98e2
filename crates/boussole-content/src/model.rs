//! The content model: one Rust type per kind of record in `content/`.
//!
//! Field names are the TOML field names. Every struct refuses unknown fields so
//! that a typo in a content file is reported instead of silently ignored.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One of the six interest themes (RIASEC).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum Theme {
    R,
    I,
    A,
    S,
    E,
    C,
}

impl Theme {
    /// The six themes in their canonical order (R, I, A, S, E, C).
    pub const ALL: [Theme; 6] = [Theme::R, Theme::I, Theme::A, Theme::S, Theme::E, Theme::C];

    /// Position of the theme in [`Theme::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The theme's letter.
    pub fn letter(self) -> char {
        match self {
            Theme::R => 'R',
            Theme::I => 'I',
            Theme::A => 'A',
            Theme::S => 'S',
            Theme::E => 'E',
            Theme::C => 'C',
        }
    }
}

/// A ROME 4.0 domain (`content/domaines.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Domaine {
    pub lettre: String,
    pub libelle: String,
    pub presentation: String,
    #[serde(default)]
    pub normandie: Option<String>,
}

/// A short ROME fiche (`content/rome.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FicheRome {
    pub code: String,
    pub libelle: String,
}

/// Masculine and feminine forms of a job title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Titre {
    pub masculin: String,
    pub feminin: String,
}

impl Titre {
    /// "Boulanger / Boulangère", or the title alone when both forms are equal.
    pub fn both(&self) -> String {
        if self.masculin == self.feminin {
            self.masculin.clone()
        } else {
            format!("{} / {}", self.masculin, self.feminin)
        }
    }
}

/// A six-value interest profile, each value from 1 to 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Riasec {
    #[serde(rename = "R")]
    pub r: u8,
    #[serde(rename = "I")]
    pub i: u8,
    #[serde(rename = "A")]
    pub a: u8,
    #[serde(rename = "S")]
    pub s: u8,
    #[serde(rename = "E")]
    pub e: u8,
    #[serde(rename = "C")]
    pub c: u8,
}

impl Riasec {
    /// The values in the order R, I, A, S, E, C.
    pub fn values(&self) -> [u8; 6] {
        [self.r, self.i, self.a, self.s, self.e, self.c]
    }

    /// The value for one theme.
    pub fn get(&self, theme: Theme) -> u8 {
        self.values()[theme.index()]
    }
}

/// A rich métier fiche (`content/metiers/*.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metier {
    pub id: String,
    pub titre: Titre,
    pub rome: Vec<String>,
    pub domaine: String,
    pub riasec: Riasec,
    pub resume: String,
    pub activites: Vec<String>,
    pub qualites: Vec<String>,
    pub conditions: String,
    pub niveau_min: u8,
    pub formations: Vec<String>,
    pub apprentissage: bool,
    #[serde(default)]
    pub normandie: Option<String>,
    #[serde(default)]
    pub mots_cles: Vec<String>,
    pub sources: Vec<String>,
}

/// A way a formation can be taken.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Voie {
    /// Full-time at school (lycée, université…).
    Scolaire,
    /// Under an apprenticeship contract (CFA + employer).
    Apprentissage,
    /// Continuing education for adults.
    Continue,
    /// Validation des acquis de l'expérience.
    Vae,
}

/// A diploma or title (`content/formations/*.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Formation {
    pub id: String,
    pub intitule: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub niveau: u8,
    pub duree_mois: u16,
    pub voies: Vec<Voie>,
    pub acces: Vec<String>,
    #[serde(default)]
    pub poursuites: Vec<String>,
    #[serde(default)]
    pub presentation: Option<String>,
    /// RNCP codes (France compétences): one, or one per parcours or option.
    #[serde(default)]
    pub rncp: Vec<String>,
    /// Codes diplôme (CFD) of a national diploma: 8 characters each, one per
    /// option when options have their own.
    #[serde(default)]
    pub cfd: Vec<String>,
    /// Words people type to find it: acronyms, everyday words.
    #[serde(default)]
    pub mots_cles: Vec<String>,
    pub sources: Vec<String>,
}

impl Voie {
    /// The voie as written in the content files.
    pub fn id(self) -> &'static str {
        match self {
            Voie::Scolaire => "scolaire",
            Voie::Apprentissage => "apprentissage",
            Voie::Continue => "continue",
            Voie::Vae => "vae",
        }
    }
}

impl Formation {
    /// Whether the formation can be taken by this route.
    pub fn has_voie(&self, voie: Voie) -> bool {
        self.voies.contains(&voie)
    }
}

/// The five départements of Normandy: code and name. The one place where
/// their names are written.
pub const DEPARTEMENTS: [(&str, &str); 5] = [
    ("14", "Calvados"),
    ("27", "Eure"),
    ("50", "Manche"),
    ("61", "Orne"),
    ("76", "Seine-Maritime"),
];

/// The name of a Normandy département, from its code.
pub fn departement_nom(code: &str) -> Option<&'static str> {
    DEPARTEMENTS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, nom)| *nom)
}

/// How a département is shown everywhere: "76 Seine-Maritime", or
/// "35 (hors Normandie)" for a code outside Normandy.
pub fn departement_label(code: &str) -> String {
    match departement_nom(code) {
        Some(nom) => format!("{code} {nom}"),
        None => format!("{code} (hors Normandie)"),
    }
}

/// Whether a code is a French département code: 01–95 (20 excepted), 2A, 2B, 971–976.
pub fn is_departement_code(code: &str) -> bool {
    match code {
        "2A" | "2B" => true,
        _ if code.len() == 2 && code.bytes().all(|b| b.is_ascii_digit()) => {
            !matches!(code, "00" | "20" | "96" | "97" | "98" | "99")
        }
        _ if code.len() == 3 && code.bytes().all(|b| b.is_ascii_digit()) => {
            ("971"..="976").contains(&code)
        }
        _ => false,
    }
}

/// What kind of place an establishment is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum TypeEtablissement {
    LyceeProfessionnel,
    LyceePolyvalent,
    LyceeGeneralTechnologique,
    LyceeAgricole,
    Cfa,
    MaisonFamilialeRurale,
    Iut,
    Universite,
    Ecole,
    Afpa,
    Greta,
    Organisme,
}

impl TypeEtablissement {
    /// The type in plain French, as shown on screen.
    pub fn libelle(self) -> &'static str {
        match self {
            TypeEtablissement::LyceeProfessionnel => "Lycée professionnel",
            TypeEtablissement::LyceePolyvalent => "Lycée polyvalent",
            TypeEtablissement::LyceeGeneralTechnologique => "Lycée général et technologique",
            TypeEtablissement::LyceeAgricole => "Lycée agricole",
            TypeEtablissement::Cfa => "CFA (centre de formation d'apprentis)",
            TypeEtablissement::MaisonFamilialeRurale => "Maison familiale rurale (MFR)",
            TypeEtablissement::Iut => "IUT (institut universitaire de technologie)",
            TypeEtablissement::Universite => "Université",
            TypeEtablissement::Ecole => "École",
            TypeEtablissement::Afpa => "AFPA (formation des adultes)",
            TypeEtablissement::Greta => "GRETA (formation des adultes)",
            TypeEtablissement::Organisme => "Organisme de formation",
        }
    }
}

/// One formation taught by an establishment, and the routes it is taught by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Offre {
    /// Id of a formation of `formations/`.
    pub formation: String,
    /// Among `scolaire`, `apprentissage`, `continue`.
    pub voies: Vec<Voie>,
}

/// A place where formations are taught (`content/etablissements/*.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Etablissement {
    pub id: String,
    /// Official name.
    pub nom: String,
    #[serde(rename = "type")]
    pub kind: TypeEtablissement,
    pub commune: String,
    /// Département code ("14", "27", "50", "61", "76"; another French code is
    /// shown as outside Normandy).
    pub departement: String,
    /// UAI (ex-RNE) code: 7 digits and a letter.
    #[serde(default)]
    pub uai: Option<String>,
    #[serde(default)]
    pub site: Option<String>,
    #[serde(default)]
    pub telephone: Option<String>,
    pub offre: Vec<Offre>,
    pub sources: Vec<String>,
}

impl Etablissement {
    /// The offer of one formation here, if any.
    pub fn offre_de(&self, formation: &str) -> Option<&Offre> {
        self.offre.iter().find(|o| o.formation == formation)
    }
}

/// A starting point of a pathway (`content/situations.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    pub id: String,
    pub libelle: String,
    /// Level of the highest diploma held (0 = none yet).
    pub niveau: u8,
    /// Adults see titres professionnels and VAE routes.
    #[serde(default)]
    pub adulte: bool,
    /// Enters formations as these other situations do too (e.g. a pupil in
    /// 1re pro enters what a pupil in seconde pro or in 3e enters).
    #[serde(default)]
    pub comme: Vec<String>,
    /// The formation being followed, and how much of it is done.
    #[serde(default)]
    pub en_cours: Option<EnCours>,
    /// Usual age in this situation, when the person gives none.
    #[serde(default)]
    pub age_typique: Option<u8>,
    /// An adult with work experience: VAE routes come first.
    #[serde(default)]
    pub experience: bool,
}

/// A formation under way: its types (as in `type` of formations) and the
/// months already done, this year included.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnCours {
    pub types: Vec<String>,
    pub mois_faits: u16,
}

impl Situation {
    /// The age used when the person gives none.
    pub fn age(&self) -> u8 {
        self.age_typique
            .unwrap_or(if self.adulte { 30 } else { 15 })
    }

    /// Whether the situation enters formations that name `acces`.
    pub fn entre_par(&self, acces: &str) -> bool {
        self.id == acces || self.comme.iter().any(|c| c == acces)
    }
}

/// One step of the answer scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Echelon {
    pub valeur: u8,
    pub libelle: String,
}

/// A theme's plain-French presentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeInfo {
    pub code: Theme,
    pub nom: String,
    pub explication: String,
    /// The explanation for the adult track (no "tu").
    #[serde(default)]
    pub explication_adulte: Option<String>,
}

impl ThemeInfo {
    /// The explanation in the register of the public.
    pub fn explication_pour(&self, adulte: bool) -> &str {
        match (&self.explication_adulte, adulte) {
            (Some(a), true) => a,
            _ => &self.explication,
        }
    }
}

/// One questionnaire item: an activity to rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub texte: String,
    pub theme: Theme,
    #[serde(default)]
    pub rapide: bool,
    /// The ROME domains (letters A–N) the activity is most about: a liked
    /// item is a reason only for métiers of these domains.
    #[serde(default)]
    pub domaines: Vec<String>,
}

/// The interest questionnaire (`content/questionnaire.toml`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub echelle: Vec<Echelon>,
    pub ne_sait_pas: String,
    pub theme: Vec<ThemeInfo>,
    pub item: Vec<Item>,
    /// The items for adults (work, job search, career change): same themes
    /// and counts; an id shared with `item` has the same text.
    #[serde(default)]
    pub item_adulte: Vec<Item>,
}

impl Questionnaire {
    /// An item by id, in either set.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.item
            .iter()
            .chain(&self.item_adulte)
            .find(|i| i.id == id)
    }

    /// The set of items for this public: the adult one when asked and present.
    pub fn items_pour(&self, adulte: bool) -> &[Item] {
        if adulte && !self.item_adulte.is_empty() {
            &self.item_adulte
        } else {
            &self.item
        }
    }

    /// The texts of the items with these ids (unknown ids are skipped).
    pub fn item_texts<'a>(&'a self, ids: &'a [String]) -> impl Iterator<Item = &'a str> {
        ids.iter()
            .filter_map(|id| self.item(id))
            .map(|i| i.texte.as_str())
    }

    /// The presentation of one theme, if the content has it.
    pub fn theme_info(&self, theme: Theme) -> Option<&ThemeInfo> {
        self.theme.iter().find(|t| t.code == theme)
    }
}

/// The SMIC used by the pay simulator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Smic {
    pub horaire_brut: f64,
    pub mensuel_brut: f64,
    /// Date the amount applies from (YYYY-MM-DD).
    pub date: String,
    pub source: String,
}

/// One age band of the apprentice pay grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tranche {
    pub libelle: String,
    pub age_min: u8,
    #[serde(default)]
    pub age_max: Option<u8>,
    /// Percent of the SMIC for contract years 1, 2, 3.
    pub taux: Vec<u8>,
}

/// The minimum pay grid of apprentices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Remuneration {
    pub date: String,
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
    pub tranche: Vec<Tranche>,
}

/// A rule of apprenticeship, told in plain words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Regle {
    pub id: String,
    pub titre: String,
    pub texte: String,
    pub source: String,
    pub date: String,
}

/// A question young people ask, with a short answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionReponse {
    pub question: String,
    pub reponse: String,
}

/// Who may sign an apprenticeship contract, by age.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ages {
    /// Youngest age, in general.
    pub min: u8,
    /// Youngest age once the 3e is finished.
    pub min_apres_3e: u8,
    /// Oldest age, in general (completed years).
    pub max: u8,
    /// Oldest age in the exceptions (a higher diploma, a contract ended early).
    pub max_exception: u8,
    pub source: String,
}

impl Ages {
    /// Whether a person of `age` may sign an apprenticeship contract, leaving
    /// aside the exceptions (disability recognised, top-level sport, creating
    /// a business: no age limit; a new contract towards a higher diploma: up
    /// to `max_exception`), which Boussole cannot know.
    pub fn ouvert(&self, age: u8) -> bool {
        age >= self.min_apres_3e && age <= self.max
    }
}

/// Apprenticeship rules and figures (`content/apprentissage.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Apprentissage {
    pub smic: Smic,
    pub remuneration: Remuneration,
    /// Ages at which a contract may be signed (None in older content: 16–29).
    #[serde(default)]
    pub ages: Option<Ages>,
    pub regle: Vec<Regle>,
    #[serde(default)]
    pub question: Vec<QuestionReponse>,
}

impl Apprentissage {
    /// Minimum monthly gross pay in euros, with the percent of the SMIC used,
    /// for an apprentice of `age` in contract year `annee` (1-based).
    pub fn salaire_minimum(&self, age: u8, annee: usize) -> Option<(u8, f64)> {
        let tranche = self
            .remuneration
            .tranche
            .iter()
            .find(|t| age >= t.age_min && t.age_max.is_none_or(|max| age <= max))?;
        let taux = *tranche.taux.get(annee.checked_sub(1)?)?;
        Some((taux, self.smic.mensuel_brut * f64::from(taux) / 100.0))
    }
}

/// A place or service people can turn to (`content/contacts.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub id: String,
    pub nom: String,
    pub offre: String,
    pub public: String,
    #[serde(default)]
    pub telephone: Option<String>,
    #[serde(default)]
    pub web: Option<String>,
    /// Whom this contact is for first: its place in "Parler à quelqu'un"
    /// depends on the person's situation.
    #[serde(default)]
    pub publics: Vec<Public>,
}

/// Whom a contact is for first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Public {
    /// Pupils (collège, lycée).
    Eleves,
    /// Young people from 16 to 25.
    #[serde(rename = "jeunes-16-25")]
    Jeunes1625,
    /// Adults in work.
    AdultesSalaries,
    /// Job seekers.
    DemandeursEmploi,
    /// Executives.
    Cadres,
    /// Everyone.
    Tous,
}

/// A regional survey of recruitment projects (`content/recrutement.toml`):
/// France Travail's BMO.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Enquete {
    /// "Besoins en main-d'œuvre (BMO)"
    pub nom: String,
    pub annee: u16,
    /// Recruitment projects in Normandy.
    pub projets: u32,
    /// Share of projects judged difficult, in percent.
    #[serde(default)]
    pub part_difficiles: Option<u8>,
    #[serde(default)]
    pub departements: Vec<ProjetsDepartement>,
    pub source: String,
}

/// Recruitment projects in one département.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjetsDepartement {
    pub departement: String,
    pub projets: u32,
}

/// A family of métiers (or one métier) with its published recruitment figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Famille {
    pub id: String,
    pub libelle: String,
    /// Recruitment projects (`au_moins`: the source says "more than").
    #[serde(default)]
    pub projets: Option<u32>,
    #[serde(default)]
    pub au_moins: bool,
    /// Share of all the region's projects, in percent.
    #[serde(default)]
    pub part: Option<u8>,
    /// Share of its projects judged difficult, in percent.
    #[serde(default)]
    pub part_difficiles: Option<u8>,
    /// The rich métiers of the family that Boussole has.
    pub metiers: Vec<String>,
    pub source: String,
}

/// The survey and its families.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Recrutement {
    pub enquete: Enquete,
    pub famille: Vec<Famille>,
}

impl Recrutement {
    /// The families a métier belongs to.
    pub fn familles_de<'a>(&'a self, metier: &'a str) -> impl Iterator<Item = &'a Famille> {
        self.famille
            .iter()
            .filter(move |f| f.metiers.iter().any(|m| m == metier))
    }
}

/// A way to pay for a training or to be paid during it
/// (`content/financement.toml`), told for adults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dispositif {
    pub id: String,
    pub nom: String,
    pub pour_qui: String,
    pub ce_que_c_est: String,
    pub comment_commencer: String,
    #[serde(default)]
    pub web: Option<String>,
    #[serde(default)]
    pub telephone: Option<String>,
    /// Words people type to find it.
    #[serde(default)]
    pub mots_cles: Vec<String>,
    pub source: String,
    /// Month of the information (YYYY-MM).
    pub date: String,
}

/// Everything Boussole knows, loaded and checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Content {
    pub domaines: Vec<Domaine>,
    pub rome: Vec<FicheRome>,
    pub metiers: Vec<Metier>,
    pub formations: Vec<Formation>,
    pub situations: Vec<Situation>,
    pub questionnaire: Questionnaire,
    pub apprentissage: Apprentissage,
    pub contacts: Vec<Contact>,
    pub etablissements: Vec<Etablissement>,
    #[serde(default)]
    pub financement: Vec<Dispositif>,
    /// Who recruits in Normandy (none in content without `recrutement.toml`).
    #[serde(default)]
    pub recrutement: Option<Recrutement>,
}

impl Content {
    /// Whether a métier has a published recruitment figure in Normandy.
    pub fn recrute(&self, metier: &str) -> bool {
        self.recrutement
            .as_ref()
            .is_some_and(|r| r.familles_de(metier).next().is_some())
    }
}

/// Contacts an adult needs first, in this order (the others of their publics
/// follow).
const PRIORITE_ADULTES: [&str; 6] = [
    "cep",
    "france-vae",
    "transitions-pro-normandie",
    "france-travail",
    "apec",
    "region-normandie",
];
/// Contacts a pupil needs first, in this order.
const PRIORITE_ELEVES: [&str; 3] = ["cio-psy-en", "missions-locales", "region-normandie"];

impl Content {
    /// The contacts for this situation first (in the order it needs them),
    /// then the others.
    pub fn contacts_pour(&self, situation: Option<&Situation>) -> (Vec<&Contact>, Vec<&Contact>) {
        let Some(s) = situation else {
            return (self.contacts.iter().collect(), Vec::new());
        };
        let publics: Vec<Public> = if s.adulte {
            let mut p = vec![if s.id == "demandeur-emploi" {
                Public::DemandeursEmploi
            } else {
                Public::AdultesSalaries
            }];
            if s.niveau >= 6 {
                p.push(Public::Cadres);
            }
            p
        } else {
            let mut p = vec![Public::Eleves];
            if s.age() >= 16 {
                p.push(Public::Jeunes1625);
            }
            p
        };
        let priorite: &[&str] = if s.adulte {
            &PRIORITE_ADULTES
        } else {
            &PRIORITE_ELEVES
        };
        let (mut first, rest): (Vec<&Contact>, Vec<&Contact>) =
            self.contacts.iter().partition(|c| {
                c.publics
                    .iter()
                    .any(|p| *p == Public::Tous || publics.contains(p))
            });
        let rang = |c: &Contact| {
            priorite
                .iter()
                .position(|id| *id == c.id)
                .unwrap_or(priorite.len())
        };
        // Stable: the others keep the file's order.
        first.sort_by_key(|c| rang(c));
        (first, rest)
    }

    /// A rich métier by id.
    pub fn metier(&self, id: &str) -> Option<&Metier> {
        self.metiers.iter().find(|m| m.id == id)
    }

    /// A formation by id.
    pub fn formation(&self, id: &str) -> Option<&Formation> {
        self.formations.iter().find(|f| f.id == id)
    }

    /// A situation by id.
    pub fn situation(&self, id: &str) -> Option<&Situation> {
        self.situations.iter().find(|s| s.id == id)
    }

    /// A short ROME fiche by code.
    pub fn fiche_rome(&self, code: &str) -> Option<&FicheRome> {
        self.rome.iter().find(|f| f.code == code)
    }

    /// A domain by letter.
    pub fn domaine(&self, lettre: &str) -> Option<&Domaine> {
        self.domaines.iter().find(|d| d.lettre == lettre)
    }

    /// An establishment by id.
    pub fn etablissement(&self, id: &str) -> Option<&Etablissement> {
        self.etablissements.iter().find(|e| e.id == id)
    }

    /// Where a formation is taught: each establishment with its offer of it.
    pub fn lieux<'a, 'b>(
        &'a self,
        formation_id: &'b str,
    ) -> impl Iterator<Item = (&'a Etablissement, &'a Offre)> + use<'a, 'b> {
        self.etablissements
            .iter()
            .filter_map(move |e| e.offre_de(formation_id).map(|o| (e, o)))
    }

    /// The rich métiers a formation leads to.
    pub fn metiers_of_formation<'a>(
        &'a self,
        formation_id: &'a str,
    ) -> impl Iterator<Item = &'a Metier> {
        self.metiers
            .iter()
            .filter(move |m| m.formations.iter().any(|f| f == formation_id))
    }
}
