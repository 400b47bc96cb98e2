//! Unit tests of the search: ranking, typos, acronyms, highlights.

use super::*;

#[test]
fn folding_maps_back_to_original_letters() {
    let f = fold("Œnologue");
    assert_eq!(f.text, "oenologue");
    assert_eq!(&f.origin[..3], &[0, 0, 1]);
    assert_eq!(fold("Maçon ÉLECTRICIEN").text, "macon electricien");
    assert_eq!(fold("Pâtissière").text, "patissiere");
}

fn index(rows: &[(Kind, &str, &str)]) -> Index {
    Index::from_entries(
        rows.iter()
            .map(|(kind, label, others)| Entry {
                kind: *kind,
                id: fold(label).text,
                label: label.to_string(),
                folded: fold(label).text,
                others: fold(others).text,
                codes: vec![format!("x{}", label.len())],
                routes: Vec::new(),
            })
            .collect(),
    )
}

fn labels(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.label.as_str()).collect()
}

#[test]
fn every_word_must_be_found_unless_no_entry_has_them_all() {
    let i = index(&[
        (Kind::Metier, "Conducteur de bus", ""),
        (Kind::Metier, "Conducteur de travaux", ""),
        (Kind::Formation, "CAP Conducteur routier", ""),
    ]);
    assert_eq!(
        labels(&i.search("conducteur bus", 10)),
        ["Conducteur de bus"]
    );
    // No entry has "bus" and "travaux": those with the most words.
    assert_eq!(
        labels(&i.search("conducteur bus travaux", 10)),
        ["Conducteur de bus", "Conducteur de travaux"]
    );
    assert!(i.search("plombier", 10).is_empty());
    // One word of two is not enough.
    assert!(i.search("conducteur plombier", 10).is_empty());
}

#[test]
fn the_feminine_title_counts_as_a_title_start() {
    let i = index(&[
        (
            Kind::Metier,
            "Moniteur-éducateur / Monitrice-éducatrice",
            "",
        ),
        (
            Kind::Metier,
            "Éducateur spécialisé / Éducatrice spécialisée",
            "",
        ),
    ]);
    let hits = i.search("educatrice", 2);
    assert_eq!(
        hits[0].label,
        "Éducateur spécialisé / Éducatrice spécialisée"
    );
    assert!(hits[0].score > hits[1].score);
    // The highlighted letters are those of the feminine title.
    assert_eq!(hits[0].positions, (23..33).collect::<Vec<_>>());
}

#[test]
fn titles_beat_keywords_and_rich_fiches_beat_short_ones() {
    let i = index(&[
        (Kind::Rome, "Conchyliculteur / Conchylicultrice", ""),
        (
            Kind::Metier,
            "Aquaculteur / Aquacultrice",
            "conchyliculteur",
        ),
        (Kind::Metier, "Conchyliculteur / Conchylicultrice", ""),
    ]);
    let hits = i.search("conchyliculteur", 3);
    assert_eq!(
        hits.iter()
            .map(|h| (h.kind, h.label.as_str()))
            .collect::<Vec<_>>(),
        [
            (Kind::Metier, "Conchyliculteur / Conchylicultrice"),
            (Kind::Rome, "Conchyliculteur / Conchylicultrice"),
            (Kind::Metier, "Aquaculteur / Aquacultrice"),
        ]
    );
    // Found by a keyword: nothing to highlight in the title.
    assert!(hits[2].positions.is_empty());
}

#[test]
fn a_formation_found_by_a_keyword_comes_before_a_short_fiche() {
    let i = index(&[
        (Kind::Rome, "Bobinier en électricité", ""),
        (Kind::Formation, "CAP Électricien", "CAP / électricité"),
        (Kind::Metier, "Électricien", "électricité"),
    ]);
    assert_eq!(
        labels(&i.search("electricite", 3)),
        ["Électricien", "CAP Électricien", "Bobinier en électricité"]
    );
}

#[test]
fn route_words_are_whole_and_count_less_than_keywords() {
    let mut entries: Vec<Entry> = [
        (Kind::Formation, "CAP Maçon", "CAP"),
        (
            Kind::Etablissement,
            "CFA du bâtiment",
            "CFA / apprentissage",
        ),
    ]
    .iter()
    .map(|(kind, label, others)| Entry {
        kind: *kind,
        id: fold(label).text,
        label: label.to_string(),
        folded: fold(label).text,
        others: fold(others).text,
        codes: Vec::new(),
        routes: Vec::new(),
    })
    .collect();
    entries[0].routes = vec!["apprentissage".into(), "vae".into()];
    let i = Index::from_entries(entries);
    assert_eq!(
        labels(&i.search("apprentissage", 5)),
        ["CFA du bâtiment", "CAP Maçon"]
    );
    assert_eq!(labels(&i.search("vae", 5)), ["CAP Maçon"]);
    assert_eq!(labels(&i.search("macon vae", 5)), ["CAP Maçon"]);
    assert!(i.search("va", 5).is_empty());
}

#[test]
fn short_words_find_whole_words_and_word_starts_only() {
    let i = index(&[
        (Kind::Metier, "Plombier-chauffagiste", "plomberie"),
        (Kind::Metier, "Conseiller en voyages", "agence de voyages"),
        (Kind::Formation, "BTS Services informatiques", "BTS / SIO"),
    ]);
    assert!(i.search("cfa", 5).is_empty());
    assert!(i.search("vae", 5).is_empty());
    assert_eq!(labels(&i.search("sio", 5)), ["BTS Services informatiques"]);
    assert_eq!(labels(&i.search("info", 5)), ["BTS Services informatiques"]);
}

#[test]
fn a_missing_letter_is_forgiven_and_ranked_by_fuzzy_matcher() {
    let i = index(&[
        (Kind::Metier, "Électromécanicien", ""),
        (Kind::Metier, "Électricien", ""),
        (Kind::Metier, "Plombier", ""),
    ]);
    // "electricen": a letter missing. Both words hold its letters in
    // order; fuzzy-matcher prefers the closer one.
    assert_eq!(
        labels(&i.search("electricen", 5)),
        ["Électricien", "Électromécanicien"]
    );
    // Short words must start a word.
    assert!(i.search("pb", 5).is_empty());
    assert!(i.search("lomb", 5).is_empty());
    assert!(i.search("l", 5).is_empty());
    assert_eq!(labels(&i.search("p", 5)), ["Plombier"]);
}

#[test]
fn a_code_is_found_by_its_prefix_and_comes_first() {
    let i = index(&[
        (Kind::Rome, "Soudeur", ""),
        (Kind::Metier, "X11 soudure", ""),
    ]);
    // Codes are "x" and the label length: "x7" for "Soudeur".
    let hits = i.search("x7", 5);
    assert_eq!(labels(&hits), ["Soudeur"]);
    assert_eq!(hits[0].score, CODE_SCORE);
}

#[test]
fn odd_input_folds_without_panic() {
    for s in ["", "👍🏽", "e\u{301}", "مرحبا", "\u{202e}abc", "\0\x07"] {
        let f = fold(s);
        assert_eq!(f.text.len(), f.origin.len());
    }
}
