//! Où se former: the places that teach a set of formations, grouped by
//! département, the person's département first. Shared by the guide, the
//! plain mode, the command line and the export.

use crate::content::{Content, DEPARTEMENTS, Etablissement, Formation, Offre, Voie};

/// One place that teaches one formation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lieu<'a> {
    pub etablissement: &'a Etablissement,
    pub formation: &'a Formation,
    pub offre: &'a Offre,
}

impl Lieu<'_> {
    /// Whether this place teaches the formation by apprenticeship.
    pub fn apprentissage(&self) -> bool {
        self.offre.voies.contains(&Voie::Apprentissage)
    }
}

/// The places of one département.
#[derive(Debug, Clone, PartialEq)]
pub struct Groupe<'a> {
    /// Département code.
    pub departement: &'a str,
    pub lieux: Vec<Lieu<'a>>,
}

/// Where the formations `ids` are taught, grouped by département: the
/// person's département (`premier`) first, then Normandy's in order, then
/// the others. Within a département, by commune then name, then in the
/// order of `ids`.
pub fn par_departement<'a>(
    content: &'a Content,
    ids: &[&str],
    premier: Option<&str>,
) -> Vec<Groupe<'a>> {
    let mut lieux: Vec<(usize, Lieu<'a>)> = Vec::new();
    for (rank, id) in ids.iter().enumerate() {
        let Some(formation) = content.formation(id) else {
            continue;
        };
        for (etablissement, offre) in content.lieux(id) {
            lieux.push((
                rank,
                Lieu {
                    etablissement,
                    formation,
                    offre,
                },
            ));
        }
    }
    let order = |dep: &str| -> (u8, usize, String) {
        if Some(dep) == premier {
            (0, 0, String::new())
        } else if let Some(i) = DEPARTEMENTS.iter().position(|(c, _)| *c == dep) {
            (1, i, String::new())
        } else {
            (2, 0, dep.to_string())
        }
    };
    lieux.sort_by(|(ra, a), (rb, b)| {
        let (ea, eb) = (a.etablissement, b.etablissement);
        order(&ea.departement)
            .cmp(&order(&eb.departement))
            .then_with(|| ea.commune.cmp(&eb.commune))
            .then_with(|| ea.nom.cmp(&eb.nom))
            .then_with(|| ra.cmp(rb))
    });
    let mut groupes: Vec<Groupe<'a>> = Vec::new();
    for (_, lieu) in lieux {
        let dep = lieu.etablissement.departement.as_str();
        match groupes.last_mut() {
            Some(g) if g.departement == dep => g.lieux.push(lieu),
            _ => groupes.push(Groupe {
                departement: dep,
                lieux: vec![lieu],
            }),
        }
    }
    groupes
}

/// How many places teach one of a métier's formations: in `departement`
/// when one is given, else in all of Normandy.
pub fn nombre(
    content: &Content,
    metier: &crate::content::Metier,
    departement: Option<&str>,
) -> usize {
    let ids: Vec<&str> = metier.formations.iter().map(String::as_str).collect();
    par_departement(content, &ids, departement)
        .iter()
        .filter(|g| departement.is_none_or(|d| g.departement == d))
        .map(|g| g.lieux.len())
        .sum()
}

/// The formations Boussole knows that an establishment teaches, in the order
/// of its offer.
pub fn enseignements<'a>(
    content: &'a Content,
    etablissement: &'a Etablissement,
) -> impl Iterator<Item = (&'a Formation, &'a Offre)> {
    etablissement
        .offre
        .iter()
        .filter_map(|o| content.formation(&o.formation).map(|f| (f, o)))
}

/// Establishments of one département, by commune then name.
pub fn du_departement<'a>(content: &'a Content, departement: &str) -> Vec<&'a Etablissement> {
    let mut list: Vec<&Etablissement> = content
        .etablissements
        .iter()
        .filter(|e| e.departement == departement)
        .collect();
    list.sort_by(|a, b| a.commune.cmp(&b.commune).then_with(|| a.nom.cmp(&b.nom)));
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load_bundled;

    fn fixture() -> Content {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
        match crate::content::load_dir(&dir) {
            Ok(l) => l.content,
            Err(e) => panic!("fixture: {e}"),
        }
    }

    #[test]
    fn the_persons_departement_comes_first() {
        let c = fixture();
        let deps = |premier| {
            par_departement(&c, &["cap-elec", "bac-pro-melec"], premier)
                .iter()
                .map(|g| (g.departement, g.lieux.len()))
                .collect::<Vec<_>>()
        };
        assert_eq!(deps(None), [("27", 1), ("76", 2)]);
        assert_eq!(deps(Some("76")), [("76", 2), ("27", 1)]);
        let g = par_departement(&c, &["bac-pro-melec", "cap-elec"], Some("76"));
        let in_76: Vec<(&str, bool)> = g[0]
            .lieux
            .iter()
            .map(|l| (l.formation.id.as_str(), l.apprentissage()))
            .collect();
        assert_eq!(in_76, [("bac-pro-melec", false), ("cap-elec", true)]);
    }

    #[test]
    fn bundled_places_are_known_formations() {
        let c = match load_bundled() {
            Ok(l) => l.content,
            Err(e) => panic!("{e}"),
        };
        for e in &c.etablissements {
            assert_eq!(enseignements(&c, e).count(), e.offre.len(), "{}", e.id);
        }
    }
}
