"""Response shapes of the open-data API, following the HSDS 3.0 objects field by field.

Only the HSDS fields the directory holds are declared; an empty field is left out of a response
(the HSDS schemas allow a missing field, never `null`). The OpenAPI document is generated from
these classes.
"""

import datetime
import uuid
from typing import Any, Generic, Literal, TypeVar

from ninja import Schema
from pydantic import Field

T = TypeVar("T")


class ApiInfo(Schema):
    version: str = Field(description="HSDS version of this API.")
    profile: str = Field(description="URL of the information on the HSDS profile of this API.")
    openapi_url: str = Field(description="URL of the OpenAPI document that defines this API.")


class Page(Schema, Generic[T]):
    total_items: int = Field(description="The total number of entities in the result set.")
    total_pages: int = Field(description="Count of total pages.")
    page_number: int = Field(description="The number of the current page.")
    size: int = Field(description="The number of entities in the current page.")
    first_page: bool
    last_page: bool
    empty: bool = Field(description="True when the result set is empty.")
    contents: list[T]


class Error(Schema):
    detail: str


class TaxonomyOut(Schema):
    id: uuid.UUID
    name: str
    description: str
    uri: str | None = None
    version: str | None = None


class TaxonomyTermOut(Schema):
    id: uuid.UUID
    code: str | None = None
    name: str
    description: str
    parent_id: uuid.UUID | None = None
    taxonomy: str | None = None
    language: str | None = None
    taxonomy_id: uuid.UUID | None = None
    term_uri: str | None = None


class AttributeOut(Schema):
    id: uuid.UUID
    link_id: uuid.UUID | None = None
    taxonomy_term_id: uuid.UUID | None = None
    link_type: str | None = None
    link_entity: str | None = None
    value: str | None = None
    taxonomy_term: TaxonomyTermOut | None = None


class LanguageOut(Schema):
    id: uuid.UUID
    service_id: uuid.UUID | None = None
    location_id: uuid.UUID | None = None
    phone_id: uuid.UUID | None = None
    name: str | None = None
    code: str | None = None
    note: str | None = None


class PhoneOut(Schema):
    id: uuid.UUID
    location_id: uuid.UUID | None = None
    service_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    service_at_location_id: uuid.UUID | None = None
    number: str
    extension: float | None = None
    type: str | None = None
    description: str | None = None
    languages: list[LanguageOut] | None = None


class ScheduleOut(Schema):
    id: uuid.UUID
    service_id: uuid.UUID | None = None
    location_id: uuid.UUID | None = None
    service_at_location_id: uuid.UUID | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    dtstart: str | None = None
    timezone: float | None = None
    until: str | None = None
    count: float | None = None
    wkst: Literal["MO", "TU", "WE", "TH", "FR", "SA", "SU"] | None = None
    freq: Literal["WEEKLY", "MONTHLY"] | None = None
    interval: float | None = None
    byday: str | None = None
    bymonthday: str | None = None
    description: str | None = None
    opens_at: str | None = None
    closes_at: str | None = None
    attending_type: str | None = None
    notes: str | None = None


class AddressOut(Schema):
    id: uuid.UUID
    location_id: uuid.UUID | None = None
    attention: str | None = None
    address_1: str
    address_2: str | None = None
    city: str
    region: str | None = None
    state_province: str
    postal_code: str
    country: str
    address_type: Literal["physical", "postal", "virtual"]


class AccessibilityOut(Schema):
    id: uuid.UUID
    location_id: uuid.UUID | None = None
    description: str | None = None
    details: str | None = None
    url: str | None = None


class LocationOut(Schema):
    id: uuid.UUID
    location_type: Literal["physical", "postal", "virtual"]
    url: str | None = None
    organization_id: uuid.UUID | None = None
    name: str | None = None
    alternate_name: str | None = None
    description: str | None = None
    transportation: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    external_identifier: str | None = None
    external_identifier_type: str | None = None
    languages: list[LanguageOut] | None = None
    addresses: list[AddressOut] | None = None
    accessibility: list[AccessibilityOut] | None = None
    phones: list[PhoneOut] | None = None
    schedules: list[ScheduleOut] | None = None
    attributes: list[AttributeOut] | None = None


class OrganizationOut(Schema):
    """HSDS `organization` with its one-to-one fields (the list shape)."""

    id: uuid.UUID
    name: str
    alternate_name: str | None = None
    description: str
    email: str | None = None
    website: str | None = None
    uri: str | None = None


class ServiceAtLocationOut(Schema):
    id: uuid.UUID
    service_id: uuid.UUID | None = None
    location_id: uuid.UUID | None = None
    description: str | None = None
    phones: list[PhoneOut] | None = None
    schedules: list[ScheduleOut] | None = None
    location: LocationOut | None = None
    attributes: list[AttributeOut] | None = None


class CostOptionOut(Schema):
    id: uuid.UUID
    service_id: uuid.UUID | None = None
    option: str | None = None
    currency: str | None = None
    amount: float | None = None
    amount_description: str | None = None


class RequiredDocumentOut(Schema):
    id: uuid.UUID
    service_id: uuid.UUID | None = None
    document: str | None = None
    uri: str | None = None


class ServiceBriefOut(Schema):
    """HSDS `service` with its one-to-one fields (the `compiled/service_list.json` shape)."""

    id: uuid.UUID
    organization_id: uuid.UUID | None = None
    name: str
    alternate_name: str | None = None
    description: str | None = None
    url: str | None = None
    email: str | None = None
    status: Literal["active", "inactive", "defunct", "temporarily closed"]
    interpretation_services: str | None = None
    application_process: str | None = None
    fees_description: str | None = None
    wait_time: str | None = None
    accreditations: str | None = None
    eligibility_description: str | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    assured_date: datetime.date | None = None
    alert: str | None = None
    last_modified: datetime.datetime | None = None
    organization: OrganizationOut | None = None


class ServiceOut(ServiceBriefOut):
    """A fully nested HSDS `service` (the `compiled/service.json` shape)."""

    phones: list[PhoneOut] | None = None
    schedules: list[ScheduleOut] | None = None
    service_at_locations: list[ServiceAtLocationOut] | None = None
    languages: list[LanguageOut] | None = None
    cost_options: list[CostOptionOut] | None = None
    required_documents: list[RequiredDocumentOut] | None = None
    attributes: list[AttributeOut] | None = None


class ServiceMinimalOut(Schema):
    id: uuid.UUID
    last_modified: datetime.datetime | None = None


class OrganizationFullOut(OrganizationOut):
    phones: list[PhoneOut] | None = None
    locations: list[LocationOut] | None = None
    services: list[ServiceBriefOut] | list[ServiceOut] | None = None


class ServiceAtLocationBriefOut(Schema):
    """The `compiled/service_at_location_list.json` shape."""

    id: uuid.UUID
    service_id: uuid.UUID | None = None
    location_id: uuid.UUID | None = None
    description: str | None = None
    location: LocationOut | None = None
    service: ServiceBriefOut | None = None


class EndorsementOut(Schema):
    """A verified endorsement the organization chose to list by name. Never a contact field."""

    organization_id: uuid.UUID
    organization_name: str
    organization_url: str
    sector: str
    city: str = Field(description="The city's slug.")
    declaration_version: int
    commitments: list[str] = Field(description="Keys of the commitments the organization made.")
    decided_month: str = Field(description="Month of the collective decision, YYYY-MM.")
    verified_on: datetime.date | None = None
    statement: str | None = None


class InvalidRequest(Schema):
    """A parameter that is missing, of the wrong type or out of range (HTTP 422)."""

    detail: list[dict[str, Any]]
