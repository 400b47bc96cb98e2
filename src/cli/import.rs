//! `boussole import lheo FILE --out DIR`: an LHEO file becomes an overlay
//! folder. Nothing is written unless the whole file was read; the folder is
//! replaced as a whole (written beside, then renamed).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use boussole::content::{Content, Etablissement, departement_label};
use boussole::import::lheo::{self, Cle, Import, Options, Rapport};
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// One establishments file of the overlay.
#[derive(Serialize)]
struct Fichier<'a> {
    sources: Vec<String>,
    etablissement: &'a [Etablissement],
}

/// Imports `file` into the overlay folder `out`. Returns the report's summary.
pub fn lheo(
    file: &Path,
    out: &Path,
    tous_departements: bool,
    content: &Content,
) -> anyhow::Result<String> {
    let meta = std::fs::metadata(file)
        .with_context(|| format!("{} : fichier introuvable", file.display()))?;
    if !meta.is_file() {
        bail!("{} : ce n'est pas un fichier", file.display());
    }
    let input = std::fs::File::open(file)
        .with_context(|| format!("{} : lecture impossible", file.display()))?;
    let nom_fichier = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let options = Options {
        tous_departements,
        nom_fichier: nom_fichier.clone(),
    };
    let import = lheo::import(
        std::io::BufReader::with_capacity(1 << 16, input),
        content,
        &options,
    )
    .map_err(|e| anyhow::anyhow!("{}:{e}\nRien n'a été écrit.", file.display()))?;
    let files = render(&import, &nom_fichier)?;
    write_atomically(out, &files)?;
    Ok(summary(&import.rapport, out))
}

/// The overlay's files: (path relative to the folder, text).
fn render(import: &Import, nom_fichier: &str) -> anyhow::Result<Vec<(PathBuf, String)>> {
    let mut files = Vec::new();
    for (dep, etabs) in &import.etablissements {
        let etabs: Vec<Etablissement> = etabs.iter().map(nfc).collect();
        let body = toml::to_string(&Fichier {
            sources: vec![format!("Import LHEO du fichier « {nom_fichier} »")],
            etablissement: &etabs,
        })
        .context("écriture du TOML")?;
        let text = format!(
            "#:schema ../schema/etablissements.json\n# {} : établissements importés de l'offre LHEO « {nom_fichier} » par boussole import lheo.\n{body}",
            departement_label(dep)
        );
        files.push((
            PathBuf::from(format!("etablissements/{dep}-lheo.toml")),
            text,
        ));
    }
    files.push((
        PathBuf::from("rapport-import.md"),
        report(&import.rapport, nom_fichier),
    ));
    Ok(files)
}

fn nfc(e: &Etablissement) -> Etablissement {
    let mut e = e.clone();
    e.nom = e.nom.nfc().collect();
    e.commune = e.commune.nfc().collect();
    e
}

fn cle_label(c: Cle) -> &'static str {
    match c {
        Cle::Rncp => "par code RNCP",
        Cle::Cfd => "par code diplôme (CFD)",
        Cle::Intitule => "par l'intitulé",
    }
}

/// The report written beside the overlay.
fn report(r: &Rapport, nom_fichier: &str) -> String {
    let matched: usize = r.par_cle.values().sum();
    let mut out = format!("# Import LHEO : « {nom_fichier} »\n\n");
    let _ = writeln!(out, "- Formations lues : {}", r.formations);
    let _ = writeln!(out, "- Actions lues : {}", r.actions);
    let _ = writeln!(out, "- Actions importées : {matched}");
    for (cle, n) in &r.par_cle {
        let _ = writeln!(out, "  - {} : {n}", cle_label(*cle));
    }
    let _ = writeln!(
        out,
        "- Hors Normandie, non importées : {}",
        r.hors_normandie
    );
    let _ = writeln!(
        out,
        "- Voie que la formation n'a pas dans Boussole, non importées : {}",
        r.voie_absente
    );
    let _ = writeln!(
        out,
        "- Doublons fusionnés (même formation, même lieu) : {}",
        r.doublons
    );
    let unmatched: usize = r.sans_correspondance.values().sum();
    let _ = writeln!(
        out,
        "- Actions sans formation correspondante dans Boussole : {unmatched}"
    );
    if !r.sans_correspondance.is_empty() {
        let _ = writeln!(
            out,
            "\n## Sans correspondance\n\n| certification | intitulé | actions |\n|---|---|---|"
        );
        let mut list: Vec<_> = r.sans_correspondance.iter().collect();
        list.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        for ((code, titre), n) in list {
            let _ = writeln!(out, "| {code} | {} | {n} |", titre.replace('|', "/"));
        }
    }
    out
}

fn summary(r: &Rapport, out: &Path) -> String {
    let matched: usize = r.par_cle.values().sum();
    let unmatched: usize = r.sans_correspondance.values().sum();
    format!(
        "{} actions lues, {matched} importées, {unmatched} sans correspondance, {} hors Normandie, {} doublons fusionnés.\nSurcouche écrite dans {} (rapport : rapport-import.md). Utilisez-la : boussole --overlay {}",
        r.actions,
        r.hors_normandie,
        r.doublons,
        out.display(),
        out.display()
    )
}

/// Writes the files into a new folder beside `out`, then puts it in place of
/// `out` (which is replaced whole, never left half written).
fn write_atomically(out: &Path, files: &[(PathBuf, String)]) -> anyhow::Result<()> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .context("--out : nommez un dossier")?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if out.exists() && !out.is_dir() {
        bail!(
            "{} existe et n'est pas un dossier : rien n'a été écrit",
            out.display()
        );
    }
    let pid = std::process::id();
    let tmp = parent.join(format!(".{name}.import-{pid}"));
    let old = parent.join(format!(".{name}.ancien-{pid}"));
    let result = (|| -> anyhow::Result<()> {
        std::fs::create_dir(&tmp)
            .with_context(|| format!("{} : création impossible", tmp.display()))?;
        for (rel, text) in files {
            let path = tmp.join(rel);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("{} : création impossible", dir.display()))?;
            }
            let mut f = std::fs::File::create(&path)
                .with_context(|| format!("{} : écriture impossible", path.display()))?;
            f.write_all(text.as_bytes())
                .and_then(|()| f.sync_all())
                .with_context(|| format!("{} : écriture impossible", path.display()))?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e.context("rien n'a été remplacé"));
    }
    let had_old = out.exists();
    if had_old {
        std::fs::rename(out, &old)
            .with_context(|| format!("{} : remplacement impossible", out.display()))?;
    }
    if let Err(e) = std::fs::rename(&tmp, out) {
        if had_old {
            let _ = std::fs::rename(&old, out);
        }
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(
            anyhow::Error::from(e).context(format!("{} : remplacement impossible", out.display()))
        );
    }
    if had_old {
        let _ = std::fs::remove_dir_all(&old);
    }
    Ok(())
}
