//! `boussole recrute`: the métiers that recruit in Normandy, by family, with
//! the published figures (BMO), as text or JSON.

use std::io::Write;

use anyhow::Result;
use boussole::content::Content;
use boussole::present;
use serde_json::json;

/// Writes the list; false when the content has no recruitment survey.
pub fn run(out: &mut impl Write, content: &Content, as_json: bool) -> Result<bool> {
    let Some(r) = &content.recrutement else {
        writeln!(out, "{}", boussole::tui::strings::RECRUTE_VIDE)?;
        return Ok(false);
    };
    if as_json {
        let familles: Vec<_> = r
            .famille
            .iter()
            .map(|f| {
                json!({
                    "id": f.id,
                    "libelle": f.libelle,
                    "projets": f.projets,
                    "au_moins": f.au_moins,
                    "part": f.part,
                    "metiers": f.metiers.iter().filter(|m| content.metier(m).is_some()).collect::<Vec<_>>(),
                })
            })
            .collect();
        serde_json::to_writer(
            &mut *out,
            &json!({"enquete": r.enquete, "familles": familles}),
        )?;
        writeln!(out)?;
        return Ok(true);
    }
    writeln!(out, "{}", present::recrutement_enquete(&r.enquete))?;
    for f in &r.famille {
        writeln!(out)?;
        writeln!(out, "{}", present::recrutement_famille(f, &r.enquete))?;
        for m in f.metiers.iter().filter_map(|id| content.metier(id)) {
            writeln!(out, "  - {} ({})", m.titre.both(), m.id)?;
        }
    }
    Ok(true)
}
