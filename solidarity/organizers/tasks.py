"""The purge as a django-tasks task, for a scheduler (cron, systemd timer) to enqueue daily."""

from django_tasks import task

from solidarity.organizers.purge import purge_all


@task()
def purge() -> dict[str, dict[str, int]]:
    return purge_all()
