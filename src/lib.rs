//! Boussole: a guide to métiers, formations and apprenticeship in Normandy.
//!
//! The library is pure: it loads and checks content (`content`), scores the
//! questionnaire (`quiz`), ranks métiers with reasons (`matching`), finds
//! routes through formations (`parcours`), tells where formations are taught
//! (`lieux`) and searches (`search`). It does no terminal I/O; `text` makes
//! strings safe to show on a terminal.

pub mod content;
pub mod export;
pub mod files;
pub mod import;
pub mod lieux;
pub mod matching;
pub mod parcours;
pub mod present;
pub mod quiz;
pub mod search;
pub mod session;
pub mod text;
pub mod tui;
