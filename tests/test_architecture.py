"""The shape of the code: imports point one way, down, and the configuration holds no model."""

import ast
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
# From the bottom up: each app imports only from those before it (and itself).
LAYERS = [
    "core",
    "search",
    "partners",
    "projects",
    "activities",
    "figures",
    "documents",
    "opendata",
    "pages",
    "backoffice",
    "acss_portal",
]


def imported_apps(path: Path) -> set[str]:
    """The portal's apps a module imports, at the top or inside functions."""
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names & set(LAYERS)


def modules():
    for layer in LAYERS:
        for path in sorted((ROOT / layer).rglob("*.py")):
            if "migrations" not in path.parts:
                yield layer, path


@pytest.mark.parametrize(
    ("layer", "path"), list(modules()), ids=lambda value: str(value).replace(str(ROOT), "")
)
def test_each_module_imports_only_from_the_apps_below_it(layer, path):
    allowed = set(LAYERS[: LAYERS.index(layer) + 1])
    assert imported_apps(path) <= allowed, f"{path.relative_to(ROOT)} imports upwards"


def test_the_import_check_catches_an_upward_import(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("def f():\n    from documents.models import Document\n")
    assert imported_apps(module) == {"documents"}


def test_the_configuration_package_holds_no_model():
    assert not (ROOT / "acss_portal" / "models.py").exists()
    assert "acss_portal" not in {config.name for config in apps.get_app_configs()}


def test_every_content_model_is_administered_through_the_content_admin():
    from django.contrib import admin

    from core.apps import content_models
    from core.content_admin import ContentAdmin, ContentInline

    admins = [a for a in admin.site._registry.values() if isinstance(a, ContentAdmin)]
    inlines = {i.model for a in admins for i in a.inlines if issubclass(i, ContentInline)}
    for model in content_models():
        assert model in {a.model for a in admins} | inlines, model
