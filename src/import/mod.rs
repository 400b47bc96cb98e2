//! Imports of training offers published by others, turned into overlays.

pub mod lheo;
mod reader;
