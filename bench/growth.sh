#!/usr/bin/env bash
# How costs grow with the content: synthetic overlays at 1x, 3x and 10x the
# bundled content (examples/gen_content.rs), then for each size the
# interactive figures (examples/pty_bench.rs, real binary in a pty), the
# in-process search and loading (criterion), and the whole-process search
# against fzf (bench/compare-search.sh).
#
#   bench/growth.sh              # overlays: TOML parsed at run time (--content DIR)
#   MODES="overlay compiled" bench/growth.sh
#                                # also: each size compiled into the binary
#                                # (BOUSSOLE_BUILD_CONTENT, own target dir)
#   SIZES="1 10" RUNS=10 MODES=compiled bench/growth.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-1 3 10}
MODES=${MODES:-overlay}
RUNS=${RUNS:-20}
OUT=${OUT:-${TMPDIR:-/tmp}/boussole-growth}
cargo build --release --locked --example gen_content --example pty_bench
cargo build --release --locked
mkdir -p "$OUT"

criterion() { # $1 = label; env passed through
  cargo bench --locked --bench boussole -- --warm-up-time 1 --measurement-time 3 \
    'content/|search/' 2>/dev/null | awk -v label="$1" '
      /time:/ && /^[^ ]/ { print "[" label "] " $0; next }
      /time:/ { print "[" label "] " name $0; next }
      /^(content|search)\// { name = $0 }'
}

for n in $SIZES; do
  dir="$OUT/${n}x"
  target/release/examples/gen_content "$n" "$dir"
  if [[ " $MODES " == *" overlay "* ]]; then
    echo "== ${n}x overlay (--content $dir, TOML parsed at start-up)"
    target/release/examples/pty_bench session --runs "$RUNS" --content "$dir" | grep -E "first frame|keystroke|median by|memory"
    BOUSSOLE_BENCH_CONTENT="$dir" criterion "${n}x overlay"
    RUNS=10 CONTENT="$dir" bench/compare-search.sh e electricien | grep -E "^\| \`|floor"
  fi
  if [[ " $MODES " == *" compiled "* ]]; then
    echo "== ${n}x compiled into the binary (BOUSSOLE_BUILD_CONTENT=$dir)"
    tgt="$OUT/target-${n}x"
    BOUSSOLE_BUILD_CONTENT="$dir" CARGO_TARGET_DIR="$tgt" cargo build --release --locked -q
    target/release/examples/pty_bench session --runs "$RUNS" --bin "$tgt/release/boussole" | grep -E "first frame|keystroke|median by|memory"
    BOUSSOLE_BUILD_CONTENT="$dir" CARGO_TARGET_DIR="$tgt" criterion "${n}x compiled"
    RUNS=10 BOUSSOLE="$tgt/release/boussole" bench/compare-search.sh e electricien | grep -E "^\| \`|floor"
  fi
done
