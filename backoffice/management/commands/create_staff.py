import getpass
import os

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from backoffice.models import StaffProfile
from core import roles
from projects.models import Country


class Command(BaseCommand):
    help = "Create a staff account with a role and, for ministry editors, its countries."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--role", required=True, choices=sorted(roles.ROLE_SLUGS))
        parser.add_argument(
            "--country",
            action="append",
            default=[],
            help="ISO code of a country the editor works for; repeat for several.",
        )
        parser.add_argument(
            "--translates-into",
            action="append",
            default=[],
            choices=[code for code, _name in settings.LANGUAGES],
            help="For a translator: a language whose texts they change; repeat for both (default).",
        )
        parser.add_argument(
            "--password-env",
            metavar="VARIABLE",
            help="Read the password from this environment variable instead of asking.",
        )

    def password(self, variable):
        """From the environment variable named, else asked in the terminal."""
        if variable:
            if variable not in os.environ:
                raise CommandError(f"The environment variable {variable} is not set.")
            return os.environ[variable]
        try:
            return getpass.getpass()
        except EOFError:
            raise CommandError(
                "No password given: run the command in a terminal, or use --password-env."
            ) from None

    def handle(self, username, email, role, country, translates_into, password_env, **options):
        group_name = roles.ROLE_SLUGS[role]
        codes = [code.upper() for code in country]
        countries = list(Country.objects.filter(code__in=codes))
        unknown = sorted(set(codes) - {c.code for c in countries})
        if unknown:
            raise CommandError(f"Unknown country code(s): {', '.join(unknown)}")
        if group_name == roles.MINISTRY_EDITOR and not countries:
            raise CommandError("A ministry editor needs at least one --country.")
        if group_name != roles.MINISTRY_EDITOR and countries:
            raise CommandError("Only ministry editors work for countries; leave out --country.")
        if translates_into and group_name != roles.TRANSLATOR:
            raise CommandError("Only translators translate; leave out --translates-into.")
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} exists already.")
        password = self.password(password_env)
        user = User(username=username, email=email, is_staff=True)
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        with transaction.atomic():
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=group_name))
            languages = translates_into or [code for code, _name in settings.LANGUAGES]
            profile = StaffProfile.objects.create(user=user, translates_into=languages)
            profile.countries.set(countries)
        where = f" for {', '.join(c.code for c in countries)}" if countries else ""
        self.stdout.write(self.style.SUCCESS(f"Created {group_name.lower()} {username}{where}."))
