"""Demo cities, neighbourhoods and declarations (deterministic)."""

import datetime
from typing import Any

from solidarity.cities import demo_text
from solidarity.cities.models import (
    City,
    Commitment,
    Declaration,
    DeclarationCommitment,
    Neighbourhood,
)

CITIES: list[dict[str, Any]] = [
    {
        "slug": "montreal",
        "name": {"en": "Montreal", "fr": "Montréal", "es": "Montreal", "ar": "مونتريال"},
        "province": "QC",
        "timezone": "America/Toronto",
        "default_languages": "fr,en",
        "at": (45.5019, -73.5674),
        "neighbourhoods": [
            ("cote-des-neiges", "Côte-des-Neiges", (45.4966, -73.6216), "H3S H3T H3V H3W"),
            ("parc-extension", "Parc-Extension", (45.5308, -73.6367), "H3N"),
            ("saint-michel", "Saint-Michel", (45.5642, -73.6096), "H1Z H2A"),
            ("montreal-nord", "Montréal-Nord", (45.5934, -73.6335), "H1G H1H"),
            ("centre-sud", "Centre-Sud", (45.5210, -73.5560), "H2K H2L"),
            ("plateau", "Plateau-Mont-Royal", (45.5247, -73.5816), "H2J H2T H2W"),
        ],
    },
    {
        "slug": "toronto",
        "name": {"en": "Toronto", "fr": "Toronto", "es": "Toronto", "ar": "تورونتو"},
        "province": "ON",
        "timezone": "America/Toronto",
        "default_languages": "en,fr",
        "at": (43.6532, -79.3832),
        "neighbourhoods": [
            ("parkdale", "Parkdale", (43.6400, -79.4370), "M6K M6R"),
            ("kensington", "Kensington Market", (43.6547, -79.4005), "M5T"),
            ("jane-finch", "Jane and Finch", (43.7583, -79.5197), "M3N M3J"),
            ("thorncliffe", "Thorncliffe Park", (43.7053, -79.3468), "M4H"),
            ("regent-park", "Regent Park", (43.6596, -79.3601), "M5A"),
            ("scarborough", "Scarborough Centre", (43.7764, -79.2578), "M1P M1H"),
        ],
    },
    {
        "slug": "vancouver",
        "name": {"en": "Vancouver", "fr": "Vancouver", "es": "Vancouver", "ar": "فانكوفر"},
        "province": "BC",
        "timezone": "America/Vancouver",
        "default_languages": "en,fr",
        "at": (49.2827, -123.1207),
        "neighbourhoods": [
            ("downtown-eastside", "Downtown Eastside", (49.2813, -123.0990), "V6A"),
            ("mount-pleasant", "Mount Pleasant", (49.2636, -123.1003), "V5T V5V"),
            ("grandview", "Grandview-Woodland", (49.2760, -123.0677), "V5L V5N"),
            ("strathcona", "Strathcona", (49.2777, -123.0880), "V6A"),
            ("kensington-cedar", "Kensington-Cedar Cottage", (49.2477, -123.0745), "V5N V5P"),
        ],
    },
]


def _translated(field: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{code}": text for code, text in values.items()}


def load(**options: Any) -> None:
    for position, spec in enumerate(CITIES):
        city = City.objects.create(
            slug=spec["slug"],
            province=spec["province"],
            timezone=spec["timezone"],
            default_languages=spec["default_languages"],
            latitude=spec["at"][0],
            longitude=spec["at"][1],
            position=position,
            **_translated("name", spec["name"]),
        )
        for slug, name, (lat, lon), prefixes in spec["neighbourhoods"]:
            Neighbourhood.objects.create(
                city=city,
                slug=slug,
                name=name,
                latitude=lat,
                longitude=lon,
                postal_prefixes=prefixes,
            )
        create_declaration(city=city, version=1, published_on=datetime.date(2026, 3, 21))


def create_declaration(*, city: City, version: int, published_on: datetime.date) -> Declaration:
    declaration = Declaration.objects.create(
        city=city,
        version=version,
        is_published=True,
        published_on=published_on,
        **_translated("title", demo_text.TITLE),
        **_translated("body", demo_text.BODY),
        **_translated("services_intro", demo_text.SERVICES_INTRO),
    )
    for position, key in enumerate(Commitment.values, start=1):
        DeclarationCommitment.objects.create(
            declaration=declaration,
            key=key,
            position=position,
            **_translated("text", demo_text.COMMITMENTS[key]),
        )
    return declaration
