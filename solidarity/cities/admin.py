from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from solidarity.cities.models import City, Declaration, DeclarationCommitment, Neighbourhood


class NeighbourhoodInline(TranslationTabularInline):
    model = Neighbourhood
    extra = 0


@admin.register(City)
class CityAdmin(TranslationAdmin):
    list_display = ("name", "slug", "province", "timezone")
    inlines = [NeighbourhoodInline]


class CommitmentInline(TranslationTabularInline):
    model = DeclarationCommitment
    extra = 0
    max_num = 5


@admin.register(Declaration)
class DeclarationAdmin(TranslationAdmin):
    list_display = ("city", "version", "title", "is_published", "published_on")
    list_filter = ("city", "is_published")
    inlines = [CommitmentInline]
    save_as = True  # "Save as new" is how organizers start the next version
