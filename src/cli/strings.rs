//! Every text of the plain modes, in one place: the dialogue (`--plain`) and
//! the plain commands (`show`, `search`, `parcours`, `quiz`). Where the
//! terminal guide says the same thing, the text is its own
//! (`boussole::tui::strings`): one wording for both. The domain's wording
//! (levels, routes, reasons…) is `boussole::present`'s.

pub use boussole::tui::strings::{
    ACCUEIL_INTRO, APP_SUBTITLE, APP_TITLE, CONTACT_POUR, CONTACT_TEL, CONTACT_WEB, CONTACTS_INTRO,
    ETABLISSEMENT_COMMUNE, ETABLISSEMENT_SITE, ETABLISSEMENT_TELEPHONE, ETABLISSEMENT_TYPE,
    ETABLISSEMENT_UAI, FICHE_NIVEAU, FICHE_SOURCES, FILTRE_DOMAINE, FORMATION_ACCES,
    FORMATION_DUREE, FORMATION_LIEUX, FORMATION_POURSUITES, FORMATION_VOIES, MENU_CONTACTS,
    MENU_EXPLORER, MENU_RECHERCHE, MENU_RESULTATS, NON, PROFIL_CODE, RESULTATS_TITRE,
};

pub const MENU_PRINCIPAL: &str = "Menu principal.";
pub const MENU_QUIZ_RAPIDE: &str = "Découvrir mes centres d'intérêt, questionnaire rapide";
pub const MENU_QUIZ_COMPLET: &str = "Découvrir mes centres d'intérêt, questionnaire complet";
pub const MENU_APPRENTISSAGE: &str = "L'apprentissage : les règles et le salaire";
pub const MENU_SITUATION: &str = "Changer ma situation";
pub const MENU_FAVORIS: &str = "Mes favoris";
pub const MENU_EXPORTER: &str = "Exporter mon résumé (Markdown et page HTML à imprimer)";
pub const AJOUTER_FAVORI: &str = "Garder ce métier dans mes favoris";
pub const RETIRER_FAVORI: &str = "Retirer ce métier de mes favoris";
pub const FAVORI_AJOUTE: &str = "Ajouté à tes favoris.";
pub const FAVORI_RETIRE: &str = "Retiré de tes favoris.";
pub const FAVORIS_VIDE_CLI: &str = "Aucun favori pour l'instant. Sur la fiche d'un métier, choisis « Garder ce métier dans mes favoris ».";

pub fn favoris_titre(n: usize) -> String {
    format!("Mes favoris ({n}) :")
}
pub const QUITTER: &str = "0. Quitter";
pub const REVENIR: &str = "0. Revenir";
pub const REVENIR_MENU: &str = "0. Revenir au menu principal";
pub const REVENIR_DOMAINES: &str = "0. Revenir aux domaines";
pub const NOUVELLE_RECHERCHE: &str = "0. Nouvelle recherche";
pub const NE_RIEN_CHANGER: &str = "0. Ne rien changer";
pub const AU_REVOIR: &str = "Au revoir. Tes réponses n'ont pas été enregistrées.";

pub const AUCUN_METIER: &str = "Aucun métier accessible depuis ta situation dans Boussole. Parles-en à quelqu'un (menu principal).";
pub const METIERS_A_DECOUVRIR: &str = "Métiers à découvrir, du plus proche au moins proche :";
pub const POURQUOI: &str = "Pourquoi";
pub const LIRE_FICHE: &str = "Tape le numéro d'un métier pour lire sa fiche.";
pub const PAS_POUR_MOI: &str =
    "Tape 100 plus son numéro (par exemple 101) pour dire « Pas pour moi » : il sort de la liste.";
pub const REJETE: &str = "C'est noté : ce métier sort de ta liste.";
pub const PAS_DANS_LA_LISTE: &str = "Ce numéro n'est pas dans la liste.";
pub const AUCUN_PARCOURS: &str =
    "  aucun trouvé dans Boussole. Parles-en à un conseiller ou une conseillère.";
pub const FORMATIONS_DU_METIER: &str =
    "Formations de ce métier : tape un numéro pour en savoir plus.";
pub const DOMAINES: &str = "Les domaines de métiers :";
pub const EN_NORMANDIE: &str = "En Normandie";
pub const QUE_CHERCHES_TU: &str = "Que cherches-tu ? (un mot ; rien pour revenir) : ";
pub const APPRENTISSAGE: &str = "L'apprentissage.";
pub const QUESTION: &str = "Question";
pub const REPONSE: &str = "Réponse";
pub const CALCUL_SALAIRE: &str = "Calcul du salaire minimum.";
pub const TON_AGE: &str = "Ton âge (un nombre, rien pour revenir) : ";
pub const ANNEE_CONTRAT: &str = "Année de contrat (1, 2 ou 3) : ";
pub const EMPLOYEUR_PEUT_PAYER_PLUS: &str = "L'employeur peut payer plus.";
pub const PAS_DE_MONTANT: &str = "Pas de montant pour cet âge ou cette année : l'apprentissage commence à 15 ans après la 3e, ou à 16 ans.";
pub const QUELLE_SITUATION: &str = "Quelle est ta situation ?";

