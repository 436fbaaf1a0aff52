"""The one admin base for every content model: scope, publication and translators' rights.

Every content model's admin inherits `ContentAdmin` (and its inlines `ContentInline`), which
applies core/scope.py to the change list, every foreign-key and many-to-many choice,
autocomplete, list filters, inlines, history, revert and "view on site", and core/publication.py
to every save. A forged id outside the user's scope is a form error, never a save.
"""

import copy

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import RelatedFieldListFilter
from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.utils import build_localized_fieldname
from simple_history.admin import SimpleHistoryAdmin

from core import publication, scope
from core.admin import IncompleteTranslationFilter, TranslationStatusMixin, translated_fields
from core.models import Content, Publication, Publishable


def conflict_message(record, seen_version):
    """Who changed the record since `seen_version`, when, and which fields."""
    history = record.history.all()
    seen = history.filter(version=seen_version).first()
    latest = history.first()
    fields = []
    if seen and latest:
        # title_en and title_fr say it better than the untranslated title they mirror.
        mirrored = set(translated_fields(type(record)))
        for change in latest.diff_against(seen).changes:
            if change.field not in mirrored and change.field != "version":
                fields.append(str(record._meta.get_field(change.field).verbose_name))
    who = str(latest.history_user) if latest and latest.history_user else _("someone else")
    when = formats.date_format(latest.history_date, "DATETIME_FORMAT") if latest else ""
    return _(
        "%(who)s changed this record (%(when)s) after you opened it: %(fields)s. "
        "Your changes were not saved, so that theirs are not lost. "
        "Open the record again to see their version, then make your changes."
    ) % {"who": who, "when": when, "fields": ", ".join(fields) or _("its relations")}


