"""How an organisation is named."""

from partners.models import Organisation


def test_a_name_is_followed_by_its_acronym_but_never_by_itself():
    assert str(Organisation(name="Expertise France", acronym="EF")) == "Expertise France (EF)"
    assert str(Organisation(name="ADEPT", acronym="ADEPT")) == "ADEPT"
    assert str(Organisation(name="Adept", acronym="ADEPT")) == "Adept"
