"""Public forms (volunteer, contact) and the options of posters and pocket guides.

No field asks about immigration status or any proxy of it (citizenship, nationality, papers).
"""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from solidarity.campaign.models import ContactMessage, SpokenLanguage, Volunteer, WayToHelp
from solidarity.campaign.services import VolunteerDetails
from solidarity.cities.models import City
from solidarity.lib.antiabuse import HoneypotFormMixin
from solidarity.lib.pow import ProofOfWorkFormMixin

NOT_ABOUT_STATUS = _(
    "Please do not tell us about anyone's immigration status, including your own: we never need it."
)


class AccessibleFormMixin(forms.Form):
    """Marks invalid fields with aria-invalid and links every field to its help and errors."""

    def full_clean(self) -> None:
        super().full_clean()
        for name, field in self.fields.items():
            described = [f"{name}-help"] if field.help_text else []
            if name in self.errors:
                field.widget.attrs["aria-invalid"] = "true"
                described.append(f"{name}-errors")
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)


class VolunteerForm(AccessibleFormMixin, ProofOfWorkFormMixin, HoneypotFormMixin, forms.Form):
    name = forms.CharField(label=_("Name or alias"), max_length=100)
    contact = forms.CharField(
        label=_("How can we reach you?"),
        max_length=200,
        help_text=_("An e-mail address, a phone number, Signal… whatever is safe for you."),
    )
    city: forms.ModelChoiceField[City] = forms.ModelChoiceField(
        label=_("City"), queryset=City.objects.all(), empty_label=None
    )
    ways_to_help = forms.MultipleChoiceField(
        label=_("How would you like to help?"),
        choices=WayToHelp.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you can help in"),
        choices=SpokenLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    availability = forms.CharField(
        label=_("When are you available?"),
        max_length=300,
        required=False,
        help_text=_("For example: weekday evenings, two Saturdays a month."),
    )
    notes = forms.CharField(
        label=_("Anything else we should know?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=NOT_ABOUT_STATUS,
    )

    def details(self) -> VolunteerDetails:
        data = self.cleaned_data
        return VolunteerDetails(
            name=data["name"],
            contact=data["contact"],
            availability=data["availability"],
            notes=data["notes"],
        )


class ContactForm(AccessibleFormMixin, ProofOfWorkFormMixin, HoneypotFormMixin, forms.Form):
    name = forms.CharField(label=_("Your name or your group's name"), max_length=150)
    reply_to = forms.CharField(
        label=_("How can we answer you?"),
        max_length=200,
        help_text=_("An e-mail address or a phone number."),
    )
    city: forms.ModelChoiceField[City] = forms.ModelChoiceField(
        label=_("City"),
        queryset=City.objects.all(),
        required=False,
        empty_label=_("Any city / not sure"),
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=ContactMessage.Topic.choices)
    message = forms.CharField(
        label=_("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=NOT_ABOUT_STATUS,
    )


class VolunteerFilterForm(forms.Form):
    city = forms.SlugField(label=_("City"), required=False, max_length=50)
    way = forms.ChoiceField(
        label=_("Way to help"), choices=[("", _("All")), *WayToHelp.choices], required=False
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All")), *SpokenLanguage.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *Volunteer.Status.choices], required=False
    )


class PaperSize:
    CHOICES = [
        ("a4", _("A4")),
        ("letter", _("Letter")),
        ("tabloid", _("Tabloid (11 × 17 in)")),  # noqa: RUF001 - a real multiplication sign
    ]


def site_language_choices() -> list[tuple[str, Any]]:
    return list(settings.LANGUAGES)


class PosterForm(forms.Form):
    """GET options of a poster; the order of the languages ticked is the order printed."""

    size = forms.ChoiceField(label=_("Paper size"), choices=PaperSize.CHOICES, initial="letter")
    languages = forms.MultipleChoiceField(
        label=_("Languages on the poster"),
        choices=site_language_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick one or more; they are printed in the order of this list."),
    )

    def ordered_languages(self) -> list[str]:
        chosen = set(self.cleaned_data["languages"])
        return [code for code, _name in settings.LANGUAGES if code in chosen]


def category_choices() -> list[tuple[str, Any]]:
    from solidarity.directory.selectors import categories

    top = categories().filter(parent__isnull=True).order_by("position", "code")
    return [("", _("Every category")), *((term.code, term.name) for term in top)]


def spoken_language_choices() -> list[tuple[str, Any]]:
    from django.utils.translation import get_language_info

    from solidarity.directory.selectors import spoken_languages

    choices: list[tuple[str, Any]] = [("", _("Every language"))]
    for code in spoken_languages():
        try:
            choices.append((code, get_language_info(code)["name_translated"]))
        except KeyError:
            choices.append((code, code))
    return choices


class PocketGuideForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=category_choices, required=False)
    language = forms.ChoiceField(
        label=_("Services in this language"), choices=spoken_language_choices, required=False
    )