class ContentForm(forms.ModelForm):
    """Refuses a save made on an outdated copy of the record (optimistic locking)."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # The stored version: on the history's revert page the instance is an old one.
            stored = type(self.instance).objects.filter(pk=self.instance.pk)
            self.fields["seen_version"].initial = stored.values_list("version", flat=True).first()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        seen = cleaned.get("seen_version")
        if seen is None:
            raise ValidationError(
                _(
                    "This form came without the version of the record it was opened on. "
                    "Open the record again and make your changes."
                ),
                code="no_version",
            )
        model = type(self.instance)
        # Locks the row until the save commits, so two saves cannot cross.
        # No ordering: a default ordering by a nullable relation would join it, which
        # PostgreSQL cannot lock.
        current = (
            model.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .order_by()
            .values_list("version", flat=True)
            .first()
        )
        if current is not None and current != seen:
            raise ValidationError(conflict_message(self.instance, seen), code="conflict")
        return cleaned


class ScopedRelatedFieldListFilter(RelatedFieldListFilter):
    """A list filter that offers only the related records the user may see."""

    def field_choices(self, field, request, model_admin):
        ordering = self.field_admin_ordering(field, request, model_admin)
        related = field.related_model
        limit = (
            scope.viewable_condition(request.user, related)
            if issubclass(related, Content)
            else None
        )
        return field.get_choices(include_blank=False, ordering=ordering, limit_choices_to=limit)


class PendingRevisionFilter(admin.SimpleListFilter):
    title = _("pending changes")
    parameter_name = "pending"

    def lookups(self, request, model_admin):
        return [("yes", _("Waiting for review"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            from django.contrib.contenttypes.models import ContentType

            from core.models import Revision

            waiting = Revision.objects.filter(
                content_type=ContentType.objects.get_for_model(queryset.model)
            ).values("object_id")
            return queryset.filter(pk__in=waiting)
        return queryset


@admin.action(description=_("Send to review"))
def send_to_review(modeladmin, request, queryset):
    modeladmin.change_publication(request, queryset, Publication.REVIEW)


@admin.action(description=_("Publish"))
def publish(modeladmin, request, queryset):
    modeladmin.change_publication(request, queryset, Publication.PUBLISHED)


@admin.action(description=_("Unpublish (back to draft)"))
def unpublish(modeladmin, request, queryset):
    modeladmin.change_publication(request, queryset, Publication.DRAFT)


@admin.action(description=_("Archive"))
def archive(modeladmin, request, queryset):
    modeladmin.change_publication(request, queryset, Publication.ARCHIVED)


def translator_editable_fields(user, model) -> set[str]:
    """The language columns of the texts this translator translates: title_fr, summary_fr, ..."""
    languages = getattr(getattr(user, "staff_profile", None), "translates_into", None) or []
    return {
        build_localized_fieldname(field, code)
        for field in translated_fields(model)
        for code in languages
    }


def translator_readonly(user, model, exclude=()) -> list[str]:
    """Every field a translator may not change: all but the texts of their languages.

    A translated field is named by its language columns only (title_en), never by the field
    that stands for them (title), which modeltranslation would expand to every language.
    """
    editable = (
        translator_editable_fields(user, model) | set(exclude) | set(translated_fields(model))
    )
    return [
        field.name
        for field in model._meta.get_fields()
        if getattr(field, "editable", False)
        and not field.auto_created
        and field.name not in editable
        and hasattr(model, field.name)
    ]


class ScopeMixin:
    """Relations offered in forms are limited to what the user may link to."""

    def _limit(self, db_field, request, kwargs):
        related = db_field.related_model
        if related is not None and issubclass(related, Content) and "queryset" not in kwargs:
            kwargs["queryset"] = scope.linkable(request.user, related._default_manager.all())
        return kwargs

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return super().formfield_for_foreignkey(
            db_field, request, **self._limit(db_field, request, kwargs)
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return super().formfield_for_manytomany(
            db_field, request, **self._limit(db_field, request, kwargs)
        )


class ScopedInlineFormSet(BaseInlineFormSet):
    """An inline row posted with an id the user may not edit is refused, not ignored."""

    def clean(self):
        super().clean()
        for form in self.initial_forms:
            if form.instance.pk is None:
                raise ValidationError(
                    _("One of the rows is not among the records you may edit."), code="scope"
                )


class ContentInline(ScopeMixin):
    """Inlines follow the same rules: the rows of the user's scope, translators' texts only."""

    formset = ScopedInlineFormSet

    def get_queryset(self, request):
        return scope.editable(request.user, super().get_queryset(request))

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if scope.is_translator(request.user):
            readonly += translator_readonly(request.user, self.model)
        return list(dict.fromkeys(readonly))

    def get_prepopulated_fields(self, request, obj=None):
        if scope.is_translator(request.user):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def has_add_permission(self, request, obj=None):
        return not scope.is_translator(request.user) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not scope.is_translator(request.user) and super().has_delete_permission(request, obj)


class ContentAdmin(ScopeMixin, TranslationStatusMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    """The admin of every content model; subclasses say only what their model shows."""

    form = ContentForm
    change_form_template = "admin/core/content_change_form.html"

    # Scope -------------------------------------------------------------------------------
    def get_queryset(self, request):
        return scope.viewable(request.user, super().get_queryset(request))

    def _get_or_404(self, request, object_id):
        try:
            record = self.get_queryset(request).filter(pk=unquote(object_id)).first()
        except (ValueError, ValidationError):  # not a key at all ("abc"), as Django's get_object
            record = None
        if record is None:
            raise Http404(_("No such record among those you may see."))
        return record

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or scope.may_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        if obj is None or not scope.is_editor(request.user):
            return True
        if not scope.may_edit(request.user, obj):
            return False
        # Editors delete their drafts only, never what is or was public or another's part.
        if isinstance(obj, Publishable) and obj.publication != Publication.DRAFT:
            return False
        if obj.is_public:
            return False
        return self._only_in_own_countries(request, obj)

    def _only_in_own_countries(self, request, obj):
        path = type(obj).country_path
        if path is None or path == "pk":
            return True
        linked = type(obj)._default_manager.filter(pk=obj.pk).values_list(path, flat=True)
        return set(linked) <= set(scope.country_ids(request.user))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        record = self._get_or_404(request, object_id)
        extra_context = {**(extra_context or {}), **self._revision_context(request, record)}
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._get_or_404(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._get_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        record = self._get_or_404(request, object_id)
        if not str(version_id).isdigit():  # no version has it: a 404, not the history's 500
            raise Http404(_("No such record among those you may see."))
        if request.method == "POST":
            publication.ensure_may_revert(record, request.user)
        # The version page lays out the form with the prepopulated fields as an attribute;
        # a copy with this user's own keeps a translator's read-only slug out of it.
        admin_for_request = copy.copy(self)
        admin_for_request.prepopulated_fields = self.get_prepopulated_fields(request, record)
        return SimpleHistoryAdmin.history_form_view(
            admin_for_request, request, object_id, version_id, extra_context
        )

    def revert_disabled(self, request, obj=None):
        return not scope.may_publish_changes(request.user, self.model)

    def changelist_view(self, request, extra_context=None):
        # PostgreSQL refuses a NUL character in a query: a filter value holding one is
        # no value any record has, and would otherwise be a 500.
        if any("\x00" in value for _name, values in request.GET.lists() for value in values):
            return HttpResponseBadRequest(_("A filter value holds a character no record has."))
        return super().changelist_view(request, extra_context)

    def get_search_results(self, request, queryset, search_term):
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "autocomplete":
            # Autocomplete offers what the user may link to, as the form field does.
            queryset = scope.linkable(request.user, queryset)
        # PostgreSQL refuses a NUL character in a query (a 500); no record holds one.
        search_term = search_term.replace("\x00", "")
        return super().get_search_results(request, queryset, search_term)

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if scope.is_translator(request.user):
            allowed = translator_editable_fields(request.user, self.model)
            changelist.list_editable = [n for n in changelist.list_editable if n in allowed]
        return changelist

    # Lists show and filter the publication state, with scoped related filters -------------
    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if issubclass(self.model, Publishable) and "publication" not in columns:
            columns.insert(1, "publication")
        return columns

    def get_list_filter(self, request):
        filters = []
        for entry in super().get_list_filter(request):
            if isinstance(entry, str) and "__" not in entry:
                field = self.model._meta.get_field(entry)
                if field.is_relation:
                    entry = (entry, ScopedRelatedFieldListFilter)
            filters.append(entry)
        if issubclass(self.model, Publishable) and "publication" not in filters:
            filters.insert(0, "publication")
        filters.append(PendingRevisionFilter)
        if IncompleteTranslationFilter not in filters:
            filters.append(IncompleteTranslationFilter)
        return filters

    # Rights over fields ----------------------------------------------------------------
    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if scope.is_translator(request.user):
            readonly += translator_readonly(request.user, self.model, exclude={"seen_version"})
        elif (
            isinstance(obj, Publishable)
            and not scope.may_publish(request.user, self.model)
            and obj.publication in publication.PUBLIC_STATES
        ):
            readonly.append("publication")
        return list(dict.fromkeys(readonly))

    def get_prepopulated_fields(self, request, obj=None):
        if scope.is_translator(request.user):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "publication" and not scope.may_publish(request.user, self.model):
            kwargs["choices"] = [
                (c.value, c.label) for c in (Publication.DRAFT, Publication.REVIEW)
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        name, options = fieldsets[0]
        extra = ["seen_version"]
        if issubclass(
            self.model, Publishable
        ) and "publication" not in admin.utils.flatten_fieldsets(fieldsets):
            extra.insert(0, "publication")
        fieldsets[0] = (name, {**options, "fields": [*options["fields"], *extra]})
        return fieldsets

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        user, model = request.user, self.model
        shared = [
            f.name
            for f in model._meta.many_to_many
            if issubclass(f.related_model, Content) and f.name in form.base_fields
        ]
        revision = self._own_revision(request, obj)

        class ScopedForm(form):
            def __init__(self, *args, **kwargs):
                if revision is not None and not args and "data" not in kwargs:
                    # The author goes on from the changes they proposed, not the live record;
                    # on a copy, so that the page's heading and breadcrumb name the live one.
                    args = (revision_post(revision, obj),)
                    kwargs["instance"] = copy.copy(kwargs.get("instance", obj))
                super().__init__(*args, **kwargs)
                if self.instance.pk is not None:
                    for name in shared:
                        # What is linked already stays valid, even beyond the user's scope.
                        field = self.fields[name]
                        linked = getattr(self.instance, name).all()
                        field.queryset = (field.queryset | linked).distinct()

            def clean(self):
                cleaned = super().clean()
                for name in shared:
                    if name in cleaned and cleaned[name] is not None:
                        cleaned[name] = keep_out_of_scope(user, self.instance, name, cleaned[name])
                if scope.is_editor(user) and model.country_path in shared:
                    mine = set(scope.country_ids(user))
                    chosen = {c.pk for c in cleaned.get(model.country_path) or []}
                    if model.country_path in cleaned and not chosen & mine:
                        self.add_error(model.country_path, own_country_message(user))
                if (
                    self.instance.pk is not None
                    and not scope.may_publish_changes(user, model)
                    and publication.revision_by_another(self.instance, user)
                ):
                    raise ValidationError(
                        _(
                            "Someone else's changes to this record wait for a programme manager. "
                            "You can make yours once they are published or turned down."
                        ),
                        code="revision_pending",
                    )
                if "publication" in self.changed_data and self.instance.pk is not None:
                    old = type(self.instance).objects.get(pk=self.instance.pk).publication
                    try:
                        publication.check_transition(
                            self.instance, old=old, new=cleaned.get("publication"), by=user
                        )
                    except PermissionDenied as error:
                        self.add_error("publication", str(error))
                return cleaned

            def _post_clean(self):
                super()._post_clean()
                # A new record that would be public at once (an event of a published activity,
                # a focal point shown publicly) needs a publisher: others propose it through
                # the pending changes of the record it belongs to.
                goes_live = not scope.may_publish_changes(user, model)
                if self.instance.pk is None and goes_live and _would_be_public(self.instance):
                    self.add_error(
                        None,
                        _(
                            "Saved now, this record would appear on the public site at once. "
                            "Add it from the page of the record it belongs to, where your "
                            "changes wait for a programme manager, or leave it unpublished."
                        ),
                    )

        return ScopedForm

    # Saving: live, or kept as a revision for review -------------------------------------
    def save_model(self, request, obj, form, change):
        stored = type(obj).objects.filter(pk=obj.pk).first() if change else None
        # A change that touches the public site, by showing or by hiding, waits for review.
        public_before_or_after = stored is not None and (stored.is_public or _would_be_public(obj))
        if public_before_or_after and not scope.may_publish_changes(request.user, self.model):
            request._acss_revision_of = stored
            return
        if isinstance(obj, Publishable) and "publication" in form.changed_data:
            if obj.publication == Publication.PUBLISHED:
                publication.stamp_published(obj, by=request.user)
            obj._change_reason = publication.REASON_FOR_STATE[obj.publication]
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name.endswith("_simple_history"):
            obj._change_reason = "reverted"
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        stored = getattr(request, "_acss_revision_of", None)
        if stored is None:
            return super().save_related(request, form, formsets, change)
        post = {
            key: request.POST.getlist(key)
            for key in request.POST
            if key not in ("csrfmiddlewaretoken", "_save", "_continue", "_addanother")
        }
        publication.save_revision(stored, form=form, formsets=formsets, post=post, by=request.user)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "_acss_revision_of", None) is not None:
            # Nothing of the live record changed; the formsets were kept, not saved.
            return [{"changed": {"fields": [str(_("pending changes"))]}}]
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        if getattr(request, "_acss_revision_of", None) is None:
            return super().response_change(request, obj)
        self.message_user(
            request,
            _(
                "Your changes are kept for review. The public keeps reading the published "
                "version until a programme manager publishes them."
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(request.path)

    # Revisions: the author's and the reviewer's view ----------------------------------
    def _own_revision(self, request, obj):
        if obj is None or obj.pk is None or request.method != "GET":
            return None
        if scope.may_publish_changes(request.user, self.model):
            return None
        revision = publication.pending_revision(obj)
        mine = revision is not None and revision.author_id == request.user.pk
        return revision if mine and scope.may_edit(request.user, obj) else None

    def _revision_context(self, request, record):
        revision = publication.pending_revision(record)
        if revision is None:
            return {}
        return {
            "pending_revision": revision,
            "revision_url": reverse(self._url_name("revision"), args=[record.pk]),
            "may_publish_revision": scope.may_publish_changes(request.user, self.model),
            "revision_is_mine": revision.author_id == request.user.pk,
        }

    def _url_name(self, view):
        opts = self.model._meta
        return f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{view}"

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        revision = self._own_revision(request, obj)
        if revision is not None:
            kwargs["data"] = revision_post(revision, obj)
        return kwargs

    def get_urls(self):
        opts = self.model._meta
        urls = [
            path(
                "<path:object_id>/revision/",
                self.admin_site.admin_view(self.revision_view),
                name=f"{opts.app_label}_{opts.model_name}_revision",
            )
        ]
        return urls + super().get_urls()

    def revision_view(self, request, object_id):
        """The pending changes beside the live values; publish or drop them (POST)."""
        record = self._get_or_404(request, object_id)
        revision = publication.pending_revision(record)
        if revision is None:
            raise Http404(_("This record has no pending changes."))
        reviewer = scope.may_publish_changes(request.user, self.model)
        if not reviewer and revision.author_id != request.user.pk:
            raise PermissionDenied
        if request.method == "POST":
            if "publish" in request.POST:
                try:
                    publication.publish_revision(revision, by=request.user)
                except ValidationError as error:
                    # The live record changed so that the proposal no longer fits (a slug
                    # taken meanwhile): nothing is applied, and the reviewer is told why.
                    self.message_user(request, " ".join(error.messages), messages.ERROR)
                    return HttpResponseRedirect(request.path)
                self.message_user(request, _("The changes are now public."), messages.SUCCESS)
            elif "discard" in request.POST:
                publication.discard_revision(revision, by=request.user)
                self.message_user(request, _("The pending changes were dropped."), messages.INFO)
            return HttpResponseRedirect(reverse(self._url_name("change"), args=[record.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Pending changes to %(record)s") % {"record": record},
            "opts": self.model._meta,
            "original": record,
            "revision": revision,
            "changes": publication.revision_changes(revision),
            "may_publish": reviewer,
            "change_url": reverse(self._url_name("change"), args=[record.pk]),
        }
        return TemplateResponse(request, "admin/core/revision.html", context)

    # Publication actions ---------------------------------------------------------------
    def get_actions(self, request):
        actions = super().get_actions(request)
        if not issubclass(self.model, Publishable) or scope.is_translator(request.user):
            return actions
        permitted = [send_to_review]
        if scope.may_publish(request.user, self.model):
            permitted += [publish, unpublish, archive]
        for action in permitted:
            actions[action.__name__] = (action, action.__name__, action.short_description)
        return actions

    def change_publication(self, request, queryset, state):
        done = 0
        for record in queryset:
            try:
                publication.change_publication(record, to=state, by=request.user)
                done += 1
            except (PermissionDenied, ValidationError) as error:
                messages.error(
                    request, f"{record}: {' '.join(getattr(error, 'messages', [str(error)]))}"
                )
        if done:
            messages.success(
                request,
                _("%(count)d record(s) now: %(state)s.")
                % {"count": done, "state": Publication(state).label},
            )


def _would_be_public(record):
    try:
        return record.is_public
    except ObjectDoesNotExist:  # a required parent not chosen yet: the form says so
        return False


def keep_out_of_scope(user, instance, name, chosen):
    """The chosen records, plus those already linked that the user may not see or remove."""
    if instance.pk is None:
        return chosen
    field = type(instance)._meta.get_field(name)
    related = field.related_model._default_manager
    hidden = getattr(instance, name).exclude(scope.linkable_condition(user, field.related_model))
    kept = {obj.pk for obj in hidden}
    if not kept:
        return chosen
    return related.filter(pk__in={obj.pk for obj in chosen} | kept)


def own_country_message(user):
    countries = user.staff_profile.countries.all()
    return _("Link the record to at least one of your countries: %(countries)s.") % {
        "countries": ", ".join(str(c) for c in countries)
    }


def revision_post(revision, record):
    """The author's proposed form data, re-based on the live version so that it can be saved."""
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for key, values in revision.data["post"].items():
        data.setlist(key, values)
    data["seen_version"] = str(record.version)
    return data


def view_on_site(request, content_type_id, object_id):
    """The admin's "view on site", for the records the staff member may open, else 404.

    Django's own shortcut redirects any staff member to any record, drafts included.
    """
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    if model is None or not issubclass(model, Content) or not request.user.is_staff:
        raise Http404
    try:
        record = model._default_manager.visible_to(request.user).filter(pk=object_id).first()
    except (ValueError, ValidationError):
        record = None
    if record is None or not hasattr(record, "get_absolute_url"):
        raise Http404
    return HttpResponseRedirect(record.get_absolute_url())
