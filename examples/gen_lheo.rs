//! A synthetic LHEO 2.3 file of about `MB` megabytes, for measuring
//! `boussole import lheo` (see BENCHMARKS.md and bench/lheo.sh).
//!
//! ```sh
//! cargo run --release --example gen_lheo -- 200 /tmp/offre-200.xml
//! ```
//!
//! Formations cycle through the bundled formations' titles (some given by
//! RNCP code, some by title only, one in eight unknown); each has three
//! actions in places spread over Normandy and beyond, with the long escaped
//! HTML texts real files carry. Deterministic: same arguments, same bytes.

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: gen_lheo MEGABYTES OUTPUT.xml";
    let mb: u64 = args.next().and_then(|a| a.parse().ok()).expect(usage);
    let path = args.next().expect(usage);
    let content = boussole::content::load_bundled()
        .expect("bundled content")
        .content;
    let file = std::fs::File::create(&path).expect("create the output file");
    let mut out = std::io::BufWriter::new(file);
    let deps = ["14", "27", "50", "61", "76", "35", "72"];
    let villes = [
        "CAEN",
        "ÉVREUX",
        "SAINT-LÔ",
        "ALENÇON",
        "ROUEN",
        "RENNES",
        "LE MANS",
    ];
    let blabla = "&lt;p&gt;Une formation pour apprendre un métier, avec des périodes en entreprise et des cours en centre.&lt;/p&gt;".repeat(8);
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lheo xmlns=\"http://www.lheo.org/2.3\">\n<offres>").expect("write");
    let target = mb * 1024 * 1024;
    let mut written: u64 = 0;
    let mut n: usize = 0;
    let mut actions = 0usize;
    while written < target {
        let f = &content.formations[n % content.formations.len()];
        let mut s = String::with_capacity(4096);
        let titre = if n % 8 == 7 {
            format!("Formation synthétique numéro {n}")
        } else {
            f.intitule.clone()
        };
        s.push_str(&format!(
            "<formation numero=\"F{n}\">\n<intitule-formation>{}</intitule-formation>\n<objectif-formation>{blabla}</objectif-formation>\n",
            titre.replace('&', "&amp;").replace('<', "&lt;")
        ));
        if n.is_multiple_of(2)
            && let Some(r) = f.rncp.first()
        {
            s.push_str(&format!(
                "<certification><code-RNCP>{}</code-RNCP></certification>\n",
                r.trim_start_matches("RNCP")
            ));
        }
        for a in 0..3 {
            let d = (n * 3 + a) % deps.len();
            let place = (n * 7 + a * 13) % 400;
            s.push_str(&format!(
                "<action numero=\"A{n}-{a}\">\n<rythme-formation>Temps plein</rythme-formation>\n<modalites-alternance>{}</modalites-alternance>\n<lieu-de-formation><coordonnees><ligne>Centre de formation {place}</ligne><adresse><codepostal>{}000</codepostal><ville>{}</ville><departement>{}</departement></adresse></coordonnees></lieu-de-formation>\n<session><periode><debut>20260901</debut><fin>20270630</fin></periode></session>\n<extras info=\"type-formation\"><extra info=\"formation-continue\">1</extra></extras>\n</action>\n",
                if a == 1 { "Contrat d'apprentissage" } else { "-" },
                deps[d],
                villes[d],
                deps[d]
            ));
            actions += 1;
        }
        s.push_str(&format!(
            "<organisme-formation-responsable><nom-organisme>Organisme {}</nom-organisme></organisme-formation-responsable>\n</formation>\n",
            n % 400
        ));
        out.write_all(s.as_bytes()).expect("write");
        written += s.len() as u64;
        n += 1;
    }
    writeln!(out, "</offres>\n</lheo>").expect("write");
    out.flush().expect("write");
    eprintln!(
        "{path}: {n} formations, {actions} actions, {} Mio",
        written / (1024 * 1024)
    );
}
