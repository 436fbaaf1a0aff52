"""Every public page type in both languages, checked in a real browser by axe-core and as
served by the Nu Html Checker. One browser page and one checker run for all pages."""

import json
import shutil
import subprocess
import tarfile
import tempfile
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.pages import page_paths

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"serious", "critical"}
VNU_VERSION = "26.9.27"
VNU = Path(settings.BASE_DIR) / "var" / "vnu" / VNU_VERSION / "vnu.jar"


@pytest.mark.browser
def test_axe_finds_nothing_serious_on_any_page_type(browser, site):
    # The portal's Content-Security-Policy refuses inline scripts; axe is injected as one.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    serious, minor = [], []
    for name, language, path in page_paths():
        page.goto(site + path)
        page.add_script_tag(path=str(AXE))
        found = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
        )
        for violation in found["violations"]:
            line = f"{name} [{language}] {path}: {violation['id']} ({violation['impact']}): " + (
                "; ".join(node["target"][0] for node in violation["nodes"][:3])
            )
            (serious if violation["impact"] in BLOCKING else minor).append(line)
    context.close()
    Path(settings.BASE_DIR, "var").mkdir(exist_ok=True)
    Path(settings.BASE_DIR, "var", "axe-minor.txt").write_text("\n".join(minor) + "\n")
    assert not serious, "\n".join(serious)


def vnu_jar() -> Path | None:
    """The Nu Html Checker, fetched once from the npm registry into var/ (not committed)."""
    if VNU.exists():
        return VNU
    npm = shutil.which("npm")
    if not npm:
        return None
    with tempfile.TemporaryDirectory() as folder:
        try:
            subprocess.run(
                [npm, "pack", f"vnu-jar@{VNU_VERSION}", "--silent"],
                cwd=folder,
                check=True,
                capture_output=True,
                timeout=300,
            )
        except (subprocess.SubprocessError, OSError):
            return None
        with tarfile.open(next(Path(folder).glob("vnu-jar-*.tgz"))) as archive:
            member = archive.getmember("package/build/dist/vnu.jar")
            VNU.parent.mkdir(parents=True, exist_ok=True)
            VNU.write_bytes(archive.extractfile(member).read())
    return VNU


def test_the_nu_html_checker_finds_no_error_on_any_page_type(site, tmp_path):
    java = shutil.which("java")
    jar = vnu_jar()
    if not java or jar is None:
        pytest.skip("The Nu Html Checker needs Java and a one-time download of vnu-jar from npm")
    files = {}
    for name, language, path in page_paths():
        with urllib.request.urlopen(site + path) as response:  # noqa: S310 (the live test server)
            target = tmp_path / f"{len(files):02d}.html"
            target.write_bytes(response.read())
        files[target.name] = f"{name} [{language}] {path}"
    run = subprocess.run(
        [
            java,
            "-jar",
            str(jar),
            "--errors-only",
            "--format",
            "json",
            *map(str, sorted(tmp_path.glob("*.html"))),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{files[Path(m['url']).name]} line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    assert not errors, "\n".join(errors)
