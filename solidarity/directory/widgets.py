"""Widgets of the search form that render in Python.

Django renders every `<option>`, checkbox and input through templates, and builds a dict per
option: the search form's hundred or so options and its inputs cost about a third of a search
page's time (measured at 60,000 services). These render the same HTML directly from the
field's choices; escaping is `format_html`'s, attributes are `flatatt`'s.
"""

import functools
from collections.abc import Iterable
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

SELECTED = mark_safe(" selected")


def options_html(choices: Iterable[tuple[Any, Any]], chosen: set[str]) -> SafeString:
    rows = ((value, SELECTED if str(value) in chosen else "", label) for value, label in choices)
    return format_html_join("", '<option value="{}"{}>{}</option>', rows)


Choices = tuple[tuple[str, "str | Choices"], ...]


def frozen(choices: Iterable[tuple[Any, Any]]) -> Choices:
    """The choices as a hashable key, labels translated (optgroups nested)."""
    return tuple(
        (str(value), frozen(label) if isinstance(label, list | tuple) else str(label))
        for value, label in choices
    )


@functools.lru_cache(maxsize=256)
def unselected_html(choices: Choices) -> str:
    """The options of a select, none selected: the same for every visitor, so built once per
    process and language (the search form's selects cost ~2 ms a page to build)."""
    parts = []
    for value, label in choices:
        if isinstance(label, tuple):  # an optgroup: (group name, ((value, label), ...))
            inner = options_html(label, set())
            parts.append(format_html('<optgroup label="{}">{}</optgroup>', value, inner))
        else:
            parts.append(options_html([(value, label)], set()))
    return "".join(parts)


class FastSelect(forms.Select):
    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        options = unselected_html(frozen(self.choices))
        for chosen in dict.fromkeys(self.format_value(value)):
            option = format_html('<option value="{}"', chosen)
            options = options.replace(f"{option}>", f"{option}{SELECTED}>", 1)
        return format_html("<select{}>{}</select>", flatatt(final_attrs), mark_safe(options))  # noqa: S308 - escaped above


class FastCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes, each in its `<label class="choice">`, for a fieldset the template draws."""

    renders_choices = True

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        base = self.build_attrs(self.attrs, attrs)
        id_ = base.pop("id", "") or f"id_{name}"
        chosen = set(self.format_value(value))
        checked = mark_safe(" checked")
        rows = [
            (f"{id_}_{index}", name, option, checked if str(option) in chosen else "", label)
            for index, (option, label) in enumerate(self.choices)
        ]
        row = '<label class="choice"><input type="checkbox" id="{}" name="{}" value="{}"{}> {}</label>'  # noqa: E501
        return format_html_join("\n", row, rows)


class FastInputMixin:
    """`<input type name value attrs>` as Django's input template writes it."""

    input_type: str

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        context = self.get_context(name, value, attrs)  # type: ignore[attr-defined]
        widget = context["widget"]
        shown = widget["value"]
        value_attr = format_html(' value="{}"', shown) if shown is not None else ""
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            widget["type"],
            widget["name"],
            value_attr,
            flatatt(widget["attrs"]),
        )


class FastTextInput(FastInputMixin, forms.TextInput):
    pass


class FastHiddenInput(FastInputMixin, forms.HiddenInput):
    pass


class FastCheckbox(FastInputMixin, forms.CheckboxInput):
    pass
