from django.db import models


class ContentGeneration(models.Model):
    """How many times one kind of public content has changed. Part of every cached page's key,
    bumped in the same transaction as the change, so every app node and worker stops serving the
    old page the moment the change commits, whatever the cache backend."""

    scope = models.CharField(max_length=40, primary_key=True)
    value = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.scope}: {self.value}"
