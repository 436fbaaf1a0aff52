import pytest
from django.contrib.auth.models import Group, User

from backoffice.models import StaffProfile
from core import roles
from projects.models import Country

PASSWORD = "a-long-staff-pass-phrase"


def make_staff(username, role, countries=()):
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    StaffProfile.objects.create(user=user).countries.set(Country.objects.filter(code__in=countries))
    return user


@pytest.fixture
def manager(seed):
    return make_staff("manager", roles.PROGRAMME_MANAGER)


@pytest.fixture
def mali_editor(seed):
    return make_staff("mali-editor", roles.MINISTRY_EDITOR, ["ML"])


@pytest.fixture
def translator(seed):
    return make_staff("translator", roles.TRANSLATOR)


def client_for(client, user):
    client.force_login(user)
    return client
