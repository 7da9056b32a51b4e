"""Seed text of the toolkit: one module per language, {commitment key: {field: Markdown}}.

Organizers edit the pages in the admin afterwards; migration 0002 loads this starting point on
every deployment.
"""

from solidarity.campaign.toolkit_content import ar, en, es, fr

PAGES = {"en": en.PAGES, "fr": fr.PAGES, "es": es.PAGES, "ar": ar.PAGES}

FIELDS = ("title", "summary", "model_policy", "staff_checklist", "guidance")
ORDER = ("never_ask", "confidential", "no_fees", "no_border_agency", "equal_standards")


def seed_toolkit(model: type) -> int:
    """Creates the missing toolkit pages (used by a data migration, so with a historical model);
    pages organizers already have are left alone."""
    created = 0
    for position, commitment in enumerate(ORDER):
        values = {
            f"{field}_{lang}": PAGES[lang][commitment][field] for lang in PAGES for field in FIELDS
        }
        values.update({field: PAGES["en"][commitment][field] for field in FIELDS})
        _page, was_created = model.objects.get_or_create(  # type: ignore[attr-defined]
            commitment=commitment, defaults={"position": position, **values}
        )
        created += int(was_created)
    return created
