from django import template
from django.utils.safestring import SafeString

from solidarity.campaign.markup import render_markdown
from solidarity.campaign.pdf import text_direction

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    return render_markdown(text or "")


@register.filter
def direction(text: object) -> str:
    return text_direction(str(text))
