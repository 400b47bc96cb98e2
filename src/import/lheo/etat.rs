//! What the reader has seen so far: the formation and action being read,
//! the places found, the report; each element opened or closed updates it.

use std::collections::{BTreeMap, HashMap};

use super::*;

/// An establishment being built, and its place in the output.
struct EnCours {
    etab: Etablissement,
}

pub(super) struct State<'c> {
    content: &'c Content,
    options: &'c Options,
    rncp: HashMap<String, usize>,
    cfd: HashMap<String, usize>,
    titres: HashMap<String, usize>,
    formation: Option<FormationLue>,
    action: Option<Action>,
    lieu: Option<Lieu>,
    /// Establishments by identity key, in order of appearance.
    cles: HashMap<String, usize>,
    ids: HashMap<String, usize>,
    etabs: Vec<EnCours>,
    rapport: Rapport,
    /// The `info` attribute of the `<extra>` being read.
    extra_info: String,
}

impl<'c> State<'c> {
    pub(super) fn new(content: &'c Content, options: &'c Options) -> Self {
        let mut rncp = HashMap::new();
        let mut cfd = HashMap::new();
        let mut titres = HashMap::new();
        for (i, f) in content.formations.iter().enumerate() {
            for r in &f.rncp {
                rncp.insert(r.trim_start_matches("RNCP").to_string(), i);
            }
            for c in &f.cfd {
                cfd.insert(c.to_ascii_uppercase(), i);
            }
            titres.insert(titre_normalise(&f.intitule), i);
        }
        State {
            content,
            options,
            rncp,
            cfd,
            titres,
            formation: None,
            action: None,
            lieu: None,
            cles: HashMap::new(),
            ids: HashMap::new(),
            etabs: Vec::new(),
            rapport: Rapport::default(),
            extra_info: String::new(),
        }
    }

    pub(super) fn open(&mut self, path: &[String], name: &str, info: String, pos: (usize, usize)) {
        let parent = path.last().map(String::as_str);
        if name == "extra" {
            self.extra_info = fold(&info).text;
        }
        match (parent, name) {
            (Some("offres"), "formation") => {
                self.rapport.formations += 1;
                self.formation = Some(FormationLue::default());
            }
            (Some("formation"), "action") if self.formation.is_some() => {
                self.action = Some(Action {
                    start: pos,
                    ..Action::default()
                });
            }
            (Some("action"), "lieu-de-formation") if self.action.is_some() => {
                self.lieu = Some(Lieu::default());
            }
            _ => {}
        }
    }