/// "Ton choix (un nombre de 0 à 7) : "
pub fn ton_choix(max: usize) -> String {
    format!("Ton choix (un nombre de 0 à {max}) : ")
}

pub fn pas_compris(max: usize) -> String {
    format!("Je n'ai pas compris. Tape seulement un nombre de 0 à {max}, puis Entrée.")
}

/// "Ta situation : Je suis en 3e."
pub fn ta_situation(libelle: &str) -> String {
    format!("Ta situation : {libelle}.")
}

/// "Parcours depuis ta situation (Je suis en 3e) :"
pub fn parcours_depuis(libelle: &str) -> String {
    format!("Parcours depuis ta situation ({libelle}) :")
}

pub fn fiches_du_domaine(detaillees: usize, courtes: usize) -> String {
    format!(
        "{detaillees} fiches détaillées ; {courtes} autres métiers de ce domaine ont une fiche courte (cherche-les avec Rechercher)."
    )
}

pub fn rien_ne_correspond(q: &str) -> String {
    format!("Rien ne correspond à « {q} ». Essaie un mot plus court, ou explore un domaine.")
}

/// "texte (source : …)"
pub fn avec_source(texte: &str, source: &str) -> String {
    format!("{texte} (source : {source})")
}

// The plain commands.

/// What a search hit is, in `boussole search`.
pub const SORTE_METIER: &str = "métier";
pub const SORTE_FORMATION: &str = "formation";
pub const SORTE_ROME: &str = "fiche ROME";
pub const SORTE_ETABLISSEMENT: &str = "établissement";
pub const SORTE_DISPOSITIF: &str = "financement";
pub const TYPE: &str = "Type";
pub const VOIES_MIN: &str = "voies";
pub const MENE_AUX_METIERS: &str = "Mène aux métiers";
pub const PAS_DE_FICHE_DETAILLEE: &str =
    "Pas encore de fiche détaillée pour ce métier dans Boussole.";
pub const FORMATIONS_CONNUES: &str = "Formations connues de Boussole :";
pub const PAS_DE_LIEU: &str = "Où se former en Normandie : pas de lieu connu dans Boussole ; demandez au 0800 050 000 (appel gratuit).";
pub const ACTIVITES: &str = "Activités";
pub const QUALITES: &str = "Qualités";
pub const CONDITIONS: &str = "Conditions";
pub const LIBELLE_APPRENTISSAGE: &str = "Apprentissage";
pub const APPRENTISSAGE_OUI: &str = "oui, ce métier s'apprend aussi en apprentissage";
pub const FORMATIONS: &str = "Formations";
pub const PARCOURS_DEPUIS_3E: &str = "Parcours depuis la 3e";
pub const AUCUN_PARCOURS_CLI: &str = "Aucun parcours trouvé dans Boussole depuis cette situation. Parlez-en à un conseiller ou une conseillère.";
pub const FIN_DES_REPONSES: &str =
    "Fin des réponses avant la fin du questionnaire : rien n'est calculé.";
pub const REPONDS_DE_0_A_4: &str = "Réponds de 0 à 4, ou n si tu ne sais pas.";
/// The same, to an adult.
pub const NOTEZ_DE_0_A_4: &str = "Notez chaque activité de 0 à 4, ou n sans avis.";
pub const QUIZ_TOUCHES_CLI: &str =
    "r : revenir à la question précédente. q : arrêter le questionnaire.";
pub const QUIZ_PREMIERE_CLI: &str = "C'est la première question.";
pub const QUIZ_ARRETE_CLI: &str = "Questionnaire arrêté. Tes réponses ne sont pas gardées.";
pub const PROFIL_PLAT_CLI: &str =
    "Ton profil est peu différencié : tes goûts sont proches d'un thème à l'autre.";
pub const PROFIL_PLAT_SUITE_CLI: &str = "Les métiers sont classés d'après tes thèmes les plus forts. Tu peux aussi explorer par domaine.";
pub const TON_PROFIL: &str = "Ton profil";
pub const INCONNU_PAS_DE_REPONSE: &str = "inconnu (pas de réponse)";

pub fn aucun_resultat(query: &str) -> String {
    format!("Aucun résultat pour « {query} ». Essayez un autre mot, ou explorez un domaine.")
}

/// "Plombier (fiche courte ROME F1603)"
pub fn fiche_courte(libelle: &str, code: &str) -> String {
    format!("{libelle} (fiche courte ROME {code})")
}

pub fn identifiant_inconnu(id: &str) -> String {
    format!(
        "Aucun métier, aucune formation, aucun établissement ni fiche ROME n'a l'identifiant « {id} ». Essayez : boussole search {id}"
    )
}

pub fn situation_inconnue(id: &str, possibles: &[&str]) -> String {
    format!(
        "Situation inconnue « {id} ». Situations possibles : {}",
        possibles.join(", ")
    )
}

pub fn metier_inconnu(id: &str) -> String {
    format!("Métier inconnu « {id} ». Cherchez son identifiant : boussole search {id}")
}

pub fn reponse_non_comprise(ne_sait_pas: &str) -> String {
    format!(
        "Réponse non comprise : tape un chiffre de 0 à 4, n pour « {ne_sait_pas} », r pour revenir, q pour arrêter."
    )
}
