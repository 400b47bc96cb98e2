//! The search index's entries and vocabulary, built from the content: at
//! build time for the bundled content, at run time for another directory.

pub mod entries;
pub mod fold;
pub mod vocab;
