"""Files cached under a content generation never outlive the test that made them."""

import json

from tests.factories import make_project


def test_a_file_made_in_one_test(client, seed):
    make_project(slug="only-in-the-first-test")
    assert "only-in-the-first-test" in client.get("/downloads/acss-portal.json").content.decode()


def test_is_not_served_in_the_next_with_the_same_generation(client, seed):
    make_project(slug="only-in-the-second-test")
    data = json.loads(client.get("/downloads/acss-portal.json").content)
    slugs = [p["slug"] for p in data["projects"]]
    assert "only-in-the-second-test" in slugs and "only-in-the-first-test" not in slugs
