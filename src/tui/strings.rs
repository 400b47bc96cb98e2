//! Every text the terminal guide shows, in one place. The wording of the
//! domain (levels, durations, routes, reasons, dates) is `crate::present`'s,
//! shared with the plain mode and the export; it is re-exported here.

pub use crate::present::{
    PARCOURS_APPRENTISSAGE, PARCOURS_VAE, RAISON_FILTRES, RAISON_ITEMS, RAISON_PROFIL,
    RAISON_THEMES, date_fr, duree_etape, duree_mois, euros, niveau, niveau_min, niveau_vise,
    ressemblance, salaire, voie,
};

pub const APP_TITLE: &str = "Boussole";
pub const APP_SUBTITLE: &str = "métiers, formations et apprentissage en Normandie";
pub const ACCUEIL_INTRO: &str = "Ce n'est pas un test : une façon d'explorer.";
pub const ACCUEIL_SITUATION: &str = "Ma situation";
pub const ACCUEIL_SITUATION_AIDE: &str = "pour changer";
pub const ACCUEIL_DEPARTEMENT: &str = "Ton département";
pub const ACCUEIL_DEPARTEMENT_AUCUN: &str = "pas choisi";
pub const ACCUEIL_DEPARTEMENT_AIDE: &str = "pour changer";
pub const MENU_QUIZ: &str = "Découvrir mes centres d'intérêt";
pub const MENU_EXPLORER: &str = "Explorer les métiers par domaine";
pub const MENU_RECHERCHE: &str = "Rechercher un métier ou une formation";
pub const MENU_APPRENTISSAGE: &str = "L'apprentissage";
pub const MENU_CONTACTS: &str = "Parler à quelqu'un";
pub const MENU_LIEUX: &str = "Où se former en Normandie";
pub const LIEUX_TITRE: &str = "Où se former en Normandie";
pub const LIEUX_DEPARTEMENTS: &str = "Départements";
pub const LIEUX_ETABLISSEMENTS: &str = "Établissements";
pub const LIEUX_AIDE: &str =
    "Lycées, CFA, IUT, écoles : choisis un établissement pour voir ce qu'on y apprend.";
pub const LIEUX_VIDE: &str =
    "Pas encore d'établissement connu ici dans Boussole : demande au 0800 050 000 (appel gratuit).";
pub const MENU_RESULTATS: &str = "Revoir mes résultats";
pub const MENU_ENREGISTRER: &str = "Enregistrer mes réponses sur cet ordinateur";
pub const MENU_EFFACER: &str = "Effacer mes données enregistrées";
pub const EXPORT_TITRE: &str = "Exporter mon résumé";
pub const EXPORT_QUESTION: &str =
    "Enregistrer le résumé (Markdown et HTML à imprimer) dans ce dossier ?";
pub const EFFACER_QUESTION: &str = "Effacer tout ce que Boussole a enregistré sur cet ordinateur ?";
pub const ACCUEIL_REGION: &str = "Information formation, Région Normandie : 0800 050 000 (gratuit)";

pub const CHOIX_FORME_TITRE: &str = "Quel questionnaire ?";
pub const CHOIX_RAPIDE: &str = "Rapide : environ 5 minutes";
pub const CHOIX_COMPLET: &str = "Complet : environ 10 minutes, plus précis";

pub const QUIZ_TITRE_RAPIDE: &str = "Questionnaire rapide";
pub const QUIZ_TITRE_COMPLET: &str = "Questionnaire complet";
pub const QUIZ_CONSIGNE: &str = "Est-ce que tu aimerais faire cette activité ?";
pub const QUIZ_VIDE: &str = "Le questionnaire est vide dans ce contenu.";
pub const QUIZ_TA_REPONSE: &str = "  (ta réponse)";

pub const PROFIL_TITRE: &str = "Mon profil";
pub const PROFIL_CODE: &str = "Ton code";
pub const PROFIL_INCONNU: &str = "inconnu";
pub const PROFIL_PLAT: &str =
    "Ton profil est peu différencié : tu aimes à peu près autant chaque type d'activité.";
pub const PROFIL_PLAT_SUITE: &str = "Les métiers proposés suivent tes thèmes les plus forts. Tu peux aussi explorer par domaine, faire le questionnaire complet ou en parler à quelqu'un.";
pub const PROFIL_SUITE: &str = "Entrée : voir les métiers qui te ressemblent";
pub const PROFIL_EXPLORATION: &str = "Ce profil aide à explorer. Il ne décide pas à ta place.";

