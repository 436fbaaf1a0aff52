from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from projects.exports import register_exports

        register_exports()
        from projects.models import Project, Result
        from search import index

        index.register(
            Project,
            kind="project",
            label=_("Project"),
            plural=_("Projects"),
            title="title",
            summary="summary",
            texts=("acronym", "aliases", "context", "objective", "approach", "approach_steps"),
            # Their addresses and their visibility follow the project's.
            dependents=("results", "activities"),
        )
        index.register(
            Result,
            kind="result",
            label=_("Result"),
            plural=_("Results"),
            title="title",
            summary="description",
            texts=("place",),
        )
