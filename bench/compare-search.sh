#!/usr/bin/env bash
# Whole-process search: `boussole search QUERY` against `fzf --filter QUERY` on
# the same list of names (every label Boussole searches: rich métier titles,
# ROME libellés, formation intitulés), timed by hyperfine with repeated runs.
#
#   bench/compare-search.sh                 # release build, default queries
#   RUNS=50 bench/compare-search.sh elec "technicien de maintenance"
#   BOUSSOLE=path/to/boussole CONTENT=/tmp/boussole-10x bench/compare-search.sh
#
# Needs hyperfine, fzf and python3 (apt-get install -y hyperfine fzf).
# Prints one Markdown row per query: mean ± σ of each, and the ratio
# boussole / fzf (≤ 1.0 means Boussole is no slower).
set -euo pipefail
cd "$(dirname "$0")/.."

BOUSSOLE=${BOUSSOLE:-target/release/boussole}
RUNS=${RUNS:-30}
WARMUP=${WARMUP:-3}
if [ ! -x "$BOUSSOLE" ]; then
  cargo build --release --locked
fi
for tool in hyperfine fzf python3; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install -y hyperfine fzf)" >&2; exit 2; }
done

content_args=()
if [ -n "${CONTENT:-}" ]; then
  content_args=(--content "$CONTENT")
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same labels the search index holds (src/search/mod.rs): "masculin /
# féminin" (or one form when both are equal), then formations, then ROME.
"$BOUSSOLE" "${content_args[@]}" export --format json | python3 -c '
import json, sys
c = json.load(sys.stdin)
for m in c["metiers"]:
    t = m["titre"]
    print(t["masculin"] if t["masculin"] == t["feminin"] else t["masculin"] + " / " + t["feminin"])
for f in c["formations"]:
    print(f["intitule"])
for r in c["rome"]:
    print(r["libelle"])
' > "$work/names.txt"

if [ $# -gt 0 ]; then
  queries=("$@")
else
  queries=(e elec electricien boulangere "technicien de maintenance" "conducteur de travaux publics")
fi

echo "list: $(wc -l < "$work/names.txt") names; $RUNS runs after $WARMUP warm-up runs per command"
echo "boussole: $("$BOUSSOLE" --version) ${CONTENT:+(--content $CONTENT)}; fzf: $(fzf --version); $(hyperfine --version)"
q_shell() { printf '%q' "$1"; }

# The floor of each process: start, print the version, exit.
hyperfine --style none --warmup "$WARMUP" --runs "$RUNS" --export-json "$work/floor.json" \
  "$(q_shell "$BOUSSOLE") --version" "fzf --version" >/dev/null 2>&1
python3 - "$work/floor.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(f"process floor (--version, means): boussole {r[0]['mean']*1000:.1f} ms, fzf {r[1]['mean']*1000:.1f} ms")
EOF
echo
echo "| query | boussole search (ms) | fzf --filter (ms) | ratio | note |"
echo "|---|---|---|---|---|"
for q in "${queries[@]}"; do
  hyperfine --style none --warmup "$WARMUP" --runs "$RUNS" \
    --export-json "$work/result.json" \
    "$(q_shell "$BOUSSOLE") ${content_args[*]:+${content_args[*]}} search $(q_shell "$q")" \
    "fzf --filter $(q_shell "$q") < $(q_shell "$work/names.txt")" >/dev/null 2>"$work/warnings"
  note=""
  if grep -q outliers "$work/warnings"; then note="outliers reported by hyperfine"; fi
  python3 - "$work/result.json" "$q" "$note" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
b, f = r[0], r[1]
ms = lambda x: x * 1000
print(f"| `{sys.argv[2]}` | {ms(b['mean']):.1f} ± {ms(b['stddev']):.1f} (median {ms(b['median']):.1f}) "
      f"| {ms(f['mean']):.1f} ± {ms(f['stddev']):.1f} (median {ms(f['median']):.1f}) "
      f"| {b['mean'] / f['mean']:.2f} | {sys.argv[3]} |")
EOF
done