pub const RESULTATS_TITRE: &str = "Métiers à découvrir";
pub const RESULTATS_FILTRES: &str = "Filtres";
pub const RESULTATS_POURQUOI: &str = "Pourquoi ce métier ?";
pub const RESULTATS_AUCUN: &str = "Aucun métier ne passe ces filtres. Essaie d'en retirer un.";
pub const RESULTATS_PLAT: &str =
    "Profil peu différencié : classement d'après tes thèmes les plus forts.";
pub const FILTRE_NIVEAU: &str = "Niveau visé";
pub const FILTRE_APPRENTISSAGE: &str = "Apprentissage seulement";
pub const FILTRE_DOMAINE: &str = "Domaine";
pub const FILTRE_DEPARTEMENT: &str = "Département";
pub const FILTRE_RECRUTE: &str = "Recrute en Normandie";
pub const FILTRE_TOUS: &str = "tous";
pub const FILTRE_SANS_LIEUX: &str = "tous (lieux pas encore renseignés)";
pub const OUI: &str = "oui";
pub const NON: &str = "non";
pub const MARQUE_FAVORI: &str = "*";
pub const MARQUE_COMPARE: &str = "=";

pub const TAB_METIER: &str = "Le métier";
pub const FICHE_METIER_TITRE: &str = "Fiche métier";
pub const FICHE_FORMATION_TITRE: &str = "Fiche formation";
pub const FICHE_ROME_TITRE: &str = "Fiche courte";
pub const TAB_FORMATIONS: &str = "Formations";
pub const TAB_PARCOURS: &str = "Parcours";
pub const TAB_NORMANDIE: &str = "En Normandie";
pub const TAB_POURQUOI: &str = "Pourquoi moi";
pub const FICHE_ACTIVITES: &str = "Ce qu'on fait";
pub const FICHE_QUALITES: &str = "Qualités utiles";
pub const FICHE_CONDITIONS: &str = "Conditions de travail";
pub const FICHE_NIVEAU: &str = "Pour commencer";
pub const FICHE_APPRENTISSAGE_OUI: &str = "Accessible en apprentissage";
pub const FICHE_APPRENTISSAGE_NON: &str = "Pas d'accès direct par l'apprentissage dans Boussole";
pub const FICHE_SOURCES: &str = "Sources";
pub const FICHE_ROME: &str = "Code ROME";
pub const FICHE_NORMANDIE_VIDE: &str =
    "Pas d'information régionale vérifiée pour ce métier. Le domaine en Normandie :";
pub const FICHE_NORMANDIE_RIEN: &str = "Pas encore d'information régionale vérifiée.";
pub const FICHE_POURQUOI_VIDE: &str =
    "Fais le questionnaire pour savoir ce qui te rapproche de ce métier.";
pub const PARCOURS_DEPUIS: &str = "Depuis";
pub const PARCOURS_CHANGER: &str = "s : changer de situation";
pub const PARCOURS_AUCUN: &str = "Aucun parcours trouvé depuis cette situation dans Boussole. Parles-en à un conseiller ou une conseillère.";
pub const FICHE_COURTE: &str = "fiche courte";
pub const FICHE_COURTE_TEXTE: &str = "Boussole n'a pas encore de fiche détaillée pour ce métier. Voici son intitulé officiel dans le répertoire des métiers (ROME).";
pub const FICHE_COURTE_PROCHES: &str = "Fiches détaillées proches";

pub const FORMATION_NIVEAU: &str = "Niveau";
pub const FORMATION_DUREE: &str = "Durée habituelle";
pub const FORMATION_VOIES: &str = "Voies";
pub const FORMATION_ACCES: &str = "On y entre";
pub const FORMATION_POURSUITES: &str = "Et après";
pub const FORMATION_METIERS: &str = "Métiers";
pub const FORMATION_LIEUX: &str = "Où se former en Normandie";
pub const FORMATION_SANS_LIEU: &str =
    "Pas de lieu connu en Normandie dans Boussole : demandez au 0800 050 000 (appel gratuit).";
