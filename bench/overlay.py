#!/usr/bin/env python3
"""An overlay of N synthetic offers over the bundled content, for measuring the
guide with a large regional offer (BENCHMARKS.md): establishments of 20 offers
each, spread over the five départements, every offer a real formation id with
one of its own routes. Deterministic.

    python3 bench/overlay.py 20000 /tmp/boussole-overlay-20k
"""
import glob
import os
import sys
import tomllib

n, out = int(sys.argv[1]), sys.argv[2]
root = os.path.join(os.path.dirname(__file__), "..", "content", "formations")
formations = []
for path in sorted(glob.glob(os.path.join(root, "*.toml"))):
    with open(path, "rb") as f:
        for x in tomllib.load(f)["formation"]:
            voies = [v for v in x["voies"] if v != "vae"]
            if voies:
                formations.append((x["id"], voies[0]))
deps = ["14", "27", "50", "61", "76"]
os.makedirs(os.path.join(out, "etablissements"), exist_ok=True)
lines = ['sources = ["Offre synthétique pour les mesures (bench/overlay.py)"]', ""]
per = 20
for e in range((n + per - 1) // per):
    dep = deps[e % len(deps)]
    lines += [
        "[[etablissement]]",
        f'id = "synthetique-{e}"',
        f'nom = "Centre de formation synthétique {e}"',
        'type = "organisme"',
        f'commune = "Commune {e % 97}"',
        f'departement = "{dep}"',
        "offre = [",
    ]
    for k in range(min(per, n - e * per)):
        fid, voie = formations[(e * 7 + k * 13) % len(formations)]
        lines.append(f'  {{ formation = "{fid}", voies = ["{voie}"] }},')
    lines += ["]", 'sources = ["synthétique"]', ""]
with open(os.path.join(out, "etablissements", "99-synthetique.toml"), "w") as f:
    f.write("\n".join(lines))
print(f"{out}: {n} offers")
