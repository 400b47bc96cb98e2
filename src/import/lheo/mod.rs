//! LHEO (Langage harmonisé d'échange d'informations sur l'offre de
//! formation), versions 2.2 and 2.3: the training offer of a region as XML.
//!
//! The file is read as a stream (memory bounded whatever its size). Each
//! `<action>` of a `<formation>` is matched to a Boussole formation — by its
//! RNCP code, then its code diplôme (CFD), then its title folded (accents and
//! case ignored, usual abbreviations expanded) and compared strictly — and its
//! `<lieu-de-formation>` becomes an establishment with that offer. Pure: the
//! caller writes the result.

use std::collections::BTreeMap;
use std::io::BufRead;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::reader::{Counting, TooLong};
use crate::content::{Content, DEPARTEMENTS, Etablissement, Offre, Voie};
use crate::search::fold;

mod etat;
mod noms;

use etat::State;

use noms::{commune, departement, type_du_nom};
pub use noms::{slug, titre_normalise};

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
