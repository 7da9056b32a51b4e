"""Organizers' back office for the directory: per-city review policy, the taxonomy's names and
synonyms (searchable within five minutes of an edit: search/synonyms.py), and listings."""

from typing import Any

from django.contrib import admin

from solidarity.directory.models import (
    CityDirectorySettings,
    OutdatedReport,
    Service,
    Taxonomy,
    TaxonomyTerm,
)
from solidarity.directory.search import index
from solidarity.directory.services import directory_changed


@admin.register(CityDirectorySettings)
class CityDirectorySettingsAdmin(admin.ModelAdmin):
    list_display = ("city", "review_new_listings")


@admin.register(Taxonomy)
class TaxonomyAdmin(admin.ModelAdmin):
    list_display = ("code", "name")


@admin.register(TaxonomyTerm)
class TaxonomyTermAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "taxonomy", "parent")
    list_filter = ("taxonomy",)


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ("name", "organization", "status", "review_status", "last_verified")
    list_filter = ("status", "review_status", "organization__city")
    search_fields = ("name",)
    raw_id_fields = ("organization", "verified_by")
    exclude = ("taxonomy_terms",)

    def save_model(self, request: Any, obj: Service, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        index.reindex([obj.pk])  # keep the search in step, as services.py does
        directory_changed()


@admin.register(OutdatedReport)
class OutdatedReportAdmin(admin.ModelAdmin):
    list_display = ("service", "day", "resolved")
    list_filter = ("resolved",)
    raw_id_fields = ("service",)
