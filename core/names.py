"""Names with acronyms, written once: "ADEPT", not "ADEPT (ADEPT)"."""

import re


def acronym_adds_to(name: str, acronym: str) -> bool:
    """Whether an acronym tells the reader something its name does not already show."""
    if not acronym:
        return False
    return acronym.casefold() not in re.findall(r"\w+", name.casefold())


def with_acronym(name: str, acronym: str) -> str:
    """ "Name (ACRONYM)", or the name alone when it already holds the acronym."""
    return f"{name} ({acronym})" if acronym_adds_to(name, acronym) else name
