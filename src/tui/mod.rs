//! The terminal guide's model, messages, `update` and views.
//!
//! Everything here is pure: `update` changes the model from a message, views
//! draw the model into a ratatui `Frame` (a buffer). Reading the terminal and
//! writing to it is the binary's job (`src/cli/terminal.rs`), so all of this is
//! tested with ratatui's `TestBackend`.

pub mod app;
pub mod keys;
pub mod layout;
pub mod model;
pub mod msg;
pub mod screens;
pub mod strings;
pub mod theme;
pub mod view;
pub mod widgets;
pub mod wrap;

pub use app::{App, update};
pub use msg::{Msg, from_event};
pub use theme::{Palette, ThemeName};
pub use view::{draw, view};
