"""The same drawings stand alone, as the factsheets embed them: Typst renders them as images."""

import io

import pypdf
import typst
from django.utils import translation

from figures import charts, maps, selectors
from projects.models import Project


def test_typst_renders_the_map_and_the_figures_without_links(seed, tmp_path):
    action = Project.objects.select_related("parent").get(slug="acss")
    with translation.override("fr"):
        countries, corridors = selectors.map_countries(), selectors.corridors()
        timeline = selectors.project_timeline(action)
        themes = selectors.counts_by_theme()
    drawings = {
        "map.svg": maps.region_map_svg(
            countries=countries, corridors=corridors, link=False, language="fr"
        ),
        "timeline.svg": charts.timeline_svg(rows=timeline.rows, link=False, language="fr"),
        "themes.svg": charts.bar_chart_svg(
            title="Par domaine",
            series=["Activités", "Résultats"],
            rows=themes,
            link=False,
            language="fr",
        ),
    }
    for name, markup in drawings.items():
        assert "<a " not in markup
        (tmp_path / name).write_text(markup)
    (tmp_path / "page.typ").write_text(
        "".join(f'#image("{name}", width: 12cm)\n' for name in drawings)
    )
    pdf = typst.compile(str(tmp_path / "page.typ"))
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Sénégal" in text
    assert "Mobilité Sud-Sud" in text
