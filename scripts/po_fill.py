#!/usr/bin/env python
"""Fill translation catalogs from a JSON file {msgid: {"fr": ..., "es": ..., "ar": ...}}.

Usage: scripts/po_fill.py translations.json solidarity/<app>/locale [more locale dirs]
Only untranslated or fuzzy entries are filled; the fuzzy flag is removed when filled.
Prints what is still missing.
"""

import json
import sys
from pathlib import Path

import polib


def main() -> int:
    table = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    missing = 0
    for locale_dir in map(Path, sys.argv[2:]):
        for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/django.po")):
            lang = po_path.parent.parent.name
            catalog = polib.pofile(str(po_path))
            for entry in catalog:
                if entry.obsolete or (entry.translated() and "fuzzy" not in entry.flags):
                    continue
                text = table.get(entry.msgid, {}).get(lang)
                if text is None:
                    missing += 1
                    print(f"missing {lang}: {entry.msgid!r} in {po_path}")
                    continue
                if entry.msgid_plural:
                    forms = text if isinstance(text, list) else [text]
                    count = max(len(entry.msgstr_plural), len(forms))
                    entry.msgstr_plural = {i: forms[min(i, len(forms) - 1)] for i in range(count)}
                else:
                    entry.msgstr = text
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
            catalog.save()
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
