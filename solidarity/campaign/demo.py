# ruff: noqa: E501 - one translated sentence per line reads best
"""Demo actions, volunteers and contact messages (deterministic). The toolkit pages come from
migration 0002, in every language."""

import datetime
import random
from typing import Any

from django.utils import timezone

from solidarity.campaign import services
from solidarity.campaign.models import Action, ContactMessage, SpokenLanguage, WayToHelp
from solidarity.cities.models import City
from solidarity.vault.services import VaultNotInitialized

ACTIONS: list[dict[str, Any]] = [
    {
        "days": 9, "hour": 18, "hours": 2,
        "title": {"en": "Status for All: neighbourhood assembly", "fr": "Statut pour toutes et tous : assemblée de quartier", "es": "Estatus para todas y todos: asamblea de barrio", "ar": "الوضع القانوني للجميع: جمعية الحي"},
        "place": {"en": "Community centre, main hall", "fr": "Centre communautaire, grande salle", "es": "Centro comunitario, sala principal", "ar": "المركز المجتمعي، القاعة الكبرى"},
        "description": {"en": "Learn about the campaign, meet endorsing organizations and plan the next steps together. Interpretation available.", "fr": "Découvrir la campagne, rencontrer les organismes signataires et préparer ensemble les prochaines étapes. Interprétation sur place.", "es": "Conocer la campaña, encontrarse con las organizaciones firmantes y preparar juntos los próximos pasos. Habrá interpretación.", "ar": "للتعرّف على الحملة ولقاء المنظمات الموقِّعة والتخطيط معًا للخطوات القادمة. تتوفر ترجمة فورية."},
    },
    {
        "days": 16, "hour": 13, "hours": 3,
        "title": {"en": "Workshop: what to do if the border agency comes to the door", "fr": "Atelier : que faire si l'agence des frontières se présente à la porte", "es": "Taller: qué hacer si la agencia fronteriza llega a la puerta", "ar": "ورشة: ماذا نفعل إذا حضرت وكالة الحدود إلى الباب"},
        "place": {"en": "Legal clinic, 2nd floor", "fr": "Clinique juridique, 2e étage", "es": "Clínica jurídica, 2.º piso", "ar": "العيادة القانونية، الطابق الثاني"},
        "description": {"en": "For staff and volunteers of endorsing organizations: the door procedure, role plays, and your questions to a lawyer.", "fr": "Pour le personnel et les bénévoles des organismes signataires : la procédure de porte, des mises en situation et vos questions à une avocate.", "es": "Para el personal y las personas voluntarias de las organizaciones firmantes: el procedimiento de puerta, ensayos y sus preguntas a una abogada.", "ar": "لموظفي المنظمات الموقِّعة ومتطوعيها: إجراءات الباب، وتمارين عملية، وأسئلتكم إلى محامية."},
    },
    {
        "days": 30, "hour": 14, "hours": 2,
        "title": {"en": "March: no one is illegal", "fr": "Manifestation : personne n'est illégal", "es": "Marcha: nadie es ilegal", "ar": "مسيرة: لا أحد غير شرعي"},
        "place": {"en": "Meeting point: the park in front of city hall", "fr": "Point de rencontre : le parc devant l'hôtel de ville", "es": "Punto de encuentro: el parque frente al ayuntamiento", "ar": "نقطة اللقاء: الحديقة المقابلة لمبنى البلدية"},
        "description": {"en": "Bring your banners, your friends and your neighbours.", "fr": "Apportez vos bannières, vos ami·e·s et vos voisin·e·s.", "es": "Traigan sus pancartas, sus amistades y sus vecinos.", "ar": "أحضروا لافتاتكم وأصدقاءكم وجيرانكم."},
    },
]  # fmt: skip

LANGUAGE_CODES = ("en", "fr", "es", "ar")
FIRST_NAMES = ["Amina", "Luis", "Chantal", "Karim", "Mei", "Joseph", "Sofia", "Rania", "Tomás"]


def load(*, stdout: Any = None, **options: Any) -> None:
    rng = random.Random(8)  # demo data, not secrets
    for city in City.objects.all():
        create_actions(city)
    try:
        for city in City.objects.all():
            create_volunteers(city, rng)
            create_messages(city, rng)
    except VaultNotInitialized:
        if stdout is not None:
            stdout.write("campaign: no campaign key yet, demo volunteers not created.")


def translated(field: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{code}": values[code] for code in LANGUAGE_CODES} | {field: values["en"]}


def create_actions(city: City) -> None:
    today = timezone.localdate()
    for spec in ACTIONS:
        day = today + datetime.timedelta(days=spec["days"])
        starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(spec["hour"])))
        Action.objects.create(
            city=city,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=spec["hours"]),
            is_published=True,
            **translated("title", spec["title"]),
            **translated("place", spec["place"]),
            **translated("description", spec["description"]),
        )


def create_volunteers(city: City, rng: random.Random) -> None:
    for index in range(4):
        name = rng.choice(FIRST_NAMES)
        services.volunteer_submit(
            city=city,
            details=services.VolunteerDetails(
                name=name,
                contact=f"{name.lower()}{index}@example.org",
                availability=rng.choice(["Weekday evenings", "Saturdays", "Once a month"]),
            ),
            ways_to_help=rng.sample(list(WayToHelp.values), 2),
            languages=rng.sample(list(SpokenLanguage.values[:6]), 2),
        )


def create_messages(city: City, rng: random.Random) -> None:
    services.contact_submit(
        city=city,
        topic=ContactMessage.Topic.ENDORSE,
        name=f"Collectif {rng.choice(FIRST_NAMES)}",
        reply_to="collective@example.org",
        message="Our assembly voted to endorse. Could someone come and present the toolkit?",
    )
