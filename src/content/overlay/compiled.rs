//! The quick way to lay overlays over the bundled content.
//!
//! The slow way parses the bundled TOML again, with positions, so that a
//! problem anywhere names its `file:line:col`. Here the base is the compiled
//! content (no TOML to parse: it passed `boussole check` when it was built)
//! and each overlay file is read once, its records taken by value instead of
//! copied out of the syntax tree. Records keep no position: the merged
//! content goes through the same merge and the same checks, and if anything
//! at all is wrong, or an overlay holds a file this path does not read, the
//! caller loads again the slow way, which names every problem.

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::super::diag::{FileText, Sink};
use super::super::parse::{self, ParsedFile, Rec};
use super::super::{Content, FileKind, Loaded, Records, SourceFile, source, validate};
use super::Hidden;

/// Where records without a position point to.
#[derive(Clone, Copy)]
struct Nowhere<'a> {
    file: &'a FileText<'a>,
    node: &'a Spanned<DeValue<'a>>,
}

impl<'a> Nowhere<'a> {
    fn rec<T>(self, value: T) -> Rec<'a, T> {
        Rec {
            value,
            file: self.file,
            node: self.node,
        }
    }

    fn all<T>(self, values: Vec<T>) -> Vec<Rec<'a, T>> {
        values.into_iter().map(|v| self.rec(v)).collect()
    }
}

/// The bundled content with the overlays' layers laid over it, or `None`
/// when the slow way must tell what is wrong. Warnings are not kept: their
/// positions are unknown here, and `boussole check`, which shows them, loads
/// the slow way.
pub(super) fn try_load(layers: &[Vec<SourceFile>]) -> Option<Loaded> {
    let base = source::compiled().ok()?;
    let node = Spanned::new(0..0, DeValue::Boolean(false));
    // An empty file: where records, the questionnaire and the rules point to.
    let whole = ParsedFile {
        file: FileText {
            shown: "",
            text: "",
        },
        root: Spanned::new(0..0, DeTable::new()),
    };
    let at = Nowhere {
        file: &whole.file,
        node: &node,
    };
    let mut r = records(base, at, &whole);
    let mut sink = Sink::default();
    for layer in layers {
        let mut over = Records::default();
        let mut hidden = Vec::new();
        for f in layer {
            read(f, at, &mut over, &mut hidden)?;
        }
        super::apply(&mut r, over, &hidden, &mut sink);
    }
    validate::check(&r, &mut sink);
    if !sink.problemes.is_empty() {
        return None;
    }
    let mut loaded = super::super::finish(r, sink).ok()?;
    loaded.avertissements.clear();
    Some(loaded)
}

/// The compiled content as records (for the merge and the checks).
fn records<'a>(c: Content, at: Nowhere<'a>, whole: &'a ParsedFile<'a>) -> Records<'a> {
    let (enquete, familles) = match c.recrutement {
        Some(rec) => (Some(rec.enquete), at.all(rec.famille)),
        None => (None, Vec::new()),
    };
    let q = c.questionnaire;
    let a = c.apprentissage;
    Records {
        domaines: at.all(c.domaines),
        rome: at.all(c.rome),
        metiers: at.all(c.metiers),
        formations: at.all(c.formations),
        situations: at.all(c.situations),
        contacts: at.all(c.contacts),
        etablissements: at.all(c.etablissements),
        financement: at.all(c.financement),
        enquete,
        familles,
        echelle: at.all(q.echelle),
        themes: at.all(q.theme),
        items: at.all(q.item),
        items_adulte: at.all(q.item_adulte),
        ne_sait_pas: Some(q.ne_sait_pas),
        questionnaire_file: Some(whole),
        smic: Some(a.smic),
        ages: a.ages,
        remuneration: Some(a.remuneration),
        regles: at.all(a.regle),
        questions: at.all(a.question),
        apprentissage_file: Some(whole),
        incomplete: Default::default(),
    }
}