    pub(super) fn close(&mut self, path: &[String], value: &str) -> Result<(), Erreur> {
        let Some(name) = path.last().map(String::as_str) else {
            return Ok(());
        };
        let inside = |n: &str| path.iter().any(|p| p == n);
        if inside("lieu-de-formation")
            && let Some(lieu) = self.lieu.as_mut()
        {
            match name {
                // The first line right under <coordonnees> is the place's name.
                "ligne"
                    if path.len() >= 2
                        && path[path.len() - 2] == "coordonnees"
                        && lieu.nom.is_empty() =>
                {
                    lieu.nom = value.to_string()
                }
                "ville" => lieu.ville = value.to_string(),
                "codepostal" => lieu.codepostal = value.to_string(),
                "departement" => lieu.departement = value.to_string(),
                "code-UAI" | "code-UAI-lieu-formation" => lieu.uai = value.to_string(),
                "lieu-de-formation" => {
                    if let (Some(a), Some(l)) = (self.action.as_mut(), self.lieu.take())
                        && a.lieu.is_none()
                    {
                        a.lieu = Some(l);
                    }
                }
                _ => {}
            }
            return Ok(());
        }
        if inside("action")
            && let Some(a) = self.action.as_mut()
        {
            let folded = fold(value).text;
            match name {
                "type-alternance" if value == "0" || value == "1" => a.apprentissage = true,
                "modalites-alternance" if folded.contains("apprentissage") => {
                    a.apprentissage = true
                }
                "extra" => {
                    // ONISEP's extras: formation-initiale, formation-continue, apprentissage.
                    let on = value == "1";
                    if on && self.extra_info.contains("apprentissage") {
                        a.apprentissage = true;
                    } else if on && self.extra_info.contains("initiale") {
                        a.initiale = true;
                    } else if on && self.extra_info.contains("continue") {
                        a.continue_ = true;
                    }
                }
                "urlweb" if inside("url-action") => a.site = value.to_string(),
                "code-UAI-lieu-formation" => {
                    if let Some(l) = a.lieu.as_mut() {
                        l.uai = value.to_string();
                    }
                }
                "action" => {
                    let action = self.action.take().unwrap_or_default();
                    if action.lieu.is_none() {
                        return Err(Erreur {
                            ligne: action.start.0,
                            colonne: action.start.1,
                            message: "cette <action> n'a pas de <lieu-de-formation> : on ne sait pas où elle a lieu".to_string(),
                        });
                    }
                    if let Some(f) = self.formation.as_mut() {
                        f.actions.push(action);
                    }
                }
                _ => {}
            }
            return Ok(());
        }
        if let Some(f) = self.formation.as_mut() {
            match name {
                "intitule-formation" => f.intitule = value.to_string(),
                "code-RNCP" => f.rncp.push(value.trim_start_matches("RNCP").to_string()),
                "code-CERTIFINFO" => f.certifinfo = value.to_string(),
                "extra"
                    if self.extra_info.contains("cfd")
                        || self.extra_info.contains("code-diplome") =>
                {
                    f.cfd = value.to_ascii_uppercase()
                }
                "nom-organisme" if inside("organisme-formation-responsable") => {
                    f.organisme = value.to_string()
                }
                "raison-sociale"
                    if inside("organisme-formation-responsable")
                        && f.organisme.is_empty()
                        && value != "-" =>
                {
                    f.organisme = value.to_string()
                }
                "numtel" if inside("organisme-formation-responsable") && f.telephone.is_empty() => {
                    f.telephone = value.to_string()
                }
                "urlweb" if inside("organisme-formation-responsable") && f.site.is_empty() => {
                    f.site = value.to_string()
                }
                "formation" => {
                    if let Some(f) = self.formation.take() {
                        self.finish_formation(f);
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Matches a formation's actions and records their places.
    fn finish_formation(&mut self, f: FormationLue) {
        self.rapport.actions += f.actions.len();
        let found = f
            .rncp
            .iter()
            .find_map(|r| self.rncp.get(r.as_str()).map(|&i| (i, Cle::Rncp)))
            .or_else(|| {
                (!f.cfd.is_empty())
                    .then(|| self.cfd.get(&f.cfd).map(|&i| (i, Cle::Cfd)))
                    .flatten()
            })
            .or_else(|| {
                self.titres
                    .get(&titre_normalise(&f.intitule))
                    .map(|&i| (i, Cle::Intitule))
            });
        let Some((index, cle)) = found else {
            let code = f
                .rncp
                .first()
                .map(|r| format!("RNCP{r}"))
                .or_else(|| {
                    (!f.certifinfo.is_empty()).then(|| format!("CERTIFINFO {}", f.certifinfo))
                })
                .unwrap_or_else(|| "sans code".to_string());
            *self
                .rapport
                .sans_correspondance
                .entry((code, f.intitule.clone()))
                .or_default() += f.actions.len();
            return;
        };
        let formation = &self.content.formations[index];
        for a in &f.actions {
            let Some(lieu) = &a.lieu else { continue };
            let dep = departement(lieu);
            let normandie = DEPARTEMENTS.iter().any(|(c, _)| *c == dep);
            if !normandie && !self.options.tous_departements {
                self.rapport.hors_normandie += 1;
                continue;
            }
            let mut voies: Vec<Voie> = Vec::new();
            if a.apprentissage {
                voies.push(Voie::Apprentissage);
            }
            if a.initiale && !a.apprentissage {
                voies.push(Voie::Scolaire);
            }
            if a.continue_ || voies.is_empty() {
                voies.push(Voie::Continue);
            }
            voies.retain(|v| formation.has_voie(*v));
            if voies.is_empty() {
                self.rapport.voie_absente += 1;
                continue;
            }
            *self.rapport.par_cle.entry(cle).or_default() += 1;
            let nom = if lieu.nom.is_empty() {
                f.organisme.clone()
            } else {
                lieu.nom.clone()
            };
            let commune = commune(&lieu.ville);
            let key = if lieu.uai.is_empty() {
                format!("{}|{}", fold(&nom).text, fold(&commune).text)
            } else {
                lieu.uai.to_ascii_uppercase()
            };
            let i = match self.cles.get(&key) {
                Some(&i) => i,
                None => {
                    let i = self.etabs.len();
                    let etab = self.new_etab(&nom, &commune, &dep, lieu, &f, a);
                    self.etabs.push(EnCours { etab });
                    self.cles.insert(key, i);
                    i
                }
            };
            let etab = &mut self.etabs[i].etab;
            match etab.offre.iter_mut().find(|o| o.formation == formation.id) {
                Some(o) => {
                    self.rapport.doublons += 1;
                    for v in voies {
                        if !o.voies.contains(&v) {
                            o.voies.push(v);
                        }
                    }
                    o.voies.sort();
                }
                None => {
                    voies.sort();
                    etab.offre.push(Offre {
                        formation: formation.id.clone(),
                        voies,
                    })
                }
            }
        }
    }

    fn new_etab(
        &mut self,
        nom: &str,
        commune: &str,
        dep: &str,
        lieu: &Lieu,
        f: &FormationLue,
        a: &Action,
    ) -> Etablissement {
        let uai = lieu.uai.to_ascii_uppercase();
        let uai = crate::content::is_uai(&uai).then_some(uai);
        // A place the content already has (same UAI) keeps its id and offer:
        // the import adds to it.
        if let Some(known) = uai.as_ref().and_then(|u| {
            self.content
                .etablissements
                .iter()
                .find(|e| e.uai.as_deref() == Some(u.as_str()))
        }) {
            let mut e = known.clone();
            e.sources.push(self.source(f));
            self.ids.insert(e.id.clone(), 1);
            return e;
        }
        let base = format!("lheo-{}-{}", slug(nom), slug(commune));
        let n = self.ids.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        let site = [&a.site, &f.site]
            .into_iter()
            .find(|s| s.starts_with("https://") || s.starts_with("http://"))
            .cloned();
        let telephone = Some(f.telephone.trim().to_string()).filter(|t| {
            !t.is_empty()
                && t.chars()
                    .all(|c| c.is_ascii_digit() || c == ' ' || c == '+')
        });
        Etablissement {
            id,
            nom: nom.to_string(),
            kind: type_du_nom(nom),
            commune: commune.to_string(),
            departement: dep.to_string(),
            uai,
            site,
            telephone,
            offre: Vec::new(),
            sources: vec![self.source(f)],
        }
    }

    fn source(&self, f: &FormationLue) -> String {
        if f.organisme.is_empty() {
            format!("Import LHEO du fichier « {} »", self.options.nom_fichier)
        } else {
            format!(
                "Import LHEO du fichier « {} » (organisme responsable : {})",
                self.options.nom_fichier, f.organisme
            )
        }
    }

    pub(super) fn finish(self) -> Import {
        let mut etablissements: BTreeMap<String, Vec<Etablissement>> = BTreeMap::new();
        for e in self.etabs {
            etablissements
                .entry(e.etab.departement.clone())
                .or_default()
                .push(e.etab);
        }
        Import {
            etablissements,
            rapport: self.rapport,
        }
    }
}
