"""What each role may do in the admin, applied to every content model's admin."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from acss_portal.admin import translated_field_names, translated_fields
from acss_portal.models import Publication, Publishable
from backoffice import roles
from backoffice.services import can_publish, change_publication, stamp_published


def _role(request):
    if not hasattr(request, "_acss_role"):
        request._acss_role = roles.role_of(request.user)
    return request._acss_role


def _is_editor(request):
    return _role(request) == roles.MINISTRY_EDITOR


def _is_translator(request):
    return _role(request) == roles.TRANSLATOR


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


class VersionCheckedForm(forms.ModelForm):
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
        seen = cleaned.get("seen_version")
        if self.instance.pk is not None and seen is not None:
            model = type(self.instance)
            # Locks the row until the save commits, so two saves cannot cross.
            current = (
                model.objects.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if current is not None and current != seen:
                raise ValidationError(conflict_message(self.instance, seen), code="conflict")
        return cleaned


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


class RoleAdminMixin:
    """Country scope for ministry editors, text-only edits for translators, publication rights.

    `country_scope` is the lookup from the model to the countries it is linked to;
    `scope_field` the form field an editor must fill with one of their countries.
    """

    country_scope = None
    scope_field = None
    form = VersionCheckedForm

    # Scope -------------------------------------------------------------------
    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if _is_editor(request) and self.country_scope:
            countries = roles.editor_countries(request.user)
            queryset = queryset.filter(**{f"{self.country_scope}__in": countries}).distinct()
        return queryset

    def _in_scope_or_404(self, request, object_id):
        scoped = _is_editor(request) and self.country_scope and object_id
        if scoped and not self.get_queryset(request).filter(pk=unquote(object_id)).exists():
            raise Http404(_("No such record among those you may edit."))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._in_scope_or_404(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._in_scope_or_404(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._in_scope_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._in_scope_or_404(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    # Lists show and filter the publication state ----------------------------
    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if issubclass(self.model, Publishable) and "publication" not in columns:
            columns.insert(1, "publication")
        return columns

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if issubclass(self.model, Publishable) and "publication" not in filters:
            filters.insert(0, "publication")
        return filters

    # Rights ------------------------------------------------------------------
    def has_delete_permission(self, request, obj=None):
        if (
            _is_editor(request)
            and isinstance(obj, Publishable)
            and obj.publication != Publication.DRAFT
        ):
            return False  # editors delete drafts only, never what is or was public
        return super().has_delete_permission(request, obj)

    def revert_disabled(self, request, obj=None):
        return _role(request) != roles.PROGRAMME_MANAGER

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if _is_translator(request):
            editable = translated_field_names(self.model) | {"seen_version"}
            form_fields = [
                f.name for f in self.model._meta.get_fields() if getattr(f, "editable", False)
            ]
            readonly += [
                name for name in form_fields if name not in editable and hasattr(self.model, name)
            ]
        elif (
            isinstance(obj, Publishable)
            and not can_publish(request.user, obj)
            and obj.publication in (Publication.PUBLISHED, Publication.ARCHIVED)
        ):
            readonly.append("publication")
        return list(dict.fromkeys(readonly))

    def get_prepopulated_fields(self, request, obj=None):
        return {} if _is_translator(request) else super().get_prepopulated_fields(request, obj)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "publication" and not can_publish(request.user, self.model):
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
        if _is_editor(request) and self.scope_field:
            countries = set(roles.editor_countries(request.user))
            field_name = self.scope_field

            class ScopedForm(form):
                def clean(self):
                    cleaned = super().clean()
                    chosen = cleaned.get(field_name)
                    chosen = set(chosen) if hasattr(chosen, "__iter__") else {chosen}
                    if field_name in cleaned and not (chosen & countries):
                        self.add_error(
                            field_name,
                            _("Link the record to at least one of your countries: %(countries)s.")
                            % {"countries": ", ".join(str(c) for c in countries)},
                        )
                    return cleaned

            return ScopedForm
        return form

    def save_model(self, request, obj, form, change):
        published_now = (
            "publication" in form.changed_data and obj.publication == Publication.PUBLISHED
        )
        if isinstance(obj, Publishable) and published_now:
            stamp_published(obj, by=request.user)
        super().save_model(request, obj, form, change)

    # Publication actions -----------------------------------------------------
    def get_actions(self, request):
        actions = super().get_actions(request)
        if not issubclass(self.model, Publishable) or _is_translator(request):
            return actions
        permitted = [send_to_review]
        if can_publish(request.user, self.model):
            permitted += [publish, unpublish, archive]
        for action in permitted:
            actions[action.__name__] = (action, action.__name__, action.short_description)
        return actions

    def change_publication(self, request, queryset, state):
        done = 0
        for record in queryset:
            try:
                change_publication(record, to=state, by=request.user)
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


class RoleInlineMixin:
    """Inlines follow the same rule: a translator changes their text, nothing else."""

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if _is_translator(request):
            editable = translated_field_names(self.model)
            readonly += [
                f.name
                for f in self.model._meta.get_fields()
                if getattr(f, "editable", False) and f.name not in editable and not f.auto_created
            ]
        return list(dict.fromkeys(readonly))
