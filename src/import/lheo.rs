//! LHEO (Langage harmonisé d'échange d'informations sur l'offre de
//! formation), versions 2.2 and 2.3: the training offer of a region as XML.
//!
//! The file is read as a stream (memory bounded whatever its size). Each
//! `<action>` of a `<formation>` is matched to a Boussole formation — by its
//! RNCP code, then its code diplôme (CFD), then its title folded (accents and
//! case ignored, usual abbreviations expanded) and compared strictly — and its
//! `<lieu-de-formation>` becomes an establishment with that offer. Pure: the
//! caller writes the result.

use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::reader::{Counting, TooLong};
use crate::content::{Content, DEPARTEMENTS, Etablissement, Offre, TypeEtablissement, Voie};
use crate::search::fold;

/// Namespaces accepted on the root element.
pub const NAMESPACES: [&str; 2] = ["http://www.lheo.org/2.2", "http://www.lheo.org/2.3"];

/// Longest text kept from one element (names, titles, codes).
const MAX_FIELD: usize = 64 * 1024;

/// What the caller asks.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Keep places outside Normandy too.
    pub tous_departements: bool,
    /// How the source file is named in the establishments' sources.
    pub nom_fichier: String,
}

/// How an action was matched to a formation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cle {
    Rncp,
    Cfd,
    Intitule,
}

/// What the import did, for the report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rapport {
    pub formations: usize,
    pub actions: usize,
    pub par_cle: BTreeMap<Cle, usize>,
    /// Unmatched certifications: (RNCP or CERTIFINFO code, title) → actions.
    pub sans_correspondance: BTreeMap<(String, String), usize>,
    /// Actions outside Normandy, skipped.
    pub hors_normandie: usize,
    /// Actions whose routes the formation does not have (e.g. apprenticeship
    /// for a formation Boussole knows only at school).
    pub voie_absente: usize,
    /// Actions of a formation already offered at the same place, merged.
    pub doublons: usize,
}

/// The result: establishments by département code, in a stable order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Import {
    pub etablissements: BTreeMap<String, Vec<Etablissement>>,
    pub rapport: Rapport,
}

/// A problem that stops the import, with its place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erreur {
    pub ligne: usize,
    pub colonne: usize,
    pub message: String,
}

impl std::fmt::Display for Erreur {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.ligne, self.colonne, self.message)
    }
}

/// One place of an action, as read.
#[derive(Debug, Clone, Default)]
struct Lieu {
    nom: String,
    ville: String,
    codepostal: String,
    departement: String,
    uai: String,
}

/// One action, as read.
#[derive(Debug, Clone, Default)]
struct Action {
    lieu: Option<Lieu>,
    apprentissage: bool,
    initiale: bool,
    continue_: bool,
    site: String,
    start: (usize, usize),
}

/// The formation being read.
#[derive(Debug, Clone, Default)]
struct FormationLue {
    intitule: String,
    rncp: Vec<String>,
    certifinfo: String,
    cfd: String,
    actions: Vec<Action>,
    organisme: String,
    telephone: String,
    site: String,
}

/// Reads an LHEO file and matches its offer to `content`'s formations.
pub fn import<R: BufRead>(
    input: R,
    content: &Content,
    options: &Options,
) -> Result<Import, Erreur> {
    let mut state = State::new(content, options);
    let mut reader = Reader::from_reader(Counting::new(input));
    reader.config_mut().trim_text(true);
    let mut buf = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut root_seen = false;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(e) => return Err(xml_error(&reader, &e)),
        };
        match event {
            Event::Start(e) => {
                let name = local(&reader, e.local_name().as_ref())?;
                if !root_seen {
                    check_root(&reader, &e, &name)?;
                    root_seen = true;
                }
                text.clear();
                state.open(&path, &name, info(&e), reader.get_ref().position());
                path.push(name);
            }
            Event::Empty(e) => {
                let name = local(&reader, e.local_name().as_ref())?;
                if !root_seen {
                    check_root(&reader, &e, &name)?;
                    root_seen = true;
                }
                state.open(&path, &name, info(&e), reader.get_ref().position());
                path.push(name);
                state.close(&path, "")?;
                path.pop();
            }
            Event::End(_) => {
                let value = clean(&text);
                state.close(&path, &value)?;
                path.pop();
                text.clear();
            }
            Event::Text(t) => {
                let s = t.decode().map_err(|_| not_utf8(&reader))?;
                push_text(&mut text, &s, &reader)?;
            }
            Event::CData(t) => {
                let s = t.decode().map_err(|_| not_utf8(&reader))?;
                push_text(&mut text, &s, &reader)?;
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name = r.decode().map_err(|_| not_utf8(&reader))?;
                        quick_xml::escape::resolve_xml_entity(&name)
                            .map_or_else(|| format!("&{name};"), str::to_string)
                    }
                };
                push_text(&mut text, &resolved, &reader)?;
            }
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => {
                if !root_seen {
                    return Err(Erreur {
                        ligne: 1,
                        colonne: 1,
                        message: "fichier vide ou qui n'est pas du XML : un fichier LHEO commence par <lheo>".to_string(),
                    });
                }
                if let Some(open) = path.last() {
                    return Err(at(
                        &reader,
                        &format!("fichier tronqué : la balise <{open}> n'est jamais fermée"),
                    ));
                }
                break;
            }
        }
        buf.clear();
    }
    Ok(state.finish())
}

