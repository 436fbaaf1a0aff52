"""The three staff roles, as Django groups, and the permissions each holds.

The groups are created by backoffice migration 0002 and kept in step after every migrate
(`sync_roles`); the README describes them for staff. What a role may do with a given record
(its countries, the publication state) is decided in core/scope.py.
"""

from django.utils.translation import gettext_lazy as _

PROGRAMME_MANAGER = "Programme manager"
MINISTRY_EDITOR = "Ministry editor"
TRANSLATOR = "Translator"

ROLE_LABELS = {
    PROGRAMME_MANAGER: _("Programme manager"),
    MINISTRY_EDITOR: _("Ministry editor"),
    TRANSLATOR: _("Translator"),
}
ROLE_SLUGS = {
    "programme-manager": PROGRAMME_MANAGER,
    "ministry-editor": MINISTRY_EDITOR,
    "translator": TRANSLATOR,
}


def _crud(model, actions=("add", "change", "delete", "view")):
    return [f"{model._meta.app_label}.{action}_{model._meta.model_name}" for action in actions]


def role_permissions(models=None):
    """{group name: ["app_label.codename", ...]}, from the content models' own declarations."""
    from django.apps import apps as global_apps

    from core.apps import content_models
    from core.models import Publishable

    models = content_models() if models is None else models
    user, group = global_apps.get_model("auth.user"), global_apps.get_model("auth.group")
    staff_profile = global_apps.get_model("backoffice.staffprofile")
    manager = [perm for model in models for perm in _crud(model)]
    manager += [
        f"{model._meta.app_label}.publish_{model._meta.model_name}"
        for model in models
        if issubclass(model, Publishable)
    ]
    manager += _crud(user) + _crud(group, ("view",)) + _crud(staff_profile)
    editor = []
    for model in models:
        edits = model.edited_by_ministries and model.country_path
        editor += _crud(model) if edits else _crud(model, ("view",))
    translator = [perm for model in models for perm in _crud(model, ("view", "change"))]
    return {PROGRAMME_MANAGER: manager, MINISTRY_EDITOR: editor, TRANSLATOR: translator}


def sync_roles(apps=None):
    """Create the three groups with exactly their permissions."""
    from django.apps import apps as global_apps

    historical = apps or global_apps
    Group = historical.get_model("auth", "Group")
    Permission = historical.get_model("auth", "Permission")
    for name, perms in role_permissions().items():
        group, _created = Group.objects.get_or_create(name=name)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            found = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            # Inside a migration, a model added by a later one has no permission yet: the
            # sync after `migrate` grants it.
            if found is None and apps is None:
                raise LookupError(f"No permission {perm}")
            if found is not None:
                wanted.append(found)
        group.permissions.set(wanted)


def role_of(user):
    """The user's role name, the most powerful first; superusers count as programme managers.

    Kept on the user object for the rest of the request.
    """
    if not user.is_authenticated or not user.is_active:
        return None
    if not hasattr(user, "_acss_role"):
        if user.is_superuser:
            user._acss_role = PROGRAMME_MANAGER
        else:
            names = {group.name for group in user.groups.all()}
            order = (PROGRAMME_MANAGER, MINISTRY_EDITOR, TRANSLATOR)
            user._acss_role = next((role for role in order if role in names), None)
    return user._acss_role