/// Reads one overlay file into `over` and `hidden`; `None` when it has any
/// problem or is a file read only the slow way (questionnaire, apprenticeship
/// rules, recruitment survey: whole files, rare and small in overlays).
///
/// The file is parsed one record at a time (see [`chunks`]): a syntax tree
/// with positions takes about forty times the text's size, and an imported
/// offer can be megabytes long.
fn read<'a>(
    f: &'a SourceFile,
    at: Nowhere<'a>,
    over: &mut Records<'a>,
    hidden: &mut Vec<Hidden<'a>>,
) -> Option<()> {
    let kind = FileKind::of(&f.relative)?;
    let list = match kind.keys() {
        ["sources", list] => *list,
        _ => return None,
    };
    let mut sink = Sink::default();
    let text = parse::utf8(&f.shown, &f.bytes, &mut sink)?;
    let header = format!("[[{list}]]");
    let parts = chunks(text, &header);
    let several = parts.len() > 1;
    let mut sourced = false;
    for part in parts {
        let pf = parse::parse_file(&f.shown, part, &mut sink)?;
        if !sink.problemes.is_empty() {
            return None;
        }
        for (key, value) in pf.root.into_inner() {
            match key.get_ref().as_ref() {
                "sources" => sourced = !value_of::<Vec<String>>(value)?.is_empty(),
                "retirer" if kind.can_hide() => hidden.extend(
                    value_of::<Vec<String>>(value)?
                        .into_iter()
                        .map(|id| Hidden {
                            kind,
                            id,
                            file: at.file,
                            node: at.node,
                        }),
                ),
                // A list written inline before `[[list]]` tables is an error
                // of the whole file that no single part shows.
                k if k == list && (!several || part.starts_with(&header)) => {
                    take(kind, value, at, over)?
                }
                _ => return None,
            }
        }
    }
    sourced.then_some(())
}

/// The text cut before each line that is exactly `header` (`[[etablissement]]`):
/// the top of the file, then one record a part. A line of a multi-line
/// string that looks like a header leaves both parts unparsable, so that
/// the caller goes the slow way.
fn chunks<'t>(text: &'t str, header: &str) -> Vec<&'t str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if at > start && line.trim_end() == header {
            parts.push(&text[start..at]);
            start = at;
        }
        at += line.len();
    }
    parts.push(&text[start..]);
    parts
}

/// The records of a file's list, by kind.
fn take<'a>(
    kind: FileKind,
    list: Spanned<DeValue<'a>>,
    at: Nowhere<'a>,
    over: &mut Records<'a>,
) -> Option<()> {
    match kind {
        FileKind::Domaines => over.domaines = recs(list, at)?,
        FileKind::Rome => over.rome = recs(list, at)?,
        FileKind::Situations => over.situations = recs(list, at)?,
        FileKind::Contacts => over.contacts = recs(list, at)?,
        FileKind::Metiers => over.metiers.extend(recs(list, at)?),
        FileKind::Formations => over.formations.extend(recs(list, at)?),
        FileKind::Etablissements => over.etablissements.extend(recs(list, at)?),
        FileKind::Financement => over.financement.extend(recs(list, at)?),
        FileKind::Questionnaire | FileKind::Apprentissage | FileKind::Recrutement => return None,
    }
    Some(())
}

fn recs<'a, T: DeserializeOwned>(
    list: Spanned<DeValue<'a>>,
    at: Nowhere<'a>,
) -> Option<Vec<Rec<'a, T>>> {
    let DeValue::Array(items) = list.into_inner() else {
        return None;
    };
    items
        .into_iter()
        .map(|item| value_of(item).map(|v| at.rec(v)))
        .collect()
}

fn value_of<T: DeserializeOwned>(node: Spanned<DeValue<'_>>) -> Option<T> {
    T::deserialize(ValueDeserializer::from(node)).ok()
}
