"""What waits for each staff member: the back-office home of each role.

Every count and list here reads through core.scope, as the admin's own lists do, and links to
the admin list that shows the same records.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator

from core import roles, scope
from core.admin import LANGUAGE_CODES, incomplete_in
from core.apps import content_models
from core.history import translations_behind
from core.models import Publication, Publishable, Revision
from projects.models import Country

LATEST = 8
RECENT_DAYS = 30
AGES = [
    (7, _("under a week")),
    (30, _("1 to 4 weeks")),
    (None, _("over 4 weeks")),
]


@dataclass
class Count:
    """A number of records of one kind, and the admin list that shows them."""

    label: str
    count: int
    url: str


@dataclass
class Item:
    record: object
    kind: str
    url: str
    when: datetime.datetime | None = None
    note: str = ""


@dataclass
class Section:
    title: str
    explanation: str
    counts: list[Count] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    @property
    def total(self):
        return sum(count.count for count in self.counts)


def _changelist(model, **params):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def _change_url(record):
    meta = record._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])


def _item(record, when=None, note=""):
    return Item(
        record=record,
        kind=capfirst(record._meta.verbose_name),
        url=_change_url(record),
        when=when,
        note=note,
    )


def _publishable_models():
    return [model for model in content_models() if issubclass(model, Publishable)]


def _in_state(user, model, state):
    records = model._default_manager.filter(scope.editable_condition(user, model))
    return records.filter(publication=state)


def _state_section(user, state, title, explanation, *, since=None):
    """Records in one publication state that this user may edit, counted per kind."""
    section = Section(title, explanation)
    latest = []
    for model in _publishable_models():
        records = _in_state(user, model, state)
        if since is not None:
            records = records.filter(published_at__gte=since)
        count = records.count()
        if not count:
            continue
        section.counts.append(
            Count(
                capfirst(model._meta.verbose_name_plural),
                count,
                _changelist(model, publication__exact=state),
            )
        )
        order = "-published_at" if since is not None else "-updated_at"
        latest += [
            (getattr(r, order.lstrip("-")), r) for r in records.order_by(order, "pk")[:LATEST]
        ]
    latest.sort(key=lambda pair: pair[0], reverse=True)
    section.items = [_item(record, when) for when, record in latest[:LATEST]]
    return section


def _revisions(user, *, author=None):
    """Pending revisions of records this user may edit (of one author, when given), oldest first."""
    revisions = Revision.objects.select_related("content_type").order_by("updated_at")
    if author is not None:
        revisions = revisions.filter(author=author)
    by_model = {}
    for revision in revisions:
        model = revision.content_type.model_class()
        if model is not None:
            by_model.setdefault(model, []).append(revision)
    found = []
    for model, waiting in by_model.items():
        records = model._default_manager.filter(scope.editable_condition(user, model)).in_bulk(
            [revision.object_id for revision in waiting]
        )
        found += [(r, records[r.object_id]) for r in waiting if r.object_id in records]
    return sorted(found, key=lambda pair: pair[0].updated_at)


def _revision_counts(pairs):
    per_model = {}
    for _revision, record in pairs:
        per_model[type(record)] = per_model.get(type(record), 0) + 1
    return [
        Count(
            capfirst(model._meta.verbose_name_plural) + " — " + str(_("pending changes")),
            count,
            _changelist(model, pending="yes"),
        )
        for model, count in per_model.items()
    ]


def editor_home(user):
    """A ministry editor: their drafts, what they sent to review, what was published lately."""
    sent = _state_section(
        user,
        Publication.REVIEW,
        _("Sent to review"),
        _("Records of your countries waiting for a programme manager to publish them."),
    )
    mine = _revisions(user, author=user)
    sent.counts += _revision_counts(mine)
    sent.items += [
        _item(record, revision.updated_at, _("pending changes")) for revision, record in mine
    ][:LATEST]
    return [
        _state_section(
            user,
            Publication.DRAFT,
            _("Drafts"),
            _("Records of your countries that the public does not see yet."),
        ),
        sent,
        _state_section(
            user,
            Publication.PUBLISHED,
            _("Recently published"),
            _("Published in your countries in the last %(days)s days.") % {"days": RECENT_DAYS},
            since=timezone.now() - datetime.timedelta(days=RECENT_DAYS),
        ),
    ]


def _submitted_at(model, ids):
    """When each record was last sent to review, from its history."""
    return dict(
        model.history.filter(id__in=ids, history_change_reason="submitted")
        .values_list("id")
        .annotate(at=Max("history_date"))
    )


def _countries_of(model, ids):
    """{record id: [country codes]} through the model's own path to its countries."""
    if model.country_path is None:
        return {}
    path = "code" if model.country_path == "pk" else f"{model.country_path}__code"
    found = {}
    for pk, code in model._default_manager.filter(pk__in=ids).values_list("pk", path):
        if code:
            found.setdefault(pk, []).append(code)
    return found


