//! Boussole's content model, shared by the program and its build script
//! (which compiles the bundled TOML into postcard): the record types
//! ([`model`]), the one table of content files ([`files`]), how a content
//! directory is listed ([`tree`]), and the search index built from the
//! content ([`index`]).

pub mod files;
pub mod index;
pub mod model;
pub mod tree;
