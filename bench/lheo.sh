#!/usr/bin/env bash
# `boussole import lheo` on a synthetic LHEO file of about 200 MB
# (examples/gen_lheo.rs): time and peak memory, against Python's
# xml.etree.ElementTree.iterparse merely counting <action> elements in the
# same file (both in one run, so the ratio holds whatever the machine).
#
#   bench/lheo.sh            # MB=200 RUNS=3
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${MB:-200}
RUNS=${RUNS:-3}
OUT=${OUT:-${TMPDIR:-/tmp}/boussole-lheo}
mkdir -p "$OUT"
cargo build --release --locked --example gen_lheo
cargo build --release --locked
xml="$OUT/offre-$MB.xml"
[ -f "$xml" ] || target/release/examples/gen_lheo "$MB" "$xml"
ls -l "$xml"
cat > "$OUT/count.py" <<'PY'
import sys, xml.etree.ElementTree as ET
n = 0
for event, elem in ET.iterparse(sys.argv[1], events=("end",)):
    if elem.tag.endswith("}action") or elem.tag == "action":
        n += 1
    elem.clear()
print(n)
PY
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "boussole import: %e s, %M KiB max RSS" \
    target/release/boussole import lheo "$xml" --out "$OUT/surcouche" 2>&1 | tail -1
  /usr/bin/time -f "python iterparse count: %e s, %M KiB max RSS" \
    python3 "$OUT/count.py" "$xml" 2>&1 | tail -1
done
