//! The content shipped with Boussole: it passes the check, the binary embeds
//! exactly the files of `content/`, and it keeps the counts and rules the
//! product promises (so an edit cannot silently drop them).

use std::collections::HashMap;
use std::path::Path;

use boussole::content::{self, Content, Theme, TypeEtablissement, Voie};
use boussole::search::{Index, Kind};
use boussole::tui::app::SEARCH_LIMIT;

fn bundled() -> Content {
    match content::check_bundled() {
        Ok(loaded) => {
            // An entry level below every formation of the métier is allowed
            // when the real route (a titre not yet in Boussole) is named in
            // the fiche's sources; every other warning is a defect.
            let others: Vec<_> = loaded
                .avertissements
                .iter()
                .filter(|w| !w.message.contains("sa formation la plus accessible"))
                .collect();
            assert!(others.is_empty(), "warnings: {others:#?}");
            loaded.content
        }
        Err(e) => panic!("the bundled content must pass the check:\n{e}"),
    }
}

#[test]
fn bundled_content_passes_the_check_without_warnings() {
    let c = bundled();
    assert_eq!(c.domaines.len(), 14);
    assert_eq!(c.rome.len(), 1584);
}

#[test]
fn compiled_content_equals_the_checked_toml() {
    let compiled = content::load_bundled()
        .expect("the compiled content decodes")
        .content;
    assert_eq!(compiled, bundled());
}

#[test]
fn embedded_content_equals_the_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let on_disk = content::read_dir(&root).expect("content/ is readable");
    let embedded = content::bundled_files();
    let disk: HashMap<&str, &[u8]> = on_disk
        .iter()
        .map(|f| (f.relative.as_str(), f.bytes.as_slice()))
        .collect();
    assert_eq!(disk.len(), embedded.len(), "same number of files");
    for (rel, text) in embedded {
        assert_eq!(
            disk.get(rel).copied(),
            Some(text.as_bytes()),
            "{rel} differs from the file on disk: rebuild"
        );
    }
}

#[test]
fn questionnaire_counts() {
    let c = bundled();
    let q = &c.questionnaire;
    assert_eq!(q.item.len(), 60);
    for t in Theme::ALL {
        let items: Vec<_> = q.item.iter().filter(|i| i.theme == t).collect();
        assert_eq!(items.len(), 10, "theme {}", t.letter());
        assert_eq!(
            items.iter().filter(|i| i.rapide).count(),
            5,
            "rapide items of theme {}",
            t.letter()
        );
        assert!(
            q.theme_info(t).is_some(),
            "presentation of theme {}",
            t.letter()
        );
        for i in items {
            let words = i.texte.split_whitespace().count();
            assert!(words <= 14, "item {} is too long ({words} words)", i.id);
        }
    }
}

#[test]
fn formation_counts_and_levels() {
    let c = bundled();
    assert!(
        c.formations.len() >= 150,
        "{} formations",
        c.formations.len()
    );
    for niveau in 3..=7 {
        assert!(
            c.formations.iter().any(|f| f.niveau == niveau),
            "no formation of level {niveau}"
        );
    }
    for f in &c.formations {
        assert!(!f.sources.is_empty(), "{}", f.id);
    }
}

