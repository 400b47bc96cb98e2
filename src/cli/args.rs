//! The command line as clap reads it: options, commands and their values.

use std::path::PathBuf;

use boussole::tui::ThemeName;
use clap::{Parser, Subcommand, ValueEnum};

use super::VERSION;

/// Boussole : un guide des métiers, des formations et de l'apprentissage en Normandie.
#[derive(Debug, Parser)]
#[command(name = "boussole", version = VERSION, about, long_about = None)]
pub struct Cli {
    /// Dossier de contenu à utiliser à la place du contenu intégré
    /// (même organisation que content/).
    #[arg(long, global = true, env = "BOUSSOLE_CONTENT", value_name = "DOSSIER")]
    pub(super) content: Option<PathBuf>,

    /// Surcouche : un dossier organisé comme content/ dont les fichiers
    /// ajoutent, remplacent (même identifiant) ou retirent (retirer = [...])
    /// des fiches. Répétable, appliquées dans l'ordre, après celles de
    /// config.toml (surcouches = [...]).
    #[arg(long = "overlay", global = true, value_name = "DOSSIER")]
    pub(super) overlays: Vec<PathBuf>,

    /// Thème : defaut, contraste (vidéoprojecteur) ou mono (sans couleur ;
    /// choisi d'office quand NO_COLOR est défini).
    #[arg(long, global = true, value_enum)]
    pub(super) theme: Option<ThemeName>,

    /// Fichier de configuration (par défaut : config.toml dans le dossier de
    /// configuration de l'utilisateur).
    #[arg(long, global = true, value_name = "FICHIER")]
    pub(super) config: Option<PathBuf>,

    /// Active la souris (clic et molette). Désactivée par défaut : elle
    /// empêche le copier-coller du terminal.
    #[arg(long)]
    pub(super) mouse: bool,

    /// Mode texte linéaire (lecteur d'écran, plage braille) : questions
    /// numérotées, sans dessin ni couleur. Choisi d'office quand TERM=dumb.
    #[arg(long)]
    pub(super) plain: bool,

    /// Dessine avec des caractères ASCII seulement (vieux terminaux) ; choisi
    /// d'office quand la langue du système n'est pas en UTF-8.
    #[arg(long, global = true)]
    pub(super) ascii: bool,

    /// Mode borne (SSH, salle partagée) : rien n'est écrit, q efface tout et
    /// revient à l'accueil, Ctrl-C demande confirmation, remise à zéro après
    /// une période sans activité.
    #[arg(long)]
    pub(super) kiosk: bool,

    /// Secondes sans activité avant l'effacement (mode borne), 300 par
    /// défaut. 0 : jamais.
    #[arg(long, value_name = "SECONDES")]
    pub(super) idle_timeout: Option<u64>,

    /// Mode borne : terminer la session au lieu de revenir à l'accueil quand
    /// le délai d'inactivité est écoulé.
    #[arg(long)]
    pub(super) idle_exit: bool,

    #[command(subcommand)]
    pub(super) command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub(super) enum Command {
    /// Vérifie le contenu et liste tous les problèmes (fichier:ligne:colonne).
    Check,
    /// Cherche un métier, une fiche ROME ou une formation (accents et majuscules ignorés).
    Search {
        /// Ce que l'on cherche, par exemple « electricien ».
        query: Vec<String>,
        /// Nombre maximum de résultats.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Résultats en JSON : [{kind, id, label, score}].
        #[arg(long)]
        json: bool,
    },
    /// Affiche un métier (identifiant ou code ROME) ou une formation.
    Show {
        /// Identifiant : electricien, H2913, cap-cuisine…
        id: String,
    },
    /// Le questionnaire d'intérêts, question par question sur l'entrée standard.
    Quiz {
        /// Mode texte simple (le seul disponible en ligne de commande).
        #[arg(long)]
        plain: bool,
        /// Questionnaire rapide (une trentaine d'activités).
        #[arg(long)]
        quick: bool,
        /// Situation de départ (3e, bac-pro…) : seuls les métiers accessibles depuis elle.
        #[arg(long, value_name = "ID")]
        situation: Option<String>,
        /// Résultat en JSON sur la sortie standard ; les questions vont sur la sortie d'erreur.
        #[arg(long)]
        json: bool,
    },
    /// Les parcours de formation d'une situation vers un métier.
    Parcours {
        /// Situation de départ : 3e, cap, bac-pro, adulte-salarie…
        #[arg(long)]
        from: String,
        /// Identifiant du métier.
        #[arg(long)]
        to: String,
        /// Âge de la personne (sinon l'âge habituel de la situation) : il
        /// décide si l'apprentissage est possible.
        #[arg(long, value_name = "ANS", value_parser = clap::value_parser!(u8).range(10..=99))]
        age: Option<u8>,
        /// Adultes : aussi les parcours de plus de 4 ans.
        #[arg(long)]
        tous: bool,
        /// Résultat en JSON.
        #[arg(long)]
        json: bool,
    },
    /// Exporte tout le contenu (json), ou le résumé d'une session enregistrée
    /// (md, html) avec --session.
    Export {
        /// Format de sortie.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Session enregistrée à résumer (formats md et html).
        #[arg(long, value_name = "FICHIER")]
        session: Option<PathBuf>,
    },
    /// Importe une offre de formation publiée par d'autres (LHEO : Carif-Oref,
    /// Onisep…) en surcouche : établissements et formations que Boussole
    /// connaît, un fichier par département, et un rapport d'import.
    Import {
        /// Format du fichier (lheo : format national d'échange, versions 2.2 et 2.3).
        #[arg(value_enum)]
        format: ImportFormat,
        /// Le fichier à importer.
        fichier: PathBuf,
        /// Dossier de la surcouche à écrire (remplacé en entier s'il existe).
        #[arg(long, value_name = "DOSSIER")]
        out: PathBuf,
        /// Garder aussi les lieux hors de Normandie.
        #[arg(long)]
        tous_departements: bool,
    },
    /// Les métiers proches d'un métier que l'on fait aujourd'hui (fiche
    /// détaillée ou code ROME), ce qui peut servir et le parcours le plus
    /// court pour un adulte.
    Proches {
        /// Identifiant du métier actuel ou code ROME : aide-soignant, J1501…
        id: String,
        /// Résultat en JSON.
        #[arg(long)]
        json: bool,
    },
    /// Les métiers qui recrutent en Normandie, par famille, avec les chiffres
    /// publiés (enquête BMO de France Travail).
    Recrute {
        /// Résultat en JSON.
        #[arg(long)]
        json: bool,
    },
    /// Écrit le script de complétion pour un shell (bash, zsh, fish…).
    Completions { shell: clap_complete::Shell },
    /// Écrit la page de manuel (format roff) sur la sortie standard.
    Man,
    /// Écrit les schémas JSON des fichiers de contenu (pour les éditeurs).
    Schema {
        /// Dossier où écrire les fichiers (par exemple content/schema).
        #[arg(long, value_name = "DOSSIER")]
        write: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum ImportFormat {
    /// LHEO 2.2 ou 2.3 (XML).
    Lheo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum ExportFormat {
    /// Tout le contenu chargé, en JSON.
    Json,
    /// Résumé d'une session, en Markdown.
    Md,
    /// Résumé d'une session, en page HTML à imprimer.
    Html,
}
