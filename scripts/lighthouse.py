"""Lighthouse scores of the main page types, mobile profile: a measure, not a gate.

    make lighthouse                        # against http://127.0.0.1:8000, a running portal
    BASE_URL=http://127.0.0.1:8160 make lighthouse

Runs Lighthouse 12 (npm, installed once into var/lighthouse/tool by the Makefile) with
Debian's Chromium, headless. Writes each report as var/lighthouse/<language>-<page>.json and
the scores of all of them as var/lighthouse/scores.json and var/lighthouse/summary.md.
Measure a production-like server (gunicorn, DEBUG=0), as the README shows.
"""

import json
import os
import subprocess

from page_tool import ROOT, page_paths

MAIN_PAGE_TYPES = [
    "home",
    "project list",
    "project",
    "country",
    "activity list",
    "activity",
    "partner",
    "search results",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def main():
    base = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
    folder = ROOT / "var" / "lighthouse"
    tool = folder / "tool" / "node_modules" / ".bin" / "lighthouse"
    environment = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    scores = []
    for name, language, path in page_paths(MAIN_PAGE_TYPES):
        report = folder / f"{language}-{name.replace(' ', '-')}.json"
        subprocess.run(
            [
                str(tool),
                base + path,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--form-factor=mobile",
                "--chrome-flags=--headless --no-sandbox --disable-background-networking",
            ],
            check=True,
            env=environment,
        )
        categories = json.loads(report.read_text())["categories"]
        row = {"page": name, "language": language, "path": path}
        row.update({c: round(categories[c]["score"] * 100) for c in CATEGORIES})
        scores.append(row)
        print(" ".join(f"{row[c]:>3}" for c in CATEGORIES), language, name)
    (folder / "scores.json").write_text(json.dumps(scores, indent=2) + "\n")
    lines = ["| page | language | " + " | ".join(CATEGORIES) + " |", "|---|---|---|---|---|---|"]
    lines += [
        f"| {r['page']} | {r['language']} | " + " | ".join(str(r[c]) for c in CATEGORIES) + " |"
        for r in scores
    ]
    (folder / "summary.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