pub const FICHE_ETABLISSEMENT_TITRE: &str = "Fiche établissement";
pub const ETABLISSEMENT_TYPE: &str = "Type";
pub const ETABLISSEMENT_COMMUNE: &str = "Commune";
pub const ETABLISSEMENT_UAI: &str = "Code UAI";
pub const ETABLISSEMENT_SITE: &str = "Site";
pub const ETABLISSEMENT_TELEPHONE: &str = "Téléphone";
pub const ETABLISSEMENT_ENSEIGNE: &str = "Ce qu'on y apprend";
pub const KIND_ETABLISSEMENT: &str = "Établissements";
pub const NORMANDIE_LIEUX: &str = "Où se former";

pub const EXPLORER_TITRE: &str = "Explorer les métiers";
pub const EXPLORER_DOMAINES: &str = "Domaines";
pub const EXPLORER_METIERS: &str = "Métiers";

pub const RECHERCHE_TITRE: &str = "Rechercher";
pub const RECHERCHE_INVITE: &str = "Tape un métier, une formation, un mot : ";
pub const RECHERCHE_VIDE: &str = "Tape quelques lettres : accents et majuscules ne comptent pas.";
pub const RECHERCHE_RIEN: &str = "Rien ne correspond. Essaie un mot plus court, ou explore un domaine (touche 2 depuis l'accueil).";
pub const KIND_METIER: &str = "Métiers";
pub const KIND_FORMATION: &str = "Formations";
pub const KIND_ROME: &str = "Fiches courtes (ROME)";

pub const APPRENTISSAGE_TITRE: &str = "L'apprentissage";
pub const SIMULATEUR_TITRE: &str = "Combien gagne un apprenti ou une apprentie ?";
pub const SIMULATEUR_AGE: &str = "Âge";
pub const SIMULATEUR_ANNEE: &str = "Année de contrat";
pub const REGLES_TITRE: &str = "Les règles";
pub const QUESTIONS_TITRE: &str = "Questions fréquentes";

pub const CONTACTS_TITRE: &str = "Parler à quelqu'un";
pub const CONTACTS_INTRO: &str = "Des personnes peuvent t'aider, gratuitement.";
pub const CONTACTS_INTRO_ADULTE: &str =
    "Des personnes peuvent vous aider, gratuitement. D'abord celles qui vous concernent.";
pub const CONTACTS_AUTRES: &str = "Autres contacts";
pub const MENU_FINANCEMENT: &str = "Financer ma formation";
pub const RECHERCHE_METIER_ACTUEL: &str =
    "Mon métier actuel : taper le métier exercé aujourd'hui, puis Entrée";
pub const ACTION_CHOISIR_METIER_ACTUEL: &str = "mon métier actuel : les métiers proches";
pub const PROCHES_TITRE: &str = "Métiers proches de mon métier actuel";
pub const PROCHES_DEPUIS: &str = "Mon métier actuel";
pub const PROCHES_AIDE: &str = "Ce qui se rapproche de ce métier, ce qui peut servir, et le parcours le plus court pour un adulte (la VAE d'abord).";
pub const PROCHES_AUCUN: &str = "Pas de métier proche trouvé dans Boussole.";
pub const ACTION_METIER_ACTUEL: &str = "c'est mon métier actuel : voir les métiers proches";
pub const TOUCHE_M: &str = "m";
pub const MENU_FAVORIS: &str = "Mes favoris";
pub const FAVORIS_TITRE: &str = "Mes favoris";
pub const FAVORIS_AIDE: &str =
    "Les métiers que tu gardes. Entrée : la fiche. c : comparer. f : retirer.";
