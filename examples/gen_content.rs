//! Synthetic content for growth measurements: `N` times the bundled métiers,
//! formations, establishments and ROME fiches, written as a content directory (TOML, the
//! overlay format of `boussole --content DIR`).
//!
//! ```sh
//! cargo run --release --example gen_content -- 10 /tmp/boussole-10x
//! ```
//!
//! Copy 1 is the bundled content itself; copy k > 1 renames every id, title,
//! ROME code and formation (" v{k}" suffixes, fresh ROME numbers in the same
//! letter) and rewires its links inside the copy, so the graph of pathways is
//! N disjoint copies of the real one and every check still passes. The other
//! files (questionnaire, situations, domaines, apprentissage, contacts) are
//! copied as they are.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use boussole::content::{
    self, Contact, Content, Domaine, Etablissement, FicheRome, Formation, Metier, Situation,
};
use serde::Serialize;

#[derive(Serialize)]
struct Domaines<'a> {
    domaine: &'a [Domaine],
}
#[derive(Serialize)]
struct Rome<'a> {
    fiche: &'a [FicheRome],
}
#[derive(Serialize)]
struct Metiers<'a> {
    metier: &'a [Metier],
}
#[derive(Serialize)]
struct Formations<'a> {
    formation: &'a [Formation],
}
#[derive(Serialize)]
struct Situations<'a> {
    situation: &'a [Situation],
}
#[derive(Serialize)]
struct Etablissements<'a> {
    etablissement: &'a [Etablissement],
}
#[derive(Serialize)]
struct Contacts<'a> {
    contact: &'a [Contact],
}

/// Every content file names its sources.
#[derive(Serialize)]
struct File<'a, T: Serialize> {
    sources: [&'static str; 1],
    #[serde(flatten)]
    body: &'a T,
}

const SOURCE: &str = "Contenu synthétique : copies du contenu de Boussole (examples/gen_content.rs), pour mesurer la croissance des coûts";

fn write(path: &Path, body: &impl Serialize) -> u64 {
    let file = File {
        sources: [SOURCE],
        body,
    };
    let text = toml::to_string(&file).expect("content serialises to TOML");
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create the output directory");
    }
    std::fs::write(path, &text).expect("write a content file");
    text.len() as u64
}

/// A ROME code not yet used, in the same letter as `code`.
fn fresh_code(code: &str, used: &mut HashSet<String>, next: &mut HashMap<char, u32>) -> String {
    let letter = code.chars().next().unwrap_or('A');
    let n = next.entry(letter).or_insert(0);
    loop {
        assert!(*n < 10_000, "no ROME code left in letter {letter}");
        let candidate = format!("{letter}{:04}", *n);
        *n += 1;
        if used.insert(candidate.clone()) {
            return candidate;
        }
    }
}

fn generate(base: &Content, times: usize) -> Content {
    let mut out = base.clone();
    let mut used: HashSet<String> = base.rome.iter().map(|r| r.code.clone()).collect();
    let mut next = HashMap::new();
    for k in 2..=times {
        let suffix = format!(" v{k}");
        let id_suffix = format!("-v{k}");
        let mut codes = HashMap::new();
        for r in &base.rome {
            let code = fresh_code(&r.code, &mut used, &mut next);
            codes.insert(r.code.clone(), code.clone());
            out.rome.push(FicheRome {
                code,
                libelle: format!("{}{suffix}", r.libelle),
            });
        }
        let formation_ids: HashSet<&str> = base.formations.iter().map(|f| f.id.as_str()).collect();
        let rename = |id: &String| {
            if formation_ids.contains(id.as_str()) {
                format!("{id}{id_suffix}")
            } else {
                // A situation id: shared by every copy.
                id.clone()
            }
        };
        for f in &base.formations {
            let mut f = f.clone();
            f.id = format!("{}{id_suffix}", f.id);
            f.intitule = format!("{}{suffix}", f.intitule);
            f.acces = f.acces.iter().map(rename).collect();
            f.poursuites = f.poursuites.iter().map(rename).collect();
            out.formations.push(f);
        }
        for m in &base.metiers {
            let mut m = m.clone();
            m.id = format!("{}{id_suffix}", m.id);
            m.titre.masculin = format!("{}{suffix}", m.titre.masculin);
            m.titre.feminin = format!("{}{suffix}", m.titre.feminin);
            m.rome = m
                .rome
                .iter()
                .map(|c| codes.get(c).cloned().unwrap_or_else(|| c.clone()))
                .collect();
            m.formations = m.formations.iter().map(rename).collect();
            out.metiers.push(m);
        }
        for e in &base.etablissements {
            let mut e = e.clone();
            e.id = format!("{}{id_suffix}", e.id);
            e.nom = format!("{}{suffix}", e.nom);
            e.uai = None;
            for o in &mut e.offre {
                o.formation = rename(&o.formation);
            }
            out.etablissements.push(e);
        }
    }
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: gen_content TIMES OUTPUT_DIR";
    let times: usize = args
        .next()
        .and_then(|t| t.parse().ok())
        .filter(|t| *t >= 1)
        .expect(usage);
    let dir = PathBuf::from(args.next().expect(usage));
    let base = content::load_bundled().expect("bundled content").content;
    let c = generate(&base, times);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("clear the output directory");
    }
    let mut bytes = 0;
    bytes += write(
        &dir.join("domaines.toml"),
        &Domaines {
            domaine: &c.domaines,
        },
    );
    bytes += write(&dir.join("rome.toml"), &Rome { fiche: &c.rome });
    bytes += write(
        &dir.join("situations.toml"),
        &Situations {
            situation: &c.situations,
        },
    );
    bytes += write(&dir.join("questionnaire.toml"), &c.questionnaire);
    bytes += write(&dir.join("apprentissage.toml"), &c.apprentissage);
    bytes += write(
        &dir.join("contacts.toml"),
        &Contacts {
            contact: &c.contacts,
        },
    );
    // One file per copy, as a content team would split it.
    let per = base.metiers.len();
    for (k, chunk) in c.metiers.chunks(per).enumerate() {
        bytes += write(
            &dir.join(format!("metiers/copie-{}.toml", k + 1)),
            &Metiers { metier: chunk },
        );
    }
    let per = base.formations.len();
    for (k, chunk) in c.formations.chunks(per).enumerate() {
        bytes += write(
            &dir.join(format!("formations/copie-{}.toml", k + 1)),
            &Formations { formation: chunk },
        );
    }
    let per = base.etablissements.len().max(1);
    for (k, chunk) in c.etablissements.chunks(per).enumerate() {
        bytes += write(
            &dir.join(format!("etablissements/copie-{}.toml", k + 1)),
            &Etablissements {
                etablissement: chunk,
            },
        );
    }
    // The result must pass every check. Read here without the cap that
    // `--content` puts on a directory (8 MB): at 10× the TOML is bigger, and
    // it is compiled in by build.rs, which has no cap.
    let files: Vec<content::SourceFile> = content::tree::toml_files(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|(relative, path)| content::SourceFile {
            relative,
            shown: path.display().to_string(),
            bytes: std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        })
        .collect();
    let loaded =
        content::load(&files, &dir.display().to_string()).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "{}: {times}x = {} métiers, {} formations, {} fiches ROME, {} établissements ({} offres), {} KiB of TOML",
        dir.display(),
        loaded.content.metiers.len(),
        loaded.content.formations.len(),
        loaded.content.rome.len(),
        loaded.content.etablissements.len(),
        loaded
            .content
            .etablissements
            .iter()
            .map(|e| e.offre.len())
            .sum::<usize>(),
        bytes / 1024
    );
}
