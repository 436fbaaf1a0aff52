"""The three staff roles, as Django groups, and what each may do.

The groups are created by migration 0002 and kept in step by `sync_roles`; the README
describes them for staff.
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

CONTENT_MODELS = [
    "projects.country",
    "projects.thematicarea",
    "projects.project",
    "projects.projectlink",
    "projects.agreement",
    "projects.result",
    "partners.organisation",
    "partners.partnership",
    "partners.contact",
    "activities.activity",
    "activities.event",
    "documents.document",
]
PUBLISHABLE_MODELS = [
    "projects.project",
    "projects.agreement",
    "projects.result",
    "partners.organisation",
    "activities.activity",
    "documents.document",
]
# What a ministry editor edits, always within their countries.
EDITOR_MODELS = [
    "projects.project",
    "projects.projectlink",
    "projects.agreement",
    "projects.result",
    "partners.partnership",
    "partners.contact",
    "activities.activity",
    "activities.event",
    "documents.document",
]
# What a ministry editor only looks up (to link records to).
EDITOR_LOOKUPS = ["projects.country", "projects.thematicarea", "partners.organisation"]


def _crud(label, actions=("add", "change", "delete", "view")):
    app_label, model = label.split(".")
    return [f"{app_label}.{action}_{model}" for action in actions]


def role_permissions():
    """{group name: ["app_label.codename", ...]}"""
    manager = [perm for label in CONTENT_MODELS for perm in _crud(label)]
    manager += [
        f"{label.split('.')[0]}.publish_{label.split('.')[1]}" for label in PUBLISHABLE_MODELS
    ]
    manager += (
        _crud("auth.user") + _crud("auth.group", ("view",)) + _crud("backoffice.staffprofile")
    )
    editor = [perm for label in EDITOR_MODELS for perm in _crud(label)]
    editor += [perm for label in EDITOR_LOOKUPS for perm in _crud(label, ("view",))]
    translator = [perm for label in CONTENT_MODELS for perm in _crud(label, ("view", "change"))]
    return {PROGRAMME_MANAGER: manager, MINISTRY_EDITOR: editor, TRANSLATOR: translator}


def sync_roles(apps=None):
    """Create the three groups with exactly their permissions."""
    from django.apps import apps as global_apps

    apps = apps or global_apps
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in role_permissions().items():
        group, _created = Group.objects.get_or_create(name=name)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(wanted)


def role_of(user):
    """The user's role name, the most powerful first; superusers count as programme managers."""
    if user.is_superuser:
        return PROGRAMME_MANAGER
    names = {group.name for group in user.groups.all()}
    for role in (PROGRAMME_MANAGER, MINISTRY_EDITOR, TRANSLATOR):
        if role in names:
            return role
    return None


def editor_countries(user):
    """The countries a ministry editor is bound to (none for other roles)."""
    profile = getattr(user, "staff_profile", None)
    return list(profile.countries.all()) if profile else []