#[test]
fn metier_counts_and_rules() {
    let c = bundled();
    assert!(c.metiers.len() >= 200, "{} métiers", c.metiers.len());
    for d in &c.domaines {
        let n = c.metiers.iter().filter(|m| m.domaine == d.lettre).count();
        assert!(n >= 8, "domain {} has {n} métiers", d.lettre);
    }
    let by_apprenticeship = c
        .metiers
        .iter()
        .filter(|m| {
            m.apprentissage
                && m.formations
                    .iter()
                    .filter_map(|f| c.formation(f))
                    .any(|f| f.has_voie(Voie::Apprentissage))
        })
        .count();
    assert!(
        by_apprenticeship * 100 >= c.metiers.len() * 60,
        "{by_apprenticeship} of {} métiers by apprenticeship",
        c.metiers.len()
    );
    for m in &c.metiers {
        assert!(
            !m.titre.masculin.is_empty() && !m.titre.feminin.is_empty(),
            "{}",
            m.id
        );
        assert!(!m.formations.is_empty(), "{}", m.id);
        assert!(m.rome.iter().all(|r| c.fiche_rome(r).is_some()), "{}", m.id);
        let v = m.riasec.values();
        let spread = v.iter().max().unwrap_or(&0) - v.iter().min().unwrap_or(&0);
        assert!(
            spread >= 2 && v.iter().all(|x| (1..=7).contains(x)),
            "{}",
            m.id
        );
        assert!(
            (4..=6).contains(&m.activites.len()),
            "{}: {} activités",
            m.id,
            m.activites.len()
        );
        assert!(
            (3..=5).contains(&m.qualites.len()),
            "{}: {} qualités",
            m.id,
            m.qualites.len()
        );
        assert!(!m.sources.is_empty(), "{}", m.id);
    }
}

#[test]
fn contacts_start_with_the_region_line() {
    let c = bundled();
    let first = c.contacts.first().expect("contacts");
    assert_eq!(first.telephone.as_deref(), Some("0800 050 000"));
}

/// Where an expected search result must be.
#[derive(Debug, Clone, Copy)]
enum At {
    /// The first result of all.
    First,
    /// Among the first n results of its kind, as the guide lists them
    /// (grouped by kind, best first).
    Top(usize),
}

use At::{First, Top};

