"""Forms of the public directory: the search (GET) and the "outdated information" report."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.cache import cache
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from solidarity.cities.models import City, Neighbourhood
from solidarity.directory import selectors
from solidarity.directory.models import OutdatedReport
from solidarity.directory.selectors import Near, Order, SearchQuery
from solidarity.directory.widgets import (
    FastCheckbox,
    FastCheckboxes,
    FastHiddenInput,
    FastSelect,
    FastTextInput,
)
from solidarity.lib.antiabuse import HoneypotFormMixin


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("What do you need?"),
        required=False,
        max_length=200,
        help_text=_(
            "For example: doctor, food bank, school, lawyer. Nothing you type is recorded."
        ),
        widget=FastTextInput(attrs={"type": "search"}),
    )
    city = forms.ChoiceField(label=_("City"), required=False, widget=FastSelect)
    neighbourhood = forms.ChoiceField(label=_("Neighbourhood"), required=False, widget=FastSelect)
    category = forms.ChoiceField(label=_("Kind of help"), required=False, widget=FastSelect)
    language = forms.ChoiceField(label=_("Language spoken"), required=False, widget=FastSelect)
    attributes = forms.MultipleChoiceField(
        label=_("Only services that are"), required=False, widget=FastCheckboxes
    )
    open_now = forms.BooleanField(label=_("Open now"), required=False, widget=FastCheckbox)
    # Labelled for the error summary, where a bad position is named (the inputs are hidden).
    lat = forms.FloatField(
        label=_("Search near me"),
        required=False,
        widget=FastHiddenInput,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    lon = forms.FloatField(
        label=_("Search near me"),
        required=False,
        widget=FastHiddenInput,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    order = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[(Order.RELEVANCE, _("Best match")), (Order.DISTANCE, _("Nearest first"))],
        widget=FastSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = cached(category_choices)
        self.fields["category"].choices = [("", _("All kinds of help")), *choices]  # type: ignore[attr-defined]
        self.fields["attributes"].choices = cached(attribute_choices)  # type: ignore[attr-defined]
        self.fields["language"].choices = [("", _("Any language")), *language_choices()]  # type: ignore[attr-defined]
        choices = cached(city_choices)
        self.fields["city"].choices = [("", _("All cities")), *choices]  # type: ignore[attr-defined]
        choices = cached(neighbourhood_choices)
        self.fields["neighbourhood"].choices = [("", _("Anywhere")), *choices]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (data.get("lat") is None) != (data.get("lon") is None):
            raise forms.ValidationError(_("Your position was incomplete. Please try again."))
        return data

    def to_query(self) -> SearchQuery:
        data = self.cleaned_data
        near = None
        if data.get("lat") is not None and data.get("lon") is not None:
            near = Near(round(data["lat"], 2), round(data["lon"], 2))
        return SearchQuery(
            query=data.get("q", ""),
            city=city_from(data.get("city", "")),
            category=data.get("category", ""),
            language=data.get("language", ""),
            attributes=tuple(data.get("attributes") or ()),
            open_now=bool(data.get("open_now")),
            near=near,
            neighbourhood=neighbourhood_from(data.get("neighbourhood", "")),
            order=data.get("order") or (Order.DISTANCE if near else Order.RELEVANCE),
        )


CHOICES_TIMEOUT = 300


def cached(read: Callable[[], list[tuple[str, Any]]]) -> list[tuple[str, Any]]:
    """The choices of a filter, per language, read from the database at most every
    CHOICES_TIMEOUT seconds: taxonomy and neighbourhoods change rarely, and reading them on
    every search cost a third of an unfiltered search page."""
    key = f"directory:choices:{read.__name__}:{get_language()}"
    return list(cache.get_or_set(key, read, timeout=CHOICES_TIMEOUT) or [])


def attribute_choices() -> list[tuple[str, Any]]:
    return [(term.code, term.name) for term in selectors.service_attributes()]


def category_choices() -> list[tuple[str, Any]]:
    choices: list[tuple[str, Any]] = []
    for term in selectors.categories():
        label = term.name if term.parent is None else f"— {term.name}"
        choices.append((term.code, label))
    return choices


def language_choices() -> list[tuple[str, str]]:
    from solidarity.directory.services import language_name

    return [(code, language_name(code)) for code in selectors.spoken_languages()]


def city_choices() -> list[tuple[str, Any]]:
    return [(city.slug, str(city.name)) for city in City.objects.all()]


def places() -> dict[str, Any]:
    """Every city by slug and every neighbourhood by "city/slug", cached like the choices
    (querying the chosen one cost ~1 ms a search). One entry for all, read for any choice:
    a cache entry per place would say which places visitors chose lately."""

    def read() -> dict[str, Any]:
        found: dict[str, Any] = {city.slug: city for city in City.objects.all()}
        for hood in Neighbourhood.objects.select_related("city"):
            found[f"{hood.city.slug}/{hood.slug}"] = hood
        return found

    return cache.get_or_set("directory:places", read, timeout=CHOICES_TIMEOUT) or {}


def city_from(slug: str) -> City | None:
    return places().get(slug) if slug and "/" not in slug else None


def neighbourhood_choices() -> list[tuple[str, Any]]:
    hoods = Neighbourhood.objects.select_related("city").order_by("city__position", "name")
    groups: dict[str, list[tuple[str, str]]] = {}
    for hood in hoods:
        groups.setdefault(str(hood.city.name), []).append(
            (f"{hood.city.slug}/{hood.slug}", str(hood.name))
        )
    return list(groups.items())


def neighbourhood_from(value: str) -> Neighbourhood | None:
    return places().get(value) if value and "/" in value else None


class OutdatedReportForm(HoneypotFormMixin, forms.Form):
    problems = forms.MultipleChoiceField(
        label=_("What is wrong?"),
        choices=OutdatedReport.Problem.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one thing that is wrong.")},
    )
