"""The three staff roles as Django groups with their permissions (see core/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    from core.roles import sync_roles

    sync_roles(apps)


def remove_roles(apps, schema_editor):
    from core.roles import role_permissions

    apps.get_model("auth", "Group").objects.filter(name__in=list(role_permissions())).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("backoffice", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("projects", "0003_publication_history"),
        ("partners", "0003_publication_history"),
        ("activities", "0004_publication_history"),
        ("documents", "0002_publication_history"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
