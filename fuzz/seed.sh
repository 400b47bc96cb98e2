#!/usr/bin/env bash
# Seeds the fuzz corpora from the test fixtures: each fixture file, prefixed
# with the byte that makes the content target replace that file; a few
# configuration files; a saved session.
set -euo pipefail
cd "$(dirname "$0")"
mini=../tests/fixtures/mini
mkdir -p corpus/content corpus/config corpus/session
i=0
for f in apprentissage.toml contacts.toml domaines.toml etablissements/76-seine-maritime.toml \
         formations/elec.toml metiers/f.toml questionnaire.toml rome.toml situations.toml; do
  { printf "\\$(printf '%03o' "$i")"; cat "$mini/$f"; } > "corpus/content/seed-$i"
  i=$((i + 1))
done
printf 'theme = "mono"\nsouris = true\nsituation = "cap"\ninactivite = 120\n' > corpus/config/seed-1
printf 'theme = "contraste"\n' > corpus/config/seed-2
printf '{"version":1,"situation":"3e","questionnaire":"rapide","reponses":{"r01":3,"r02":null},"favoris":["electricien"],"rejetes":[]}' > corpus/session/seed-1
