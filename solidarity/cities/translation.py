from modeltranslation.translator import TranslationOptions, register

from solidarity.cities.models import City, Declaration, DeclarationCommitment, Neighbourhood


@register(City)
class CityTranslation(TranslationOptions):
    fields = ("name",)


@register(Neighbourhood)
class NeighbourhoodTranslation(TranslationOptions):
    fields = ("name",)


@register(Declaration)
class DeclarationTranslation(TranslationOptions):
    fields = ("title", "body", "services_intro")


@register(DeclarationCommitment)
class DeclarationCommitmentTranslation(TranslationOptions):
    fields = ("text",)
