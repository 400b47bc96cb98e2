//! Boussole: a guide to métiers, formations and apprenticeship in Normandy.
//!
//! The library is pure: it loads and checks content, and (in later modules)
//! scores the questionnaire, matches métiers, finds pathways and searches.
//! It does no terminal I/O.

pub mod content;