pub const FAVORIS_VIDE: &str = "Aucun favori pour l'instant. Sur une fiche métier ou dans tes résultats, f garde un métier ici. Dans les listes, * marque un favori et = un métier comparé.";
pub const FAVORIS_COMPARE: &str = "  = comparé";
pub const ACTION_FAVORI_MARQUE: &str = "favori *";
pub const ACTION_COMPARER_MARQUE: &str = "comparer =";
pub const TOUCHE_F_MAJ: &str = "F";
pub const ACTION_RETIRER_FAVORI: &str = "retirer";
pub const MENU_RECRUTE: &str = "Les métiers qui recrutent en Normandie";
pub const RECRUTE_TITRE: &str = "Les métiers qui recrutent en Normandie";
pub const RECRUTE_FAMILLES: &str = "Familles de métiers";
pub const RECRUTE_VIDE: &str = "Pas encore de chiffres de recrutement dans ce contenu.";
pub const KIND_DISPOSITIF: &str = "Financer sa formation";
pub const FINANCEMENT_TITRE: &str = "Financer ma formation";
pub const FINANCEMENT_INTRO: &str = "Qui paie la formation, et comment commencer. Chaque information a sa source et sa date : vérifiez-la auprès du service concerné.";
pub const FINANCEMENT_POUR_QUI: &str = "Pour qui";
pub const FINANCEMENT_QUOI: &str = "Ce que c'est";
pub const FINANCEMENT_COMMENCER: &str = "Comment commencer";
pub const FINANCEMENT_SOURCE: &str = "Source";
pub const FINANCEMENT_VIDE: &str = "Pas encore d'information sur le financement dans ce contenu : appelez le 0800 050 000 (appel gratuit).";
pub const CONTACT_POUR: &str = "Pour";
pub const CONTACT_TEL: &str = "Téléphone";
pub const CONTACT_WEB: &str = "Site";

pub const COMPARER_TITRE: &str = "Comparer";
pub const COMPARER_VIDE: &str =
    "Ajoute des métiers avec la touche c dans les résultats ou sur une fiche (3 au plus).";
pub const COMPARER_NIVEAU: &str = "Niveau pour commencer";
pub const COMPARER_ETUDES: &str = "Formations";
pub const COMPARER_APPRENTISSAGE: &str = "Apprentissage";
pub const COMPARER_CONDITIONS: &str = "Conditions";
pub const COMPARER_PROFIL: &str = "Proche de mon profil";
pub const COMPARER_SANS_PROFIL: &str = "questionnaire pas fait";
pub const COMPARER_AUCUNE: &str = "non renseignées";
pub const COMPARER_LIEUX_NORMANDIE: &str = "Lieux de formation en Normandie";

pub fn comparer_lieux_dans(departement: &str) -> String {
    format!("Lieux de formation (département : {departement})")
}

pub const AIDE_TITRE: &str = "Aide : les touches";
pub const AIDE_FERMER: &str = "Échap ou ? pour fermer";
pub const TROP_PETIT: &str = "Fenêtre trop petite";
pub const TROP_PETIT_AIDE: &str = "Agrandis la fenêtre à au moins 80 × 24.";

pub const CONFIRM_TITRE: &str = "Confirmer";
pub const CONFIRM_FIN: &str = "Terminer la session ? Tout ce que tu as saisi sera effacé.";
pub const INACTIF_TITRE: &str = "Tu es toujours là ?";
pub const INACTIF_AIDE: &str = "Appuie sur une touche pour continuer.";
pub const CONFIRM_QUITTER: &str =
    "Quitter Boussole ? Tes réponses, tes favoris et ta comparaison non enregistrés seront perdus.";
pub const MSG_QUIZ_GARDE: &str =
    "Tes réponses sont gardées. À l'accueil, 1 reprend le questionnaire.";
pub const CHOIX_PROFIL_REMPLACE: &str = "Ton profil actuel sera remplacé à la fin.";

pub fn reprendre_quiz(done: usize, total: usize) -> String {
    format!("Reprendre le questionnaire ({done}/{total})")
}
pub const CONFIRM_TOUT_EFFACER: &str = "Tout effacer et revenir à l'accueil ?";
pub const CONFIRM_OUI_NON: &str = "o : oui    n ou Échap : non";

pub const MSG_FAVORI_AJOUTE: &str = "Ajouté à tes favoris.";
pub const MSG_FAVORI_RETIRE: &str = "Retiré de tes favoris.";
pub const MSG_COMPARE_AJOUTE: &str = "Ajouté à la comparaison (v pour voir).";
pub const MSG_COMPARE_RETIRE: &str = "Retiré de la comparaison.";
pub const MSG_COMPARE_PLEIN: &str = "La comparaison a déjà 3 métiers : retires-en un (touche c).";
pub const MSG_REPRIS: &str = "Tes réponses enregistrées ont été reprises.";
pub const MSG_EFFACE: &str = "Tout ce qui était enregistré a été effacé.";
pub const MSG_RIEN_ECRIT: &str = "Ici, Boussole n'écrit rien.";
pub const MSG_REJETE: &str = "Mis de côté : la liste se complète.";

