"""The search form's fields, written in Python.

The search page is the busiest page of the site, and rendering its nine fields through a field
template (label, widget, help text, errors, each a template include) was about half of the
page's template time at 60,000 services. `search_field` writes the same markup the template did:
the field's `<div class="field">`, its label (or a fieldset and legend for checkboxes), the
widget, the help text and the errors, each value escaped by `format_html`.
"""

from django import forms, template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def search_field(field: forms.BoundField) -> SafeString:
    if field.is_hidden:
        return SafeString(str(field))
    widget = field.field.widget
    if getattr(widget, "allow_multiple_selected", False) and widget.input_type == "checkbox":
        body = choices_html(field)
    elif getattr(widget, "input_type", None) == "checkbox":
        body = format_html('<label class="choice">{} {}</label>', str(field), field.label)
    else:
        body = format_html("{}\n{}", label_html(field), str(field))
    css = "field has-error" if field.errors else "field"
    return format_html(
        '<div class="{}">\n{}\n{}\n{}\n</div>', css, body, help_html(field), errors_html(field)
    )


def label_html(field: forms.BoundField) -> SafeString:
    """What `BoundField.label_tag()` writes, without its template: the label with the form's
    suffix (":" in English, " :" in French) unless it ends with punctuation."""
    label = str(field.label)
    suffix = field.form.label_suffix
    if suffix and label and label[-1] not in _(":?.!"):
        label += str(suffix)
    return format_html('<label for="{}">{}</label>', field.id_for_label, label)


def choices_html(field: forms.BoundField) -> SafeString:
    described = described_by(field)
    return format_html(
        '<fieldset id="{}"{}>\n<legend>{}</legend>\n{}\n</fieldset>',
        field.auto_id,
        format_html(' aria-describedby="{}"', described) if described else "",
        field.label,
        str(field),
    )


def described_by(field: forms.BoundField) -> str:
    ids = [f"{field.auto_id}_helptext"] if field.help_text else []
    ids += [f"{field.auto_id}-errors"] if field.errors else []
    return " ".join(ids)


def help_html(field: forms.BoundField) -> SafeString:
    if not field.help_text:
        return mark_safe("")
    return format_html('<p class="help" id="{}_helptext">{}</p>', field.auto_id, field.help_text)


def errors_html(field: forms.BoundField) -> SafeString:
    if not field.errors:
        return mark_safe("")
    items = format_html_join("", "<li>{}</li>", ((error,) for error in field.errors))
    return format_html('<ul class="errorlist" id="{}-errors">{}</ul>', field.auto_id, items)