/// Queries people type, misspellings included, and a result they expect:
/// what the content says, not what the search happened to return.
const GOLDEN: &[(&str, At, Kind, &str)] = &[
    ("electricien", First, Kind::Metier, "electricien"),
    // Fiches of the second wave, by the words people type.
    ("horlogere", First, Kind::Metier, "horloger"),
    ("reliure", First, Kind::Metier, "relieur"),
    ("reliure", Top(2), Kind::Formation, "cap-arts-reliure"),
    ("creperie", First, Kind::Metier, "crepier"),
    ("costumes", First, Kind::Metier, "costumier"),
    ("cameraman", First, Kind::Metier, "cadreur"),
    ("demenagement", First, Kind::Metier, "demenageur"),
    ("iade", First, Kind::Metier, "infirmier-anesthesiste"),
    (
        "auxiliaire ambulanciere",
        First,
        Kind::Metier,
        "auxiliaire-ambulancier",
    ),
    ("Électricien", First, Kind::Metier, "electricien"),
    ("ELECTRICIENNE", First, Kind::Metier, "electricien"),
    ("electricien", Top(3), Kind::Formation, "cap-electricien"),
    ("electricite", Top(3), Kind::Metier, "electricien"),
    ("electricite", Top(3), Kind::Formation, "cap-electricien"),
    ("électricité", Top(3), Kind::Formation, "bp-electricien"),
    ("melec", First, Kind::Metier, "electricien"),
    ("melec", Top(1), Kind::Formation, "bac-pro-melec"),
    ("bac pro melec", First, Kind::Formation, "bac-pro-melec"),
    ("macon", First, Kind::Metier, "macon"),
    ("maçonne", First, Kind::Metier, "macon"),
    ("oenologue", First, Kind::Rome, "A1423"),
    ("cfa", Top(5), Kind::Etablissement, "cfa-btp-calvados-caen"),
    (
        "cfa batiment",
        First,
        Kind::Etablissement,
        "cfa-btp-calvados-caen",
    ),
    (
        "apprentissage",
        Top(10),
        Kind::Etablissement,
        "cfa-btp-calvados-caen",
    ),
    ("PATISSIER", First, Kind::Metier, "patissier"),
    ("patissiere", First, Kind::Metier, "patissier"),
    ("aide soignante", First, Kind::Metier, "aide-soignant"),
    ("aide soignant", First, Kind::Metier, "aide-soignant"),
    ("aidesoignante", First, Kind::Metier, "aide-soignant"),
    ("aide-soignant", Top(1), Kind::Formation, "de-aide-soignant"),
    ("deas", First, Kind::Metier, "aide-soignant"),
    ("deas", Top(1), Kind::Formation, "de-aide-soignant"),
    ("infirmiere", First, Kind::Metier, "infirmier"),
    ("infirm", First, Kind::Metier, "infirmier"),
    ("ifsi", Top(1), Kind::Formation, "de-infirmier"),
    ("soins", Top(5), Kind::Metier, "infirmier"),
    ("boulang", First, Kind::Metier, "boulanger"),
    ("boulangère", First, Kind::Metier, "boulanger"),
    ("boulangerie", First, Kind::Metier, "boulanger"),
    ("boulangerie", Top(3), Kind::Formation, "cap-boulanger"),
    ("plombier", First, Kind::Metier, "plombier-chauffagiste"),
    (
        "plomberie",
        Top(3),
        Kind::Formation,
        "cap-monteur-installations-sanitaires",
    ),
    (
        "chauffagiste",
        Top(3),
        Kind::Metier,
        "plombier-chauffagiste",
    ),
    (
        "conducteur bus",
        First,
        Kind::Metier,
        "conducteur-bus-autocar",
    ),
    (
        "chauffeur de bus",
        First,
        Kind::Metier,
        "conducteur-bus-autocar",
    ),
    ("cariste", First, Kind::Metier, "cariste"),
    ("cariste", Top(3), Kind::Formation, "tp-cariste"),
    ("caces", Top(3), Kind::Metier, "cariste"),
    ("soudeuse", First, Kind::Metier, "soudeur"),
    ("soudeur", First, Kind::Metier, "soudeur"),
    ("soudure", Top(3), Kind::Formation, "cap-rics"),
    ("chaudronnier", First, Kind::Metier, "chaudronnier"),
    (
        "developpeur",
        First,
        Kind::Metier,
        "developpeur-informatique",
    ),
    (
        "informatique",
        Top(3),
        Kind::Metier,
        "developpeur-informatique",
    ),
    ("informatique", Top(3), Kind::Formation, "bts-sio"),
    ("numerique", Top(5), Kind::Formation, "but-mmi"),
    ("bts sio", First, Kind::Formation, "bts-sio"),
    ("comptable", First, Kind::Metier, "comptable"),
    ("compta", Top(3), Kind::Formation, "bts-cg"),
    ("coiffeuse", First, Kind::Metier, "coiffeur"),
    ("coiffure", First, Kind::Metier, "coiffeur"),
    ("coiffure", Top(3), Kind::Formation, "cap-metiers-coiffure"),
    ("educatrice", Top(3), Kind::Metier, "educateur-specialise"),
    ("palefrenier", First, Kind::Metier, "palefrenier-soigneur"),
    ("animaux", Top(5), Kind::Metier, "palefrenier-soigneur"),
    (
        "animaux",
        Top(5),
        Kind::Formation,
        "capa-palefrenier-soigneur",
    ),
    ("cheval", Top(5), Kind::Metier, "palefrenier-soigneur"),
    ("chevaux", Top(5), Kind::Formation, "bac-pro-cgeh"),
    ("marechal ferrant", First, Kind::Metier, "marechal-ferrant"),
    ("cuisiniere", First, Kind::Metier, "cuisinier"),
    ("cuisine", Top(3), Kind::Formation, "cap-cuisine"),
    ("serveur", First, Kind::Metier, "serveur"),
    (
        "mecanicien auto",
        First,
        Kind::Metier,
        "mecanicien-automobile",
    ),
    (
        "mecanique auto",
        First,
        Kind::Metier,
        "mecanicien-automobile",
    ),
    (
        "mecanique auto",
        Top(3),
        Kind::Formation,
        "cap-maintenance-vehicules-a",
    ),
    ("voiture", Top(5), Kind::Metier, "mecanicien-automobile"),
    ("garagiste", First, Kind::Metier, "mecanicien-automobile"),
    (
        "mva",
        Top(3),
        Kind::Formation,
        "bac-pro-maintenance-vehicules-a",
    ),
    ("moto", Top(3), Kind::Metier, "mecanicien-motocycles"),
    ("vendeuse", Top(3), Kind::Metier, "vendeur-en-magasin"),
    ("ambulancier", First, Kind::Metier, "ambulancier"),
    ("veterinaire", First, Kind::Metier, "veterinaire"),
    ("veto", First, Kind::Metier, "veterinaire"),
    ("couvreur", First, Kind::Metier, "couvreur"),
    ("ostreiculteur", First, Kind::Metier, "conchyliculteur"),
    ("huitres", Top(3), Kind::Formation, "cap-conchyliculture"),
    ("petite enfance", Top(5), Kind::Formation, "cap-aepe"),
    (
        "petite enfance",
        Top(5),
        Kind::Metier,
        "auxiliaire-de-puericulture",
    ),
    ("aepe", Top(1), Kind::Formation, "cap-aepe"),
    ("cap aepe", First, Kind::Formation, "cap-aepe"),
    (
        "creche",
        Top(5),
        Kind::Metier,
        "educateur-de-jeunes-enfants",
    ),
    ("nounou", Top(3), Kind::Metier, "assistant-maternel"),
    ("assp", First, Kind::Formation, "bac-pro-assp"),
    (
        "auxiliaire de vie",
        Top(3),
        Kind::Formation,
        "de-accompagnant-educatif-social",
    ),
    ("ndrc", Top(1), Kind::Formation, "bts-ndrc"),
    ("ndrc", Top(3), Kind::Metier, "commercial"),
    ("bts mco", First, Kind::Formation, "bts-mco"),
    ("mee", Top(1), Kind::Formation, "bac-pro-mee"),
    ("tiin", Top(1), Kind::Formation, "bac-pro-tiin"),
    (
        "nucleaire",
        Top(5),
        Kind::Metier,
        "technicien-intervention-nucleaire",
    ),
    ("cgea", Top(1), Kind::Formation, "bac-pro-cgea"),
    ("agriculteur", Top(3), Kind::Metier, "exploitant-agricole"),
    ("logistique", Top(5), Kind::Metier, "responsable-logistique"),
    (
        "logistique",
        Top(5),
        Kind::Formation,
        "bac-pro-metiers-logistique",
    ),
    ("magasinier", First, Kind::Metier, "magasinier"),
    ("poids lourd", First, Kind::Metier, "conducteur-poids-lourd"),
    ("routier", Top(5), Kind::Metier, "conducteur-poids-lourd"),
    (
        "pompier",
        First,
        Kind::Formation,
        "bac-pro-metiers-securite",
    ),
    ("police", Top(3), Kind::Metier, "gardien-de-la-paix"),
    (
        "maitre nageur",
        First,
        Kind::Metier,
        "maitre-nageur-sauveteur",
    ),
    (
        "equitation",
        Top(3),
        Kind::Metier,
        "enseignant-d-equitation",
    ),
    ("kine", First, Kind::Metier, "masseur-kinesitherapeute"),
    ("sage femme", First, Kind::Metier, "sage-femme"),
    (
        "pharmacie",
        Top(3),
        Kind::Metier,
        "preparateur-en-pharmacie",
    ),
    ("menuisier", First, Kind::Metier, "menuisier-poseur"),
    ("paysagiste", First, Kind::Metier, "jardinier-paysagiste"),
    ("graphiste", First, Kind::Metier, "graphiste"),
    ("photographe", First, Kind::Metier, "photographe"),
    (
        "eolien",
        Top(3),
        Kind::Metier,
        "technicien-maintenance-eoliennes",
    ),
    (
        "chauffeur poids lourd",
        First,
        Kind::Metier,
        "conducteur-poids-lourd",
    ),
];

