from typing import Any

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from solidarity.cities.models import City, Declaration, DeclarationCommitment, Neighbourhood
from solidarity.lib.cache import content_changed


class PublicPagesChangeMixin(admin.ModelAdmin):
    """Cached city and declaration pages are renewed after every change made here."""

    def save_related(self, request: Any, form: Any, formsets: Any, change: Any) -> None:
        super().save_related(request, form, formsets, change)
        content_changed("cities")

    def delete_model(self, request: Any, obj: Any) -> None:
        super().delete_model(request, obj)
        content_changed("cities")

    def delete_queryset(self, request: Any, queryset: Any) -> None:
        super().delete_queryset(request, queryset)
        content_changed("cities")


class NeighbourhoodInline(TranslationTabularInline):
    model = Neighbourhood
    extra = 0


@admin.register(City)
class CityAdmin(PublicPagesChangeMixin, TranslationAdmin):
    list_display = ("name", "slug", "province", "timezone")
    inlines = [NeighbourhoodInline]


class CommitmentInline(TranslationTabularInline):
    model = DeclarationCommitment
    extra = 0
    max_num = 5


@admin.register(Declaration)
class DeclarationAdmin(PublicPagesChangeMixin, TranslationAdmin):
    list_display = ("city", "version", "title", "is_published", "published_on")
    list_filter = ("city", "is_published")
    inlines = [CommitmentInline]
    save_as = True  # "Save as new" is how organizers start the next version
