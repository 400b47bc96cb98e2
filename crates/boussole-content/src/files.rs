//! The one table of content files: for each kind of record, where its files
//! are (one file, or a folder of files), the top-level keys they may have,
//! whether a content set must have them, whether an overlay may hide its
//! records, and the JSON schema that describes them. The loader, the schema
//! generator and the build script all read it.

/// What a content file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Domaines,
    Rome,
    Situations,
    Contacts,
    Questionnaire,
    Apprentissage,
    Metiers,
    Formations,
    Etablissements,
    Financement,
    Recrutement,
}

/// Where the files of a kind are, below the content root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// One file: "domaines.toml".
    File(&'static str),
    /// Any number of `.toml` files in a folder: "metiers".
    Folder(&'static str),
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct ContentFile {
    pub kind: FileKind,
    pub place: Place,
    /// The top-level keys its files may have (`sources` and the records).
    pub keys: &'static [&'static str],
    /// Whether every content set must have it (an overlay need not).
    pub required: bool,
    /// Whether an overlay may hide its records with `retirer`.
    pub can_hide: bool,
    /// The JSON schema of its files, in `content/schema/`.
    pub schema: &'static str,
}

const fn file(
    kind: FileKind,
    place: Place,
    keys: &'static [&'static str],
    required: bool,
    can_hide: bool,
    schema: &'static str,
) -> ContentFile {
    ContentFile {
        kind,
        place,
        keys,
        required,
        can_hide,
        schema,
    }
}

use FileKind as K;
use Place::{File, Folder};

/// The content files, in the order of the schemas.
pub const FILES: &[ContentFile] = &[
    file(
        K::Domaines,
        File("domaines.toml"),
        &["sources", "domaine"],
        true,
        false,
        "domaines.json",
    ),
    file(
        K::Rome,
        File("rome.toml"),
        &["sources", "fiche"],
        true,
        false,
        "rome.json",
    ),
    file(
        K::Metiers,
        Folder("metiers"),
        &["sources", "metier"],
        true,
        true,
        "metiers.json",
    ),
    file(
        K::Formations,
        Folder("formations"),
        &["sources", "formation"],
        true,
        true,
        "formations.json",
    ),
    file(
        K::Situations,
        File("situations.toml"),
        &["sources", "situation"],
        true,
        true,
        "situations.json",
    ),
    file(
        K::Questionnaire,
        File("questionnaire.toml"),
        &[
            "sources",
            "echelle",
            "ne_sait_pas",
            "theme",
            "item",
            "item_adulte",
        ],
        true,
        false,
        "questionnaire.json",
    ),
    file(
        K::Apprentissage,
        File("apprentissage.toml"),
        &[
            "sources",
            "smic",
            "remuneration",
            "ages",
            "regle",
            "question",
        ],
        true,
        false,
        "apprentissage.json",
    ),
    file(
        K::Contacts,
        File("contacts.toml"),
        &["sources", "contact"],
        true,
        true,
        "contacts.json",
    ),
    file(
        K::Etablissements,
        Folder("etablissements"),
        &["sources", "etablissement"],
        false,
        true,
        "etablissements.json",
    ),
    file(
        K::Financement,
        File("financement.toml"),
        &["sources", "dispositif"],
        false,
        true,
        "financement.json",
    ),
    file(
        K::Recrutement,
        File("recrutement.toml"),
        &["sources", "enquete", "famille"],
        false,
        false,
        "recrutement.json",
    ),
];

impl FileKind {
    /// The kind of the file at `relative` (path below the content root).
    pub fn of(relative: &str) -> Option<FileKind> {
        FILES
            .iter()
            .find(|f| match f.place {
                Place::File(name) => relative == name,
                Place::Folder(dir) => relative
                    .strip_prefix(dir)
                    .is_some_and(|rest| rest.starts_with('/')),
            })
            .map(|f| f.kind)
    }

    /// This kind's row of the table.
    pub fn file(self) -> &'static ContentFile {
        // Every kind has its row (a test checks it).
        FILES.iter().find(|f| f.kind == self).unwrap_or(&FILES[0])
    }

    /// The top-level keys its files may have.
    pub fn keys(self) -> &'static [&'static str] {
        self.file().keys
    }

    /// Whether an overlay may hide records of this kind with `retirer`.
    pub fn can_hide(self) -> bool {
        self.file().can_hide
    }
}

/// The single files (not in a folder), in the table's order.
pub fn single_files() -> impl Iterator<Item = &'static str> {
    FILES.iter().filter_map(|f| match f.place {
        Place::File(name) => Some(name),
        Place::Folder(_) => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_one_row_and_files_find_their_kind() {
        let kinds = [
            K::Domaines,
            K::Rome,
            K::Situations,
            K::Contacts,
            K::Questionnaire,
            K::Apprentissage,
            K::Metiers,
            K::Formations,
            K::Etablissements,
            K::Financement,
            K::Recrutement,
        ];
        for k in kinds {
            assert_eq!(FILES.iter().filter(|f| f.kind == k).count(), 1, "{k:?}");
            assert_eq!(k.file().kind, k);
        }
        assert_eq!(FILES.len(), kinds.len());
        assert_eq!(FileKind::of("rome.toml"), Some(K::Rome));
        assert_eq!(FileKind::of("metiers/a.toml"), Some(K::Metiers));
        assert_eq!(FileKind::of("metiersx/a.toml"), None);
        assert_eq!(FileKind::of("autre.toml"), None);
        assert_eq!(single_files().count(), 8);
    }
}
