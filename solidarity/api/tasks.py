"""The scheduled export, as a django-tasks task, for deployments that run a task worker."""

from django_tasks import task

from solidarity.api.services import hsds_export


@task()
def regenerate_open_data() -> dict[str, int]:
    return hsds_export()
