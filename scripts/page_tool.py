"""What the screenshot and Lighthouse scripts share: Django set up to name the page types."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def page_paths(names=None):
    """(page type, language, path) of every page type of tests/browser/pages.py."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acss_portal.settings")
    import django

    django.setup()
    from tests.browser.pages import page_paths as all_paths

    return [row for row in all_paths() if names is None or row[0] in names]
