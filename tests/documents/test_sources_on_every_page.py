"""Every kind of record page lists the sources its facts rest on."""

import re

import pytest

from documents.models import Source


@pytest.mark.parametrize(
    ("path", "record"),
    [
        ("/en/events/modal-training-thies-2021/", ("events", "modal-training-thies-2021")),
        ("/en/results/{slug}/", ("results", None)),
        ("/en/agreements/{slug}/", ("agreements", None)),
    ],
)
def test_event_result_and_agreement_pages_list_their_sources(client, seed, path, record):
    relation, slug = record
    cited = Source.objects.published().filter(**{f"{relation}__isnull": False}).first()
    assert cited is not None, f"the seed cites no {relation}"
    linked = getattr(cited, relation)
    target = linked.get(slug=slug) if slug else linked.order_by("slug").first()
    page = client.get(path.format(slug=target.slug)).content.decode()
    section = re.search(r'<section id="sources">(.*?)</section>', page, re.S)
    assert section is not None
    for source in target.sources.published():
        assert source.title in section.group(1).replace("&#x27;", "'").replace("&amp;", "&")
