"""The IATI Standard's 2.03 rulesets (IATI-Rulesets, rulesets/standard.json) that apply to our file.

Each check names the rule it keeps. Rules about transactions, budgets, locations and
organisation files are left out: the portal publishes none of those.
"""

import datetime
import re

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _date(value):
    return datetime.date.fromisoformat(value[:10])


def activity_violations(activity, *, now=None) -> list[str]:
    """The rules one <iati-activity> breaks, as "rule id: what" lines."""
    now = now or datetime.datetime.now(datetime.UTC)
    found = []
    identifier = activity.findtext("iati-identifier") or ""
    reporting_ref = activity.find("reporting-org").get("ref") or ""

    # 1.1.3: the activity identifier differs from the reporting organisation's.
    if identifier == reporting_ref:
        found.append("1.1.3: identifier equals the reporting organisation's")
    # 1.1.21: the identifier starts with the reporting organisation's identifier and a hyphen.
    if not identifier.startswith(f"{reporting_ref}-"):
        found.append("1.1.21: identifier does not start with the reporting-org ref")
    # 1.3.1, 1.14.1, 1.7.1: no leading or trailing spaces.
    related = [r.get("ref") for r in activity.findall("related-activity")]
    for rule, value in [("1.3.1", identifier), ("1.14.1", reporting_ref)] + [
        ("1.7.1", ref) for ref in related
    ]:
        if value != value.strip():
            found.append(f"{rule}: spaces around {value!r}")
    # 1.3.13, 1.14.13: no /, &, | or ? in identifiers.
    for rule, value in (("1.3.13", identifier), ("1.14.13", reporting_ref)):
        if not re.fullmatch(r"[^/&|?]+", value):
            found.append(f"{rule}: forbidden symbol in {value!r}")
    # 6.11.1: a planned or an actual start date.
    types = [date.get("type") for date in activity.findall("activity-date")]
    if not {"1", "2"} & set(types):
        found.append("6.11.1: no planned or actual start date")
    # 6.2.2: a sector at activity level (the file has no transactions).
    if activity.find("sector") is None:
        found.append("6.2.2: no sector")
    # 4.1.1: a default language, or a language on every narrative.
    if activity.get(XML_LANG) is None and any(
        n.get(XML_LANG) is None for n in activity.iter("narrative")
    ):
        found.append("4.1.1: a narrative without language and no default language")
    # 11.1.1: last updated not in the future.
    updated = activity.get("last-updated-datetime")
    if updated and datetime.datetime.fromisoformat(updated) > now:
        found.append("11.1.1: last-updated-datetime in the future")
    # 11.1.2-11.1.5: dates in order, actual dates not in the future.
    dates = {d.get("type"): _date(d.get("iso-date")) for d in activity.findall("activity-date")}
    for rule, less, more in (("11.1.2", "1", "3"), ("11.1.3", "2", "4")):
        if less in dates and more in dates and not dates[less] < dates[more]:
            found.append(f"{rule}: activity-date {less} is not before {more}")
    for rule, kind in (("11.1.4", "2"), ("11.1.5", "4")):
        if kind in dates and dates[kind] > now.date():
            found.append(f"{rule}: actual date {kind} in the future")
    # 2.1.2: sector percentages within a vocabulary add up to 100.
    vocabularies = {s.get("vocabulary", "1") for s in activity.findall("sector")}
    for vocabulary in vocabularies:
        sectors = [s for s in activity.findall("sector") if s.get("vocabulary", "1") == vocabulary]
        if len(sectors) > 1 and sum(float(s.get("percentage", 0)) for s in sectors) != 100:
            found.append(f"2.1.2: sector percentages of vocabulary {vocabulary} are not 100")
    # 3.4.2 (and 3.4.1): several recipient countries each have a percentage, together 100.
    countries = activity.findall("recipient-country")
    if len(countries) > 1:
        if any(c.get("percentage") is None for c in countries):
            found.append("3.4.1: a recipient country without a percentage")
        elif sum(float(c.get("percentage")) for c in countries) != 100:
            found.append("3.4.2: recipient-country percentages are not 100")
    # 4.3.1, 4.4.1: every title and description has narrative content.
    for tag, rule in (("title", "4.3.1"), ("description", "4.4.1")):
        for element in activity.iter(tag):
            if not any((n.text or "").strip() for n in element.findall("narrative")):
                found.append(f"{rule}: a {tag} without narrative content")
    # 8.8.3, 8.9.3, 8.10.3: a qualitative indicator (measure 5) gives no values.
    for indicator in activity.iter("indicator"):
        if indicator.get("measure") == "5":
            for tag in ("baseline", "target", "actual"):
                for element in indicator.iter(tag):
                    if element.get("value") is not None:
                        found.append(f"8.x.3: a {tag} value on a qualitative indicator")
    # 8.6.1: indicator periods read forwards.
    for period in activity.iter("period"):
        start, end = period.find("period-start"), period.find("period-end")
        known = start is not None and end is not None
        if known and not _date(start.get("iso-date")) < _date(end.get("iso-date")):
            found.append("8.6.1: indicator period does not read forwards")
    return found


def violations(root, **kwargs) -> list[str]:
    return [
        f"{activity.findtext('iati-identifier')}: {problem}"
        for activity in root.findall("iati-activity")
        for problem in activity_violations(activity, **kwargs)
    ]
