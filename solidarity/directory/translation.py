from modeltranslation.translator import TranslationOptions, register

from solidarity.directory.models import (
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("description",)


@register(Taxonomy)
class TaxonomyTranslation(TranslationOptions):
    fields = ("name", "description")


@register(TaxonomyTerm)
class TaxonomyTermTranslation(TranslationOptions):
    fields = ("name", "description", "synonyms")


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = (
        "name",
        "alternate_name",
        "description",
        "eligibility_description",
        "application_process",
        "fees_description",
        "interpretation_services",
        "alert",
    )


@register(Location)
class LocationTranslation(TranslationOptions):
    fields = ("name", "description", "transportation", "accessibility")


@register(ServiceAtLocation)
class ServiceAtLocationTranslation(TranslationOptions):
    fields = ("description",)


@register(Phone)
class PhoneTranslation(TranslationOptions):
    fields = ("description",)


@register(Schedule)
class ScheduleTranslation(TranslationOptions):
    fields = ("description",)
