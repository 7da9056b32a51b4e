from django.db.models import Prefetch, QuerySet

from solidarity.cities.models import City, Declaration, DeclarationCommitment


def city_list() -> QuerySet[City]:
    return City.objects.all()


def current_declaration(*, city: City) -> Declaration | None:
    """The latest published version of a city's declaration, with its commitments."""
    return (
        Declaration.objects.filter(city=city, is_published=True)
        .prefetch_related(
            Prefetch("commitments", queryset=DeclarationCommitment.objects.order_by("position"))
        )
        .order_by("-version")
        .first()
    )