/// The `info` attribute of an element (LHEO's `<extra info="…">`).
fn info(e: &quick_xml::events::BytesStart<'_>) -> String {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == b"info")
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
        .unwrap_or_default()
}

/// Text from the file as it may be shown in a message: control characters escaped.
fn shown(s: &str) -> String {
    s.chars()
        .take(80)
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn local<R: BufRead>(reader: &Reader<Counting<R>>, name: &[u8]) -> Result<String, Erreur> {
    std::str::from_utf8(name)
        .map(str::to_string)
        .map_err(|_| not_utf8(reader))
}

fn check_root<R: BufRead>(
    reader: &Reader<Counting<R>>,
    e: &quick_xml::events::BytesStart<'_>,
    name: &str,
) -> Result<(), Erreur> {
    if name != "lheo" {
        return Err(at(
            reader,
            &format!(
                "l'élément racine est <{}> : un fichier LHEO commence par <lheo>",
                shown(name)
            ),
        ));
    }
    for a in e.attributes().flatten() {
        let key = a.key.as_ref();
        if key == b"xmlns" || key.starts_with(b"xmlns:") {
            let ns = String::from_utf8_lossy(&a.value).into_owned();
            if !NAMESPACES.contains(&ns.as_str()) {
                return Err(at(
                    reader,
                    &format!(
                        "espace de noms « {} » inconnu : LHEO 2.2 ou 2.3 attendu ({})",
                        shown(&ns),
                        NAMESPACES.join(" ou ")
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn push_text<R: BufRead>(
    text: &mut String,
    s: &str,
    reader: &Reader<Counting<R>>,
) -> Result<(), Erreur> {
    if text.len() + s.len() > MAX_FIELD * 16 {
        return Err(at(reader, "texte d'un élément trop long (plus de 1 Mio)"));
    }
    text.push_str(s);
    Ok(())
}

fn at<R: BufRead>(reader: &Reader<Counting<R>>, message: &str) -> Erreur {
    let (ligne, colonne) = reader.get_ref().position();
    Erreur {
        ligne,
        colonne,
        message: message.to_string(),
    }
}

fn not_utf8<R: BufRead>(reader: &Reader<Counting<R>>) -> Erreur {
    at(
        reader,
        "texte qui n'est pas en UTF-8 : enregistrez le fichier en UTF-8",
    )
}

fn xml_error<R: BufRead>(reader: &Reader<Counting<R>>, e: &quick_xml::Error) -> Erreur {
    if let quick_xml::Error::Io(io) = e
        && io.get_ref().is_some_and(|inner| inner.is::<TooLong>())
    {
        let (ligne, colonne) = reader.get_ref().run_start();
        return Erreur {
            ligne,
            colonne,
            message: format!("{TooLong} : fichier refusé"),
        };
    }
    let message = match e {
        quick_xml::Error::Io(io) => format!("lecture impossible ({})", io),
        quick_xml::Error::Syntax(_) => {
            "syntaxe XML incorrecte (balise mal formée ou fichier tronqué)".to_string()
        }
        quick_xml::Error::IllFormed(ill) => match ill {
            quick_xml::errors::IllFormedError::MismatchedEndTag { expected, found } => format!(
                "balise fermante </{}> alors que <{}> est ouverte",
                shown(found),
                shown(expected)
            ),
            quick_xml::errors::IllFormedError::UnmatchedEndTag(t) => {
                format!("balise fermante </{}> sans balise ouvrante", shown(t))
            }
            _ => "XML mal formé".to_string(),
        },
        quick_xml::Error::Encoding(_) => {
            "texte qui n'est pas en UTF-8 : enregistrez le fichier en UTF-8".to_string()
        }
        _ => "XML illisible".to_string(),
    };
    at(reader, &message)
}

/// Text of an element: HTML tags (the fields carry escaped HTML) removed,
/// spaces collapsed.
fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len().min(MAX_FIELD));
    let mut in_tag = false;
    for c in raw.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if in_tag => {}
            c if c.is_control() || c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
        if out.len() >= MAX_FIELD {
            break;
        }
    }
    let out = out.replace("&nbsp;", " ").replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An establishment being built, and its place in the output.
struct EnCours {
    etab: Etablissement,
}

struct State<'c> {
    content: &'c Content,
    options: &'c Options,
    rncp: HashMap<String, usize>,
    cfd: HashMap<String, usize>,
    titres: HashMap<String, usize>,
    formation: Option<FormationLue>,
    action: Option<Action>,
    lieu: Option<Lieu>,
    /// Establishments by identity key, in order of appearance.
    cles: HashMap<String, usize>,
    ids: HashMap<String, usize>,
    etabs: Vec<EnCours>,
    rapport: Rapport,
    /// The `info` attribute of the `<extra>` being read.
    extra_info: String,
}

impl<'c> State<'c> {
    fn new(content: &'c Content, options: &'c Options) -> Self {
        let mut rncp = HashMap::new();
        let mut cfd = HashMap::new();
        let mut titres = HashMap::new();
        for (i, f) in content.formations.iter().enumerate() {
            for r in &f.rncp {
                rncp.insert(r.trim_start_matches("RNCP").to_string(), i);
            }
            for c in &f.cfd {
                cfd.insert(c.to_ascii_uppercase(), i);
            }
            titres.insert(titre_normalise(&f.intitule), i);
        }
        State {
            content,
            options,
            rncp,
            cfd,
            titres,
            formation: None,
            action: None,
            lieu: None,
            cles: HashMap::new(),
            ids: HashMap::new(),
            etabs: Vec::new(),
            rapport: Rapport::default(),
            extra_info: String::new(),
        }
    }

    fn open(&mut self, path: &[String], name: &str, info: String, pos: (usize, usize)) {
        let parent = path.last().map(String::as_str);
        if name == "extra" {
            self.extra_info = fold(&info).text;
        }
        match (parent, name) {
            (Some("offres"), "formation") => {
                self.rapport.formations += 1;
                self.formation = Some(FormationLue::default());
            }
            (Some("formation"), "action") if self.formation.is_some() => {
                self.action = Some(Action {
                    start: pos,
                    ..Action::default()
                });
            }
            (Some("action"), "lieu-de-formation") if self.action.is_some() => {
                self.lieu = Some(Lieu::default());
            }
            _ => {}
        }
    }

    fn close(&mut self, path: &[String], value: &str) -> Result<(), Erreur> {
        let Some(name) = path.last().map(String::as_str) else {
            return Ok(());
        };
        let inside = |n: &str| path.iter().any(|p| p == n);
        if inside("lieu-de-formation")
            && let Some(lieu) = self.lieu.as_mut()
        {
            match name {
                // The first line right under <coordonnees> is the place's name.
                "ligne"
                    if path.len() >= 2
                        && path[path.len() - 2] == "coordonnees"
                        && lieu.nom.is_empty() =>
                {
                    lieu.nom = value.to_string()
                }
                "ville" => lieu.ville = value.to_string(),
                "codepostal" => lieu.codepostal = value.to_string(),
                "departement" => lieu.departement = value.to_string(),
                "code-UAI" | "code-UAI-lieu-formation" => lieu.uai = value.to_string(),
                "lieu-de-formation" => {
                    if let (Some(a), Some(l)) = (self.action.as_mut(), self.lieu.take())
                        && a.lieu.is_none()
                    {
                        a.lieu = Some(l);
                    }
                }
                _ => {}
            }
            return Ok(());
        }
        if inside("action")
            && let Some(a) = self.action.as_mut()
        {
            let folded = fold(value).text;
            match name {
                "type-alternance" if value == "0" || value == "1" => a.apprentissage = true,
                "modalites-alternance" if folded.contains("apprentissage") => {
                    a.apprentissage = true
                }
                "extra" => {
                    // ONISEP's extras: formation-initiale, formation-continue, apprentissage.
                    let on = value == "1";
                    if on && self.extra_info.contains("apprentissage") {
                        a.apprentissage = true;
                    } else if on && self.extra_info.contains("initiale") {
                        a.initiale = true;
                    } else if on && self.extra_info.contains("continue") {
                        a.continue_ = true;
                    }
                }
                "urlweb" if inside("url-action") => a.site = value.to_string(),
                "code-UAI-lieu-formation" => {
                    if let Some(l) = a.lieu.as_mut() {
                        l.uai = value.to_string();
                    }
                }
                "action" => {
                    let action = self.action.take().unwrap_or_default();
                    if action.lieu.is_none() {
                        return Err(Erreur {
                            ligne: action.start.0,
                            colonne: action.start.1,
                            message: "cette <action> n'a pas de <lieu-de-formation> : on ne sait pas où elle a lieu".to_string(),
                        });
                    }
                    if let Some(f) = self.formation.as_mut() {
                        f.actions.push(action);
                    }
                }
                _ => {}
            }
            return Ok(());
        }
        if let Some(f) = self.formation.as_mut() {
            match name {
                "intitule-formation" => f.intitule = value.to_string(),
                "code-RNCP" => f.rncp.push(value.trim_start_matches("RNCP").to_string()),
                "code-CERTIFINFO" => f.certifinfo = value.to_string(),
                "extra"
                    if self.extra_info.contains("cfd")
                        || self.extra_info.contains("code-diplome") =>
                {
                    f.cfd = value.to_ascii_uppercase()
                }
                "nom-organisme" if inside("organisme-formation-responsable") => {
                    f.organisme = value.to_string()
                }
                "raison-sociale"
                    if inside("organisme-formation-responsable")
                        && f.organisme.is_empty()
                        && value != "-" =>
                {
                    f.organisme = value.to_string()
                }
                "numtel" if inside("organisme-formation-responsable") && f.telephone.is_empty() => {
                    f.telephone = value.to_string()
                }
                "urlweb" if inside("organisme-formation-responsable") && f.site.is_empty() => {
                    f.site = value.to_string()
                }
                "formation" => {
                    if let Some(f) = self.formation.take() {
                        self.finish_formation(f);
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Matches a formation's actions and records their places.
    fn finish_formation(&mut self, f: FormationLue) {
        self.rapport.actions += f.actions.len();
        let found = f
            .rncp
            .iter()
            .find_map(|r| self.rncp.get(r.as_str()).map(|&i| (i, Cle::Rncp)))
            .or_else(|| {
                (!f.cfd.is_empty())
                    .then(|| self.cfd.get(&f.cfd).map(|&i| (i, Cle::Cfd)))
                    .flatten()
            })
            .or_else(|| {
                self.titres
                    .get(&titre_normalise(&f.intitule))
                    .map(|&i| (i, Cle::Intitule))
            });
        let Some((index, cle)) = found else {
            let code = f
                .rncp
                .first()
                .map(|r| format!("RNCP{r}"))
                .or_else(|| {
                    (!f.certifinfo.is_empty()).then(|| format!("CERTIFINFO {}", f.certifinfo))
                })
                .unwrap_or_else(|| "sans code".to_string());
            *self
                .rapport
                .sans_correspondance
                .entry((code, f.intitule.clone()))
                .or_default() += f.actions.len();
            return;
        };
        let formation = &self.content.formations[index];
        for a in &f.actions {
            let Some(lieu) = &a.lieu else { continue };
            let dep = departement(lieu);
            let normandie = DEPARTEMENTS.iter().any(|(c, _)| *c == dep);
            if !normandie && !self.options.tous_departements {
                self.rapport.hors_normandie += 1;
                continue;
            }
            let mut voies: Vec<Voie> = Vec::new();
            if a.apprentissage {
                voies.push(Voie::Apprentissage);
            }
            if a.initiale && !a.apprentissage {
                voies.push(Voie::Scolaire);
            }
            if a.continue_ || voies.is_empty() {
                voies.push(Voie::Continue);
            }
            voies.retain(|v| formation.has_voie(*v));
            if voies.is_empty() {
                self.rapport.voie_absente += 1;
                continue;
            }
            *self.rapport.par_cle.entry(cle).or_default() += 1;
            let nom = if lieu.nom.is_empty() {
                f.organisme.clone()
            } else {
                lieu.nom.clone()
            };
            let commune = commune(&lieu.ville);
            let key = if lieu.uai.is_empty() {
                format!("{}|{}", fold(&nom).text, fold(&commune).text)
            } else {
                lieu.uai.to_ascii_uppercase()
            };
            let i = match self.cles.get(&key) {
                Some(&i) => i,
                None => {
                    let i = self.etabs.len();
                    let etab = self.new_etab(&nom, &commune, &dep, lieu, &f, a);
                    self.etabs.push(EnCours { etab });
                    self.cles.insert(key, i);
                    i
                }
            };
            let etab = &mut self.etabs[i].etab;
            match etab.offre.iter_mut().find(|o| o.formation == formation.id) {
                Some(o) => {
                    self.rapport.doublons += 1;
                    for v in voies {
                        if !o.voies.contains(&v) {
                            o.voies.push(v);
                        }
                    }
                    o.voies.sort();
                }
                None => {
                    voies.sort();
                    etab.offre.push(Offre {
                        formation: formation.id.clone(),
                        voies,
                    })
                }
            }
        }
    }

    fn new_etab(
        &mut self,
        nom: &str,
        commune: &str,
        dep: &str,
        lieu: &Lieu,
        f: &FormationLue,
        a: &Action,
    ) -> Etablissement {
        let uai = lieu.uai.to_ascii_uppercase();
        let uai = crate::content::is_uai(&uai).then_some(uai);
        // A place the content already has (same UAI) keeps its id and offer:
        // the import adds to it.
        if let Some(known) = uai.as_ref().and_then(|u| {
            self.content
                .etablissements
                .iter()
                .find(|e| e.uai.as_deref() == Some(u.as_str()))
        }) {
            let mut e = known.clone();
            e.sources.push(self.source(f));
            self.ids.insert(e.id.clone(), 1);
            return e;
        }
        let base = format!("lheo-{}-{}", slug(nom), slug(commune));
        let n = self.ids.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        let site = [&a.site, &f.site]
            .into_iter()
            .find(|s| s.starts_with("https://") || s.starts_with("http://"))
            .cloned();
        let telephone = Some(f.telephone.trim().to_string()).filter(|t| {
            !t.is_empty()
                && t.chars()
                    .all(|c| c.is_ascii_digit() || c == ' ' || c == '+')
        });
        Etablissement {
            id,
            nom: nom.to_string(),
            kind: type_du_nom(nom),
            commune: commune.to_string(),
            departement: dep.to_string(),
            uai,
            site,
            telephone,
            offre: Vec::new(),
            sources: vec![self.source(f)],
        }
    }

    fn source(&self, f: &FormationLue) -> String {
        if f.organisme.is_empty() {
            format!("Import LHEO du fichier « {} »", self.options.nom_fichier)
        } else {
            format!(
                "Import LHEO du fichier « {} » (organisme responsable : {})",
                self.options.nom_fichier, f.organisme
            )
        }
    }

    fn finish(self) -> Import {
        let mut etablissements: BTreeMap<String, Vec<Etablissement>> = BTreeMap::new();
        for e in self.etabs {
            etablissements
                .entry(e.etab.departement.clone())
                .or_default()
                .push(e.etab);
        }
        Import {
            etablissements,
            rapport: self.rapport,
        }
    }
}

/// Département of a place: its `<departement>`, else from its postcode.
fn departement(lieu: &Lieu) -> String {
    let d = lieu.departement.trim();
    if !d.is_empty() {
        return if d.len() == 1 {
            format!("0{d}")
        } else {
            d.to_string()
        };
    }
    let cp = lieu.codepostal.trim();
    match cp.get(..2) {
        Some("97") => cp.get(..3).unwrap_or("97").to_string(),
        Some(two) => two.to_string(),
        None => String::new(),
    }
}

/// A commune as written in capitals ("SAINT-ÉTIENNE-DU-ROUVRAY") in the usual case.
fn commune(ville: &str) -> String {
    let v = ville.trim();
    if v.chars().any(|c| c.is_lowercase()) {
        return v.to_string();
    }
    const SMALL: [&str; 12] = [
        "de", "du", "des", "la", "le", "les", "sur", "sous", "en", "lès", "lez", "et",
    ];
    let mut out = String::with_capacity(v.len());
    let mut word = String::new();
    let mut first = true;
    let flush = |word: &mut String, out: &mut String, first: &mut bool| {
        if word.is_empty() {
            return;
        }
        let lower = word.to_lowercase();
        if !*first && SMALL.contains(&lower.as_str()) {
            out.push_str(&lower);
        } else {
            let mut cs = lower.chars();
            if let Some(c) = cs.next() {
                out.extend(c.to_uppercase());
                out.push_str(cs.as_str());
            }
        }
        *first = false;
        word.clear();
    };
    for c in v.chars() {
        if c == '-' || c == ' ' || c == '\'' {
            flush(&mut word, &mut out, &mut first);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out, &mut first);
    out
}

/// The establishment's type, when its official name says it; otherwise
/// "organisme de formation".
fn type_du_nom(nom: &str) -> TypeEtablissement {
    let f = fold(nom).text;
    let starts = |p: &str| f.starts_with(p);
    if starts("lycee professionnel") || starts("lp ") {
        TypeEtablissement::LyceeProfessionnel
    } else if starts("lycee agricole")
        || starts("lpa ")
        || starts("legta")
        || starts("lycee d'enseignement general et technologique agricole")
    {
        TypeEtablissement::LyceeAgricole
    } else if starts("lycee polyvalent") {
        TypeEtablissement::LyceePolyvalent
    } else if starts("lycee general et technologique") || starts("lgt ") {
        TypeEtablissement::LyceeGeneralTechnologique
    } else if starts("cfa") || starts("centre de formation d'apprentis") {
        TypeEtablissement::Cfa
    } else if starts("mfr") || starts("maison familiale") {
        TypeEtablissement::MaisonFamilialeRurale
    } else if starts("iut") || starts("institut universitaire de technologie") {
        TypeEtablissement::Iut
    } else if starts("universite") {
        TypeEtablissement::Universite
    } else if starts("greta") {
        TypeEtablissement::Greta
    } else if starts("afpa") {
        TypeEtablissement::Afpa
    } else {
        TypeEtablissement::Organisme
    }
}

/// A slug for ids: lower-case ASCII words joined by hyphens.
pub fn slug(s: &str) -> String {
    let folded = fold(s).text;
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A title for strict comparison: folded, punctuation gone, the usual long
/// forms of diploma names shortened, small words dropped.
pub fn titre_normalise(titre: &str) -> String {
    let mut t = fold(titre).text;
    for (long, short) in [
        ("baccalaureat professionnel", "bac pro"),
        ("baccalaureat pro", "bac pro"),
        ("bac professionnel", "bac pro"),
        ("brevet de technicien superieur agricole", "btsa"),
        ("brevet de technicien superieur", "bts"),
        ("certificat d'aptitude professionnelle agricole", "capa"),
        ("cap agricole", "capa"),
        ("certificat d'aptitude professionnelle", "cap"),
        ("brevet professionnel", "bp"),
        ("bachelor universitaire de technologie", "but"),
        ("titre professionnel", "tp"),
        ("diplome d'etat", "de"),
        ("licence professionnelle", "licence pro"),
    ] {
        t = t.replace(long, short);
    }
    const SMALL: [&str; 13] = [
        "de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "a", "au", "aux",
    ];
    t.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !SMALL.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_compare_without_accents_abbreviations_or_small_words() {
        assert_eq!(
            titre_normalise(
                "Baccalauréat professionnel Métiers de l'électricité et de ses environnements connectés"
            ),
            titre_normalise("Bac pro Métiers de l'électricité et de ses environnements connectés")
        );
        assert_eq!(
            titre_normalise("Certificat d'aptitude professionnelle Électricien"),
            "cap electricien"
        );
        assert_ne!(
            titre_normalise("BTS Électrotechnique"),
            titre_normalise("CAP Électricien")
        );
    }

    #[test]
    fn communes_in_capitals_get_their_usual_case() {
        assert_eq!(
            commune("SAINT-ÉTIENNE-DU-ROUVRAY"),
            "Saint-Étienne-du-Rouvray"
        );
        assert_eq!(commune("LE HAVRE"), "Le Havre");
        assert_eq!(commune("Caen"), "Caen");
    }

    #[test]
    fn html_in_fields_is_stripped() {
        assert_eq!(
            clean("<p>BTS <b>Électro</b>technique</p>\n"),
            "BTS Électro technique"
        );
    }
}