def _age_index(when, now):
    days = (now - when).days
    for index, (limit, _label) in enumerate(AGES):
        if limit is None or days < limit:
            return index
    return len(AGES) - 1


def manager_home(user):
    """A programme manager: what awaits review, by country and by age, the oldest first."""
    now = timezone.now()
    waiting = Section(
        _("Waiting for review"),
        _("Records sent to review, and changes to published records, the oldest first."),
    )
    rows = []  # (since, record, note)
    for model in _publishable_models():
        records = list(_in_state(user, model, Publication.REVIEW))
        if not records:
            continue
        waiting.counts.append(
            Count(
                capfirst(model._meta.verbose_name_plural),
                len(records),
                _changelist(model, publication__exact=Publication.REVIEW),
            )
        )
        submitted = _submitted_at(model, [r.pk for r in records])
        rows += [(submitted.get(r.pk, r.updated_at), r, "") for r in records]
    pairs = _revisions(user)
    waiting.counts += _revision_counts(pairs)
    rows += [(revision.updated_at, record, _("pending changes")) for revision, record in pairs]
    rows.sort(key=lambda row: row[0])
    waiting.items = [_item(record, since, note) for since, record, note in rows[:LATEST]]

    names = dict(Country.objects.values_list("code", "name"))
    table = {}
    by_model = {}
    for since, record, _note in rows:
        by_model.setdefault(type(record), []).append((since, record))
    for model, entries in by_model.items():
        countries = _countries_of(model, [record.pk for _since, record in entries])
        for since, record in entries:
            for code in countries.get(record.pk) or [""]:
                counts = table.setdefault(code, [0] * len(AGES))
                counts[_age_index(since, now)] += 1
    by_country = [
        {
            "country": names.get(code) or _("No country"),
            "ages": counts,
            "total": sum(counts),
        }
        for code, counts in sorted(table.items(), key=lambda pair: names.get(pair[0], "~"))
    ]
    return [waiting], {"ages": [label for _limit, label in AGES], "rows": by_country}


LANGUAGE_NAMES = {"en": _("English"), "fr": _("French")}


def translator_home(user):
    """A translator: records whose text in their languages is missing or older than the other."""
    profile = getattr(user, "staff_profile", None)
    languages = [code for code in (profile.translates_into if profile else []) if code]
    registered = set(translator.get_registered_models())
    sections = []
    for language in languages or LANGUAGE_CODES:
        name = LANGUAGE_NAMES.get(language, language)
        missing = Section(
            _("%(language)s missing") % {"language": name},
            _("Records with a text in another language but not in %(language)s.")
            % {"language": name},
        )
        behind = Section(
            _("%(language)s older than the other language") % {"language": name},
            _("Records whose other language was changed after their %(language)s text.")
            % {"language": name},
        )
        for model in content_models():
            if model not in registered:
                continue
            records = model._default_manager.filter(scope.editable_condition(user, model))
            incomplete = records.filter(incomplete_in(model, language))
            label = capfirst(model._meta.verbose_name_plural)
            count = incomplete.count()
            if count:
                missing.counts.append(Count(label, count, _changelist(model, incomplete=language)))
                missing.items += [
                    _item(r, r.updated_at) for r in incomplete.order_by("-updated_at")[:LATEST]
                ]
            stale = records.filter(pk__in=translations_behind(model, language))
            count = stale.count()
            if count:
                url = _changelist(model, incomplete=f"{language}-behind")
                behind.counts.append(Count(label, count, url))
                behind.items += [
                    _item(r, r.updated_at) for r in stale.order_by("-updated_at")[:LATEST]
                ]
        missing.items = missing.items[:LATEST]
        behind.items = behind.items[:LATEST]
        sections += [missing, behind]
    return sections


def home(user):
    """The sections of this user's back-office home, by role (None: Django's plain index)."""
    role = roles.role_of(user)
    if role == roles.PROGRAMME_MANAGER:
        sections, by_country = manager_home(user)
        return {"role": roles.ROLE_LABELS[role], "sections": sections, "by_country": by_country}
    if role == roles.MINISTRY_EDITOR:
        return {"role": roles.ROLE_LABELS[role], "sections": editor_home(user)}
    if role == roles.TRANSLATOR:
        return {"role": roles.ROLE_LABELS[role], "sections": translator_home(user)}
    return None
