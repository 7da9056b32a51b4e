"""Distances inside a city, in SQL. Equirectangular projection: the cosine of the visitor's
latitude is computed once in Python, so the database only adds and multiplies."""

import dataclasses
import math

from django.db.models import F, FloatField, Value
from django.db.models.expressions import CombinedExpression, ExpressionWrapper

KM_PER_DEGREE = 111.195


@dataclasses.dataclass(frozen=True)
class Box:
    latitudes: tuple[float, float]
    longitudes: tuple[float, float]


def bounding_box(latitude: float, longitude: float, radius_km: float) -> Box:
    dlat = radius_km / KM_PER_DEGREE
    dlon = radius_km / (KM_PER_DEGREE * max(math.cos(math.radians(latitude)), 0.01))
    return Box((latitude - dlat, latitude + dlat), (longitude - dlon, longitude + dlon))


def squared_degrees(latitude: float, longitude: float, *, prefix: str = "") -> ExpressionWrapper:
    """(Δlat)² + (Δlon·cos lat)², in degrees²; `km(value)` turns it into kilometres."""
    dlat = F(f"{prefix}latitude") - Value(latitude)
    dlon = (F(f"{prefix}longitude") - Value(longitude)) * Value(math.cos(math.radians(latitude)))
    total: CombinedExpression = dlat * dlat + dlon * dlon
    return ExpressionWrapper(total, output_field=FloatField())


def km(squared: float | None) -> float | None:
    return None if squared is None else math.sqrt(squared) * KM_PER_DEGREE


def rounded_coordinate(value: float) -> float:
    """About 1 km: two decimals of a degree. The browser already rounds; we round again."""
    return round(value, 2)
