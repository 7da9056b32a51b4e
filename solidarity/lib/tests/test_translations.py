"""Every catalog is complete: no untranslated and no fuzzy message, in every language."""

from pathlib import Path

import polib
import pytest

SOLIDARITY = Path(__file__).resolve().parents[2]
CATALOGS = sorted(SOLIDARITY.glob("**/locale/*/LC_MESSAGES/*.po"))


def test_every_catalog_exists_for_french_spanish_and_arabic():
    domains = {path.parent.parent.parent for path in CATALOGS}
    assert domains, "no translation catalog found"
    for locale_dir in domains:
        for code in ("fr", "es", "ar"):
            assert (locale_dir / code / "LC_MESSAGES" / "django.po").exists(), (locale_dir, code)


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(SOLIDARITY)))
def test_catalog_is_complete(path):
    catalog = polib.pofile(str(path))

    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert untranslated == [], f"untranslated in {path}"
    assert fuzzy == [], f"fuzzy in {path}"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(SOLIDARITY)))
def test_placeholders_survive_translation(path):
    import re

    placeholder = re.compile(r"%\(\w+\)s|\{\w+\}")
    for entry in polib.pofile(str(path)).translated_entries():
        expected = sorted(placeholder.findall(entry.msgid))
        if entry.msgstr_plural:
            for text in entry.msgstr_plural.values():
                assert sorted(set(placeholder.findall(text))) <= sorted(set(expected)) or expected
        else:
            assert sorted(placeholder.findall(entry.msgstr)) == expected, entry.msgid
