"""Demo organizations: every sector in every demo city (deterministic, fictional)."""

from typing import Any

from django.utils.text import slugify

from solidarity.cities.models import City
from solidarity.directory.models import Organization, Sector

NAMES: dict[str, list[str]] = {
    Sector.COMMUNITY: ["{n} Community Centre", "Maison de quartier {n}", "{n} Neighbours' Hub"],
    Sector.COLLECTIVE: ["{n} Mutual Aid Collective", "Collectif Solidarité {n}"],
    Sector.UNION: ["{n} Workers' Union Local 14", "Syndicat des travailleuses de {n}"],
    Sector.HEALTHCARE: [
        "{n} Community Health Clinic",
        "Clinique communautaire {n}",
        "{n} Dental Co-op",
    ],
    Sector.EDUCATION: ["{n} Adult Learning Centre", "École populaire {n}"],
    Sector.FOOD_BANK: ["{n} Food Bank", "Frigo solidaire {n}"],
    Sector.SHELTER: ["{n} Women's Shelter", "{n} Youth Shelter"],
    Sector.HOUSING_COOP: ["{n} Housing Co-operative", "Coop d'habitation {n}"],
    Sector.LEGAL_CLINIC: ["{n} Legal Clinic", "{n} Workers' Rights Clinic"],
    Sector.FAITH: ["{n} Interfaith Sanctuary Network"],
    Sector.BUSINESS: ["{n} Bakery", "{n} Bicycle Workshop"],
    Sector.OTHER: ["{n} Migrant Arts Studio"],
}

DESCRIPTIONS = {
    "en": "A {sector} serving everyone in {city}, whatever their immigration status.",
    "fr": "Un organisme ({sector}) au service de toutes et tous à {city}, quel que soit le statut.",
    "es": (
        "Una organización ({sector}) al servicio de todas las personas en {city}, "
        "sin importar su estatus."
    ),
    "ar": "منظمة ({sector}) تخدم الجميع في {city} أيًّا كان وضعهم من حيث الهجرة.",
}


def load(**options: Any) -> None:
    for city in City.objects.prefetch_related("neighbourhoods"):
        hoods = [hood.name for hood in city.neighbourhoods.all()]
        index = 0
        for sector, patterns in NAMES.items():
            for pattern in patterns:
                name = pattern.format(n=hoods[index % len(hoods)])
                index += 1
                create_demo_organization(city=city, name=name, sector=sector, number=index)


def create_demo_organization(*, city: City, name: str, sector: str, number: int) -> Organization:
    label = Sector(sector).label
    slug = slugify(f"{name}-{city.slug}")[:200]
    return Organization.objects.create(
        city=city,
        name=name,
        slug=slug,
        sector=sector,
        website=f"https://{slugify(name)[:40]}.example.org",
        email=f"info@{slugify(name)[:40]}.example.org",
        phone=f"+1 555 01{number:02d} {1000 + number:04d}",
        **{
            f"description_{code}": text.format(sector=str(label).lower(), city=city.name)
            for code, text in DESCRIPTIONS.items()
        },
    )