// Keys, as the bottom bar and the help write them (the tables that bind
// them are in each screen, see `keys`).
pub const TOUCHE_ENTREE: &str = "Entrée";
pub const TOUCHE_ECHAP: &str = "Échap";
pub const TOUCHE_TAB: &str = "Tab";
pub const TOUCHE_HAUT_BAS: &str = "↑↓";
pub const TOUCHE_GAUCHE: &str = "←";
pub const TOUCHE_GAUCHE_DROITE: &str = "← →";
pub const TOUCHE_PAGE_SUIVANTE: &str = "PgSuiv";
pub const TOUCHE_MENU: &str = "1-9";
pub const TOUCHE_NOTES: &str = "0-4";
pub const TOUCHE_LETTRES: &str = "lettres";
pub const TOUCHE_SLASH: &str = "/";
pub const TOUCHE_AIDE: &str = "?";
pub const TOUCHE_AIDE_F1: &str = "? ou F1";
pub const TOUCHE_Q: &str = "q";
pub const TOUCHE_P: &str = "p";
pub const TOUCHE_D: &str = "d";
pub const TOUCHE_N: &str = "n";
pub const TOUCHE_X: &str = "x";
pub const TOUCHE_F: &str = "f";
pub const TOUCHE_C: &str = "c";
pub const TOUCHE_E: &str = "e";
pub const TOUCHE_V: &str = "v";
pub const TOUCHE_CTRL_C: &str = "Ctrl+C";
pub const TOUCHE_HJKL: &str = "h j k l";
pub const TOUCHE_TABS: &str = "Tab / Maj+Tab";
pub const TOUCHE_PAGES: &str = "PgPréc / PgSuiv";
pub const ACTION_DEFILER_DESCRIPTION: &str = "faire défiler la description";
pub const TOUCHE_BOUTS: &str = "Début / Fin";
pub const TOUCHE_DROITE: &str = "→";
pub const TOUCHE_S: &str = "s";
pub const TOUCHE_T: &str = "t";
pub const TOUCHE_ONGLETS: &str = "1-5";
pub const TOUCHE_RETOUR_ARRIERE: &str = "Retour arrière";
pub const TOUCHE_CTRL_U: &str = "Ctrl+U";
// The arrows, written in words when drawing in ASCII.
pub const TOUCHE_ASCII_HAUT_BAS: &str = "Haut/Bas";
pub const TOUCHE_ASCII_GAUCHE_DROITE: &str = "Gauche/Droite";
pub const TOUCHE_ASCII_GAUCHE: &str = "Gauche";
pub const TOUCHE_ASCII_DROITE: &str = "Droite";

// What keys do, in the bottom bar.
pub const ACTION_CHOISIR: &str = "choisir";
pub const ACTION_SE_DEPLACER: &str = "se déplacer";
pub const ACTION_OUVRIR: &str = "ouvrir";
pub const ACTION_CHERCHER: &str = "chercher";
pub const ACTION_AIDE: &str = "aide";
pub const ACTION_QUITTER: &str = "quitter";
pub const ACTION_TOUT_EFFACER: &str = "tout effacer";
pub const ACTION_TERMINER: &str = "terminer";
pub const ACTION_REPONDRE: &str = "répondre";
pub const ACTION_NE_SAIT_PAS: &str = "je ne sais pas";
pub const ACTION_PRECEDENTE: &str = "précédente";
pub const ACTION_ARRETER: &str = "arrêter";
pub const ACTION_VOIR_METIERS: &str = "voir les métiers";
pub const ACTION_RETOUR: &str = "retour";
pub const ACTION_FICHE: &str = "fiche";
pub const ACTION_PAS_POUR_MOI: &str = "pas pour moi";
pub const ACTION_FAVORI: &str = "favori";
pub const ACTION_COMPARER: &str = "comparer";
pub const ACTION_EXPORTER: &str = "exporter";
pub const ACTION_COMPARAISON: &str = "comparaison";
pub const ACTION_FILTRES: &str = "filtres";
pub const ACTION_ONGLETS: &str = "onglets";
pub const ACTION_PARLER: &str = "parler";
pub const ACTION_DEPARTEMENT: &str = "département";
pub const ACTION_CHANGER_COLONNE: &str = "changer de colonne";
pub const ACTION_CHANGER: &str = "changer";
pub const ACTION_LIRE_SUITE: &str = "lire la suite";
pub const ACTION_DEFILER: &str = "faire défiler";
pub const ACTION_RETIRER: &str = "retirer";
// What other keys do, in the help only.
pub const ACTION_CHANGER_SITUATION: &str = "changer de situation";
pub const ACTION_VALIDER: &str = "valider la réponse choisie";
pub const ACTION_CHOISIR_REPONSE: &str = "choisir une réponse";
pub const ACTION_SUIVANTE: &str = "suivante (si déjà répondue)";
pub const ACTION_CHANGER_FILTRE: &str = "changer le filtre choisi";
pub const ACTION_ALLER_ONGLET: &str = "aller à un onglet";
pub const ACTION_SITUATION_PARCOURS: &str = "changer de situation (onglet Parcours)";
pub const ACTION_TOUS_PARCOURS: &str =
    "adultes : voir aussi les parcours de plus de 4 ans (onglet Parcours)";
