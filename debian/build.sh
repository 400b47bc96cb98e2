#!/usr/bin/env bash
# Builds Boussole's Debian package: the release binary, then its man page and
# shell completions (written by that binary into target/paquet/, where
# [package.metadata.deb] in Cargo.toml takes them), then `cargo deb`.
# Needs cargo-deb (`cargo install cargo-deb --locked`). Prints the .deb's path.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --locked >&2
bin=${CARGO_TARGET_DIR:-target}/release/boussole
assets=target/paquet
rm -rf "$assets"
mkdir -p "$assets/completions"
"$bin" man > "$assets/boussole.1"
"$bin" completions bash > "$assets/completions/boussole"
"$bin" completions zsh > "$assets/completions/_boussole"
"$bin" completions fish > "$assets/completions/boussole.fish"
# cargo-deb gzips the man page and the changelog (Debian policy).
cargo deb --no-build --locked
