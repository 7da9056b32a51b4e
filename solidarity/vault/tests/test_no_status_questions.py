"""We never ask about immigration status, directly or by proxy. This scans every model field,
every form field and the API schema of every installed app, and fails on any question about
citizenship, nationality, visas, permits, passports, SIN, immigration status, country of birth or
health-card numbers. Attributes of a *service* ("no health card needed") are allowed: a phrase
with a negation describes what is not asked."""

import importlib
import pkgutil
import re
from collections.abc import Iterator

import pytest
from django import forms
from django.apps import apps
from django.db import models

import solidarity

FORBIDDEN = re.compile(
    r"\b(citizen(ship)?s?|nationalit(y|ies)|visas?|permits?|passports?|sin|social insurance"
    r"|immigration status(es)?|status in canada|legal status|residency status|permanent residen\w*"
    r"|country of (birth|origin)|place of birth|birth ?place|birth country|health[ -]?card numbers?"
    r"|health insurance numbers?|ramq|ohip numbers?|refugee claim\w*|asylum|deport\w* order)\b",
    re.IGNORECASE,
)
NEGATION = re.compile(
    r"\b(no|never|not|without|regardless|nor|don't|doesn't|won't|whatever|any)\b", re.IGNORECASE
)


def offending(text: object) -> bool:
    """True for a phrase that names a status proxy without saying it is not asked."""
    phrase = re.sub(r"[_\-.]+", " ", str(text or "")).strip()
    return bool(FORBIDDEN.search(phrase)) and not NEGATION.search(phrase)


def choice_texts(choices: object) -> Iterator[str]:
    for value, label in choices or []:  # type: ignore[attr-defined]
        if isinstance(label, list | tuple):
            yield from choice_texts(label)
        else:
            yield str(value)
            yield str(label)


def model_texts() -> Iterator[tuple[str, str]]:
    for model in apps.get_models():
        yield model._meta.label, str(model._meta.model_name)
        for field in model._meta.get_fields():
            where = f"{model._meta.label}.{field.name}"
            yield where, field.name
            if isinstance(field, models.Field):
                yield where, str(field.verbose_name)
                yield where, str(field.help_text)
                for text in choice_texts(field.choices):
                    yield where, text


def import_every_module() -> None:
    for info in pkgutil.walk_packages(solidarity.__path__, "solidarity."):
        if ".tests" in info.name or ".migrations" in info.name:
            continue
        importlib.import_module(info.name)


def form_classes(base: type = forms.BaseForm) -> Iterator[type]:
    for subclass in base.__subclasses__():
        yield subclass
        yield from form_classes(subclass)


def form_texts() -> Iterator[tuple[str, str]]:
    import_every_module()
    for form_class in set(form_classes()):
        if not form_class.__module__.startswith("solidarity.") or ".tests" in form_class.__module__:
            continue
        for name, field in getattr(form_class, "base_fields", {}).items():
            where = f"{form_class.__module__}.{form_class.__name__}.{name}"
            yield where, name
            yield where, str(field.label or "")
            yield where, str(field.help_text or "")
            if not isinstance(field, forms.ModelChoiceField):  # database rows, not questions
                for text in choice_texts(getattr(field, "choices", None)):
                    yield where, text


def schema_texts(node: object, where: str = "api") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield where, str(key)
            yield from schema_texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for item in node:
            yield from schema_texts(item, where)
    elif isinstance(node, str) and where.rsplit(".", 1)[-1] in {
        "title",
        "description",
        "summary",
        "name",
        "enum",
    }:
        yield where, node


def api_schema() -> dict:
    from solidarity.api.api import api

    return api.get_openapi_schema()


def problems(texts: Iterator[tuple[str, str]]) -> list[str]:
    return sorted({f"{where}: {text!r}" for where, text in texts if offending(text)})


def test_no_model_field_asks_about_status(db):
    assert problems(model_texts()) == []


def test_no_form_field_asks_about_status(db):
    assert problems(form_texts()) == []


def test_the_api_schema_asks_nothing_about_status(db):
    schema = api_schema()
    assert schema["paths"], "the API schema should not be empty"

    assert problems(schema_texts(schema)) == []


def test_the_scan_covers_every_app_and_many_forms(db):
    scanned_models = {where.split(".")[0] for where, _text in model_texts()}
    scanned_forms = {where.rsplit(".", 2)[0] for where, _text in form_texts()}

    assert {"accounts", "vault", "endorsements", "directory"} <= scanned_models
    assert "solidarity.accounts.forms" in scanned_forms
    assert len(scanned_forms) >= 3


@pytest.mark.parametrize(
    "text",
    [
        "nationality",
        "Country of birth",
        "health_card_number",
        "Your immigration status",
        "Work permit number",
        "SIN",
        "Do you have a passport?",
        "citizenship",
    ],
)
def test_the_scan_catches_status_questions(text):
    assert offending(text)


@pytest.mark.parametrize(
    "text",
    [
        "No health card needed",
        "Never ask about immigration status",
        "No fees based on immigration status",
        "no_id_required",
        "Service available without a health card number",
        "Name",
        "Languages spoken",
        "since",
        "Single",
    ],
)
def test_the_scan_allows_service_attributes_and_ordinary_words(text):
    assert not offending(text)


def test_the_scan_finds_a_status_question_in_a_form(db):
    class Questionnaire(forms.Form):
        nationality = forms.CharField(label="Nationality")

    Questionnaire.__module__ = "solidarity.example.forms"
    try:
        assert "solidarity.example.forms.Questionnaire.nationality: 'Nationality'" in problems(
            form_texts()
        )
    finally:
        Questionnaire.__module__ = "solidarity.vault.tests.gone"