#[test]
fn golden_search_queries() {
    let c = bundled();
    let index = Index::new(&c);
    let mut wrong = Vec::new();
    for (query, at, kind, id) in GOLDEN {
        let hits = index.search(query, SEARCH_LIMIT);
        let ok = match at {
            First => hits.first().is_some_and(|h| h.kind == *kind && h.id == *id),
            Top(n) => hits
                .iter()
                .filter(|h| h.kind == *kind)
                .take(*n)
                .any(|h| h.id == *id),
        };
        if !ok {
            let got: Vec<String> = hits
                .iter()
                .take(8)
                .map(|h| format!("{:?} {}", h.kind, h.id))
                .collect();
            wrong.push(format!(
                "{query:?}: expected {kind:?} {id} {at:?}, got {got:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_golden_table_has_at_least_80_queries() {
    let queries: std::collections::HashSet<&str> = GOLDEN.iter().map(|g| g.0).collect();
    assert!(queries.len() >= 80, "{} queries", queries.len());
}

/// Short acronyms find their own word, never letters scattered in others;
/// the words of the routes find the formations open by them.
#[test]
fn acronyms_and_routes_find_what_they_say() {
    let c = bundled();
    let index = Index::new(&c);
    let found = |q: &str, id: &str| index.search(q, SEARCH_LIMIT).iter().any(|h| h.id == id);
    assert!(!found("cfa", "plombier-chauffagiste"));
    assert!(!found("vae", "conseiller-en-voyages"));
    let cfa = |id: &str| {
        c.etablissement(id)
            .is_some_and(|e| e.kind == TypeEtablissement::Cfa)
    };
    // "cfa" finds the CFAs first.
    let hits = index.search("cfa", SEARCH_LIMIT);
    assert!(hits.first().is_some_and(|h| cfa(&h.id)), "{hits:?}");
    // "vae" finds the formations one can get through the VAE; "alternance"
    // and "apprentissage" the CFAs, then the formations open to apprentices.
    for (query, voie) in [
        ("vae", Voie::Vae),
        ("alternance", Voie::Apprentissage),
        ("apprentissage", Voie::Apprentissage),
    ] {
        let hits = index.search(query, SEARCH_LIMIT);
        assert!(hits.iter().any(|h| h.kind == Kind::Formation), "{query}");
        if voie == Voie::Apprentissage {
            assert!(hits.first().is_some_and(|h| cfa(&h.id)), "{query}");
        }
        for h in hits {
            let open = match h.kind {
                Kind::Formation => c.formation(&h.id).is_some_and(|f| f.has_voie(voie)),
                Kind::Etablissement => cfa(&h.id),
                // How to pay for it: France VAE for "vae".
                Kind::Dispositif => query == "vae" && h.id == "france-vae",
                _ => false,
            };
            assert!(open, "{query}: {h:?}");
        }
    }
    // The adults' words lead to the funding screen's schemes first.
    for (query, id) in [
        ("vae", "france-vae"),
        ("cpf", "cpf"),
        ("reconversion", "cep"),
        ("transition", "ptp"),
    ] {
        let hits = index.search(query, SEARCH_LIMIT);
        assert!(
            hits.iter()
                .take(3)
                .any(|h| h.kind == Kind::Dispositif && h.id == id),
            "{query}: {hits:?}"
        );
    }
}

#[test]
fn every_metier_has_a_route_from_3e() {
    let c = bundled();
    // Every métier must be reachable from 3e through the formation graph.
    let unreachable: Vec<&str> = c
        .metiers
        .iter()
        .filter(|m| !boussole::parcours::reachable(&c, "3e", m))
        .map(|m| m.id.as_str())
        .collect();
    assert!(
        unreachable.is_empty(),
        "no route from 3e to {unreachable:?}"
    );
}

#[test]
fn compiled_search_index_equals_the_one_built_from_the_content() {
    let compiled = boussole::search::Index::bundled();
    assert!(!compiled.is_empty(), "the compiled index decodes");
    let built = boussole::search::Index::new(&bundled());
    assert_eq!(compiled.entries(), built.entries());
    assert_eq!(compiled.vocab(), built.vocab());
}

#[test]
fn official_codes_regional_facts_and_domain_coverage() {
    let c = content::load_bundled().expect("bundled").content;
    // RNCP codes on at least 95 % of the formations that are certifications
    // (the baccalauréats, the doctors' diplomas, the generic engineering and
    // DN MADE entries have no single fiche).
    let certifications: Vec<_> = c
        .formations
        .iter()
        .filter(|f| !matches!(f.kind.as_str(), "Bac général" | "Bac technologique"))
        .filter(|f| {
            !f.id.starts_with("de-docteur") && f.id != "diplome-ingenieur" && f.id != "dn-made"
        })
        .collect();
    let with_rncp = certifications.iter().filter(|f| !f.rncp.is_empty()).count();
    assert!(
        with_rncp * 100 >= certifications.len() * 95,
        "{with_rncp} of {} certifications have an RNCP code",
        certifications.len()
    );
    // At least 320 rich fiches, every domain at least 15.
    assert!(c.metiers.len() >= 320, "{}", c.metiers.len());
    for d in &c.domaines {
        let n = c.metiers.iter().filter(|m| m.domaine == d.lettre).count();
        assert!(n >= 15, "domain {}: {n} fiches", d.lettre);
    }
    // A regional fact, with its year, on at least 60 % of the fiches.
    let has_year = |t: &str| {
        t.as_bytes()
            .windows(4)
            .any(|w| w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2'))
    };
    let dated = c
        .metiers
        .iter()
        .filter(|m| m.normandie.as_deref().is_some_and(has_year))
        .count();
    assert!(
        dated * 100 >= c.metiers.len() * 60,
        "{dated} of {} fiches have a dated regional fact",
        c.metiers.len()
    );
}

/// No masculine generic: a fiche that names the job by its masculine title in
/// its summary or conditions names the feminine one too ("Le plombier ou la
/// plombière…", "l'auxiliaire ambulancier ou ambulancière…").
#[test]
fn fiches_name_both_titles_where_they_name_one() {
    let c = bundled();
    let mut bad = Vec::new();
    for m in &c.metiers {
        let (masc, fem) = (
            m.titre.masculin.to_lowercase(),
            m.titre.feminin.to_lowercase(),
        );
        if masc == fem {
            continue;
        }
        let fem_last = fem.split_whitespace().last().unwrap_or(&fem).to_string();
        for (champ, texte) in [("resume", &m.resume), ("conditions", &m.conditions)] {
            let t = texte.to_lowercase();
            for (i, _) in t.match_indices(&masc) {
                let after = &t[i + masc.len()..];
                // The title as a word, or its plural: not "horlogerie".
                let mut next = after.chars();
                let word = match next.next() {
                    Some('s' | 'x') => !next.next().is_some_and(char::is_alphabetic),
                    Some(ch) => !ch.is_alphabetic(),
                    None => true,
                };
                // A diploma's official name keeps its own wording.
                let diplome = t[..i].ends_with("diplôme d'état d'");
                if word && !diplome && !t.contains(&fem) && !after.contains(&fem_last) {
                    bad.push(format!("{} ({champ}): « {} » sans « {} »", m.id, masc, fem));
                }
            }
        }
    }
    assert!(bad.is_empty(), "masculine generics:\n{}", bad.join("\n"));
}
