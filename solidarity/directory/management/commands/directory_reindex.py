from typing import Any

from django.core.management.base import BaseCommand

from solidarity.directory.models import Service
from solidarity.directory.search import index

# SQLite refuses the prefetch queries of 2,000 services ("Expression tree is too large").
CHUNK = 500


class Command(BaseCommand):
    help = "Rebuild the directory's search index (after editing taxonomy names or synonyms)."

    def handle(self, *args: Any, **options: Any) -> None:
        ids = list(Service.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), CHUNK):
            index.reindex(ids[start : start + CHUNK])
        self.stdout.write(f"{len(ids)} services indexed.")
