//! Every text of the plain dialogue (`--plain`), in one place. Where the
//! terminal guide says the same thing, the text is its own
//! (`boussole::tui::strings`): one wording for both.

pub use boussole::tui::strings::{
    ACCUEIL_INTRO, APP_SUBTITLE, APP_TITLE, CONTACT_POUR, CONTACT_TEL, CONTACT_WEB, CONTACTS_INTRO,
    MENU_CONTACTS, MENU_EXPLORER, MENU_RECHERCHE, MENU_RESULTATS,
};

pub const MENU_PRINCIPAL: &str = "Menu principal.";
pub const MENU_QUIZ_RAPIDE: &str = "Découvrir mes centres d'intérêt, questionnaire rapide";
pub const MENU_QUIZ_COMPLET: &str = "Découvrir mes centres d'intérêt, questionnaire complet";
pub const MENU_APPRENTISSAGE: &str = "L'apprentissage : les règles et le salaire";
pub const MENU_SITUATION: &str = "Changer ma situation";
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