pub const PARCOURS_FINANCER: &str =
    "Qui paie la formation, et comment commencer : Accueil, « Financer ma formation » (4).";
pub const PARCOURS_ADULTES: &str = "La VAE d'abord, puis les parcours pour adultes ; pas plus de 4 ans (t : voir tous les parcours).";
pub const PARCOURS_TOUS: &str =
    "Tous les parcours, même les plus longs (t : revenir aux parcours pour adultes).";
pub const ACTION_VOIR_COMPARAISON: &str = "voir la comparaison";
pub const ACTION_DEFILER_CHOISIR: &str = "faire défiler, ou choisir une formation";
pub const ACTION_EFFACER_LETTRE: &str = "effacer une lettre";

// Lines of the help for the keys of every screen.
pub const AIDE_CHERCHER: &str = "rechercher, depuis n'importe quel écran";
pub const AIDE_HJKL: &str = "comme les flèches (sauf dans la recherche)";
pub const AIDE_RETOUR: &str = "revenir à l'écran précédent";
pub const AIDE_AIDE: &str = "cette aide";
pub const AIDE_ZONES: &str = "passer d'une zone à l'autre";
pub const AIDE_PAGES: &str = "page précédente / suivante";
pub const AIDE_BOUTS: &str = "premier / dernier élément";
pub const AIDE_QUITTER: &str =
    "quitter (demande confirmation s'il reste un travail non enregistré)";
pub const AIDE_INTERROMPRE: &str = "quitter tout de suite";
pub const AIDE_TOUT_EFFACER: &str = "tout effacer et revenir à l'accueil";
pub const AIDE_TERMINER: &str = "terminer la session (demande confirmation)";

/// "Parcours 1 : 3 ans en tout"
pub fn parcours_titre(n: usize, r: &crate::parcours::Route<'_>) -> String {
    format!("Parcours {n} : {}", crate::present::duree_parcours(r))
}

/// "Activité 3 / 30"
pub fn quiz_progression(pos: usize, total: usize) -> String {
    format!("Activité {pos} / {total}")
}

pub fn age(a: u8) -> String {
    format!("{a} ans")
}

pub fn annee(n: u8) -> String {
    if n == 1 {
        "1re année".to_string()
    } else {
        format!("{n}e année")
    }
}

/// The file name first: on a narrow screen the folder is what gets cut.
pub fn export_fait(path: &std::path::Path) -> String {
    let stem = path
        .file_stem()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let dir = path
        .parent()
        .map_or(String::new(), |d| d.display().to_string());
    format!("Résumé enregistré : {stem}.md et .html, dans {dir}")
}

pub fn enregistre(path: &str) -> String {
    format!("Réponses enregistrées dans {path}")
}

pub fn echec(e: &str) -> String {
    format!("Impossible d'écrire : {e}")
}

/// A damaged or too-new save was moved aside (`why` says which).
pub fn mis_de_cote(why: &str, moved_to: &str) -> String {
    format!("Enregistrement {why}, mis de côté ({moved_to}) : on repart de zéro.")
}

pub const ENREGISTREMENT_ABIME: &str = "illisible";
pub const ENREGISTREMENT_RECENT: &str = "d'une version plus récente";

/// "Tes réponses seront effacées dans 30 s."
pub fn inactif(secs: u16) -> String {
    format!("Sans activité, tout sera effacé dans {secs} s.")
}

pub fn trop_petit(w: u16, h: u16) -> String {
    format!("Taille actuelle : {w} × {h}")
}
