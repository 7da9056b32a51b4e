"""Directory rows → HSDS 3.0 dictionaries. One code path for the API, NDJSON and the exports.

Empty values are left out: HSDS allows a missing field, never `null`. Text comes in the active
language (modeltranslation falls back to the others). Callers prefetch what these functions walk
(`solidarity.api.selectors.SERVICE_PREFETCH`).
"""

import uuid
from typing import Any

from django.conf import settings

from solidarity.directory.models import (
    Address,
    Attribute,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

# Ids for HSDS objects we keep as a field of another row (an organization's phone number, a
# location's accessibility note): derived from the row's id, so they are stable across exports.
DERIVED_IDS = uuid.UUID("6f1c0b52-53c1-4b0e-9a53-2d1d7c1b7e11")


def derived_id(parent_id: uuid.UUID | str, kind: str) -> uuid.UUID:
    return uuid.uuid5(DERIVED_IDS, f"{parent_id}:{kind}")


def compact(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def taxonomy_data(taxonomy: Taxonomy) -> dict[str, Any]:
    return compact(
        {
            "id": taxonomy.pk,
            "name": taxonomy.name,
            "description": taxonomy.description or taxonomy.name,
            "uri": taxonomy.uri,
            "version": taxonomy.version,
        }
    )


def term_data(term: TaxonomyTerm) -> dict[str, Any]:
    return compact(
        {
            "id": term.pk,
            "code": term.code,
            "name": term.name,
            "description": term.description or term.name,
            "parent_id": term.parent_id,
            "taxonomy": term.taxonomy.code,
            "taxonomy_id": term.taxonomy_id,
        }
    )


def attribute_data(attribute: Attribute) -> dict[str, Any]:
    return compact(
        {
            "id": attribute.pk,
            "link_id": attribute.service_id,
            "taxonomy_term_id": attribute.taxonomy_term_id,
            "link_type": attribute.taxonomy_term.taxonomy.code,
            "link_entity": attribute.link_entity,
            "value": attribute.value,
            "taxonomy_term": term_data(attribute.taxonomy_term),
        }
    )


def language_data(language: Language) -> dict[str, Any]:
    return compact(
        {
            "id": language.pk,
            "service_id": language.service_id,
            "location_id": language.location_id,
            "name": language.name,
            "code": language.code,
            "note": language.note,
        }
    )


def phone_data(phone: Phone) -> dict[str, Any]:
    extension = int(phone.extension) if phone.extension.isdigit() else None
    return compact(
        {
            "id": phone.pk,
            "service_id": phone.service_id,
            "location_id": phone.location_id,
            "number": phone.number,
            "extension": extension,
            "type": phone.type,
            "description": phone.description,
        }
    )


def schedule_data(schedule: Schedule) -> dict[str, Any]:
    return compact(
        {
            "id": schedule.pk,
            "service_id": schedule.service_id,
            "location_id": schedule.location_id,
            "valid_from": schedule.valid_from and schedule.valid_from.isoformat(),
            "valid_to": schedule.valid_to and schedule.valid_to.isoformat(),
            "freq": schedule.freq,
            "byday": schedule.byday,
            "opens_at": schedule.opens_at.isoformat(),
            "closes_at": schedule.closes_at.isoformat(),
            "description": schedule.description,
        }
    )


def address_data(address: Address) -> dict[str, Any]:
    return compact(
        {
            "id": address.pk,
            "location_id": address.location_id,
            "attention": address.attention,
            "address_1": address.address_1,
            "address_2": address.address_2,
            "city": address.city,
            "region": address.region,
            "state_province": address.state_province,
            "postal_code": address.postal_code,
            "country": address.country,
            "address_type": address.address_type,
        }
    )


def location_data(location: Location) -> dict[str, Any]:
    accessibility = location.accessibility and [
        {
            "id": derived_id(location.pk, "accessibility"),
            "location_id": location.pk,
            "description": location.accessibility,
        }
    ]
    return compact(
        {
            "id": location.pk,
            "location_type": location.location_type,
            "organization_id": location.organization_id,
            "name": location.name,
            "description": location.description,
            "transportation": location.transportation,
            "latitude": location.latitude,
            "longitude": location.longitude,
            "languages": [language_data(x) for x in location.languages.all()],
            "addresses": [address_data(x) for x in location.addresses.all()],
            "accessibility": accessibility,
            "phones": [phone_data(x) for x in location.phones.all()],
            "schedules": [schedule_data(x) for x in location.schedules.all()],
        }
    )


def organization_data(organization: Organization) -> dict[str, Any]:
    """The one-to-one fields (the list shape)."""
    return compact(
        {
            "id": organization.pk,
            "name": organization.name,
            "alternate_name": organization.alternate_name,
            "description": organization.description or organization.name,
            "email": organization.email,
            "website": organization.website,
            "uri": settings.SITE_URL + organization.get_absolute_url(),
        }
    )


def organization_phones(organization: Organization) -> list[dict[str, Any]]:
    if not organization.phone:
        return []
    phone_id = derived_id(organization.pk, "phone")
    return [{"id": phone_id, "organization_id": organization.pk, "number": organization.phone}]


def service_brief(service: Service) -> dict[str, Any]:
    """The one-to-one fields and the organization (the `service_list` shape)."""
    return compact(
        {
            "id": service.pk,
            "organization_id": service.organization_id,
            "name": service.name,
            "alternate_name": service.alternate_name,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "status": service.status,
            "interpretation_services": service.interpretation_services,
            "application_process": service.application_process,
            "fees_description": service.fees_description,
            "eligibility_description": service.eligibility_description,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": service.last_verified,
            "alert": service.alert,
            "last_modified": service.last_modified,
            "organization": organization_data(service.organization),
        }
    )


def service_at_location_data(sal: ServiceAtLocation) -> dict[str, Any]:
    return compact(
        {
            "id": sal.pk,
            "service_id": sal.service_id,
            "location_id": sal.location_id,
            "description": sal.description,
            "location": location_data(sal.location),
        }
    )


def service_full(service: Service) -> dict[str, Any]:
    """A fully nested service (the `compiled/service.json` shape)."""
    return service_brief(service) | compact(
        {
            "phones": [phone_data(x) for x in service.phones.all()],
            "schedules": [schedule_data(x) for x in service.schedules.all()],
            "service_at_locations": [
                service_at_location_data(x) for x in service.service_at_locations.all()
            ],
            "languages": [language_data(x) for x in service.languages.all()],
            "attributes": [attribute_data(x) for x in service.attributes.all()],
        }
    )


def service_minimal(service: Service) -> dict[str, Any]:
    return {"id": service.pk, "last_modified": service.last_modified}


def service_at_location_brief(sal: ServiceAtLocation) -> dict[str, Any]:
    """The `service_at_location_list` shape: the location and the service's own fields."""
    return service_at_location_data(sal) | {"service": service_brief(sal.service)}


def organization_full(organization: Organization, services: list[Service], *, full: bool) -> dict:
    serialize = service_full if full else service_brief
    return organization_data(organization) | compact(
        {
            "phones": organization_phones(organization),
            "locations": [location_data(x) for x in organization.locations.all()],
            "services": [serialize(x) for x in services],
        }
    )
