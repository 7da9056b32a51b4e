from modeltranslation.translator import TranslationOptions, register

from solidarity.directory.models import Organization


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("description",)
