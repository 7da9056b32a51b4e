from modeltranslation.translator import TranslationOptions, register

from solidarity.campaign.models import Action, ToolkitPage


@register(ToolkitPage)
class ToolkitPageTranslation(TranslationOptions):
    fields = ("title", "summary", "model_policy", "staff_checklist", "guidance")


@register(Action)
class ActionTranslation(TranslationOptions):
    fields = ("title", "description", "place")
