"""One `convert_<table>` per HSDS table the directory holds: a Row in, an unsaved model out
(or None when the record is skipped). Mixed into the Importer, which holds the state."""

import uuid
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.text import slugify

from solidarity.api.hsds import fields as f
from solidarity.directory.models import (
    Address,
    Attribute,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Sector,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

if TYPE_CHECKING:
    from solidarity.api.hsds.documents import SearchDocuments
    from solidarity.api.hsds.importer import ImportReport, Row
    from solidarity.cities.models import City

LOCATION_TYPES = {c.value for c in Location.LocationType}
ADDRESS_TYPES = {c.value for c in Address.AddressType}
PHONE_TYPES = {c.value for c in Phone.PhoneType}
SERVICE_STATUSES = {c.value for c in Service.Status}
IMPORTED_TAXONOMY = "imported"
ADDRESS_TEXT = (
    "attention",
    "address_1",
    "address_2",
    "city",
    "region",
    "state_province",
    "postal_code",
)
ADDRESS_REQUIRED = {"address_1", "city", "state_province", "postal_code"}


class Converters:
    """The Importer's state these functions use (set by Importer.__init__)."""

    city: "City"
    language: str
    report: "ImportReport"
    seen: dict[str, set[int]]  # UUID.int
    term_ids: dict[uuid.UUID, uuid.UUID]
    taxonomy_ids: dict[uuid.UUID, uuid.UUID]
    service_org: dict[uuid.UUID, uuid.UUID]
    location_org: dict[uuid.UUID, uuid.UUID]
    org_phones: dict[uuid.UUID, str]
    accessibility: dict[uuid.UUID, str]
    touched_services: set[uuid.UUID]
    documents: "SearchDocuments"

    def build(self, model: type[models.Model], values: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def convert_taxonomy(self, row: "Row", own_id: uuid.UUID) -> Any:
        name = row.text("name", Taxonomy, "name", required=True)
        description = row.get("description", f.text, None) or ""
        uri = row.get("uri", f.url, 200) or ""
        version = row.text("version", Taxonomy, "version")
        match = self.find_taxonomy(own_id, name)
        if match is not None:
            self.taxonomy_ids[own_id] = match.pk
            return None  # an existing taxonomy (ours or a previous import) is mapped, not rewritten
        self.taxonomy_ids[own_id] = own_id
        code = slugify(name)[:40] or "taxonomy"
        if Taxonomy.objects.filter(code=code).exists():
            code = f"{code[:40]}-{own_id.hex[:8]}"
        values = {"name": name, "description": description, "uri": uri, "version": version}
        return self.build(Taxonomy, {"id": own_id, "code": code, **values})

    def find_taxonomy(self, own_id: uuid.UUID, name: str) -> Taxonomy | None:
        return (
            Taxonomy.objects.filter(pk=own_id).first()
            or Taxonomy.objects.filter(code=slugify(name)[:50]).first()
            or Taxonomy.objects.filter(name__iexact=name).first()
        )

    def convert_taxonomy_term(self, row: "Row", own_id: uuid.UUID) -> Any:
        name = row.text("name", TaxonomyTerm, "name", required=True)
        code = slugify(row.get("code", f.text, 200) or name)[:64] or own_id.hex[:16]
        description = row.get("description", f.text, None) or ""
        parent = row.get("parent_id", f.hsds_id)
        taxonomy_id = self.term_taxonomy(row)
        if row.failed:
            return None
        match = self.find_term(own_id, taxonomy_id, code, name)
        if match is not None:
            self.term_ids[own_id] = match.pk
            return None  # mapped onto a term we have (ours stay as shipped)
        self.term_ids[own_id] = own_id
        parent_id = self.term_ids.get(parent) if parent else None
        values = {"name": name, "description": description, "parent_id": parent_id}
        return self.build(
            TaxonomyTerm, {"id": own_id, "taxonomy_id": taxonomy_id, "code": code, **values}
        )

    def term_taxonomy(self, row: "Row") -> uuid.UUID:
        given = row.get("taxonomy_id", f.hsds_id)
        if given in self.taxonomy_ids:
            return self.taxonomy_ids[given]
        if given and Taxonomy.objects.filter(pk=given).exists():
            return given
        label = row.get("taxonomy", f.text, 200) or IMPORTED_TAXONOMY
        found = self.find_taxonomy(uuid.uuid5(f.IMPORTED_IDS, label), label)
        if found is None:
            found = Taxonomy.objects.create(
                code=slugify(label)[:50] or IMPORTED_TAXONOMY, name=label, description=label
            )
        return found.pk

    def find_term(
        self, own_id: uuid.UUID, taxonomy_id: uuid.UUID, code: str, name: str
    ) -> TaxonomyTerm | None:
        terms = TaxonomyTerm.objects
        return (
            terms.filter(pk=own_id).first()
            or terms.filter(taxonomy_id=taxonomy_id, code=code).first()
            or terms.filter(name__iexact=name).first()
        )

    def convert_organization(self, row: "Row", own_id: uuid.UUID) -> Any:
        name = row.text("name", Organization, "name", required=True)
        values = {
            "name": name,
            "alternate_name": row.text("alternate_name", Organization, "alternate_name"),
            "description": row.get("description", f.text, 4000) or "",
            "email": row.get("email", f.email, 254) or "",
            "website": row.get("website", f.url, 200) or "",
        }
        slug = f"{slugify(name)[:200] or 'organization'}-{own_id.hex[:8]}"
        fixed = {"id": own_id, "city_id": self.city.pk, "slug": slug, "sector": Sector.OTHER}
        self.documents.organization_names[own_id] = name
        return self.build(Organization, {**fixed, **values})

    def convert_service(self, row: "Row", own_id: uuid.UUID) -> Any:
        organization_id = row.ref("organization_id", "organization", required=True)
        if organization_id:
            self.service_org[own_id] = organization_id
        self.touched_services.add(own_id)
        values = {
            name: row.text(name, Service, name)
            for name in (
                "alternate_name",
                "description",
                "eligibility_description",
                "application_process",
                "fees_description",
                "interpretation_services",
                "alert",
            )
        }
        values |= {
            "name": row.text("name", Service, "name", required=True),
            "url": row.get("url", f.url, 200) or "",
            "email": row.get("email", f.email, 254) or "",
            "status": row.get("status", f.choice, SERVICE_STATUSES, required=True),
            "minimum_age": row.get("minimum_age", f.whole_number, 0, 150),
            "maximum_age": row.get("maximum_age", f.whole_number, 0, 150),
            "last_verified": row.get("assured_date", f.date),
            "content_languages": self.language,
        }
        # Imported by an organizer: approved as listings; still public only once the
        # organization has endorsed with all five commitments and been verified.
        fixed = {"id": own_id, "organization_id": organization_id, "review_status": "approved"}
        built = self.build(Service, {**fixed, **values})
        self.documents.add_service(built)
        return built

    def convert_service_at_location(self, row: "Row", own_id: uuid.UUID) -> Any:
        service_id = row.ref("service_id", "service", required=True)
        location_id = row.ref("location_id", "location", required=True)
        if service_id and location_id and service_id in self.service_org:
            self.location_org.setdefault(location_id, self.service_org[service_id])
        if service_id:
            self.touched_services.add(service_id)
        description = row.text("description", ServiceAtLocation, "description")
        values = {"service_id": service_id, "location_id": location_id, "description": description}
        return self.build(ServiceAtLocation, {"id": own_id, **values})

    def convert_location(self, row: "Row", own_id: uuid.UUID) -> Any:
        organization_id = self.location_organization(row, own_id)
        values = {
            "name": row.text("name", Location, "name"),
            "description": row.text("description", Location, "description"),
            "transportation": row.text("transportation", Location, "transportation"),
            "location_type": row.get("location_type", f.choice, LOCATION_TYPES, required=True),
            "latitude": self.coordinate(row, "latitude", 90),
            "longitude": self.coordinate(row, "longitude", 180),
        }
        return self.build(Location, {"id": own_id, "organization_id": organization_id, **values})

    def location_organization(self, row: "Row", own_id: uuid.UUID) -> uuid.UUID | None:
        """A location's organization; when the file names none we know, the organization of
        a service delivered there."""
        given = row.id("organization_id")
        hint = self.location_org.get(own_id)
        known = given is not None and (
            given.int in self.seen["organization"] or Organization.objects.filter(pk=given).exists()
        )
        if known or hint is None:
            return row.ref("organization_id", "organization", required=True)
        return hint

    def coordinate(self, row: "Row", name: str, bound: float) -> float | None:
        value = row.record.data.get(name)
        if value in (None, ""):
            return None
        try:
            return f.number(value, -bound, bound)
        except ValueError as error:
            self.report.notices.append(
                f"{row.record.file}, row {row.record.row}, field {name}: {error}; left empty"
            )
            return None

    def convert_accessibility(self, row: "Row", own_id: uuid.UUID) -> Any:
        location_id = row.ref("location_id", "location", required=True)
        note = row.get("description", f.text, None) or row.get("details", f.text, None) or ""
        if location_id and note:
            limit = Location._meta.get_field("accessibility").max_length or 300
            joined = "; ".join(p for p in (self.accessibility.get(location_id), note) if p)
            self.accessibility[location_id] = joined[:limit]
        return None

    def convert_address(self, row: "Row", own_id: uuid.UUID) -> Any:
        values = {
            name: row.text(name, Address, name, required=name in ADDRESS_REQUIRED)
            for name in ADDRESS_TEXT
        }
        values["country"] = row.text("country", Address, "country") or "CA"
        values["address_type"] = row.get("address_type", f.choice, ADDRESS_TYPES) or "physical"
        location_id = row.ref("location_id", "location", required=True)
        return self.build(Address, {"id": own_id, "location_id": location_id, **values})

    def convert_phone(self, row: "Row", own_id: uuid.UUID) -> Any:
        number = row.text("number", Phone, "number", required=True)
        service_id = row.ref("service_id", "service")
        location_id = row.ref("location_id", "location")
        organization_id = row.id("organization_id")
        if not service_id and not location_id:
            if organization_id and number:
                self.org_phones.setdefault(organization_id, number)
            return None
        extension = row.get("extension", f.whole_number, 0, 10**9)
        values = {
            "number": number,
            "extension": "" if extension is None else str(extension),
            "type": row.get("type", f.choice, PHONE_TYPES) or "voice",
            "description": row.text("description", Phone, "description"),
        }
        links = {"service_id": service_id, "location_id": location_id}
        return self.build(Phone, {"id": own_id, **links, **values})

    def convert_schedule(self, row: "Row", own_id: uuid.UUID) -> Any:
        data = row.record.data
        weekly = data.get("freq", "WEEKLY") == "WEEKLY"
        if not (weekly and data.get("byday") and data.get("opens_at") and data.get("closes_at")):
            return None  # only weekly opening hours are held; the rest is counted as skipped
        links = {"service_id": row.ref("service_id", "service")}
        links["location_id"] = row.ref("location_id", "location")
        if not any(links.values()):
            return None
        values = {
            "freq": "WEEKLY",
            "byday": row.get("byday", f.byday),
            "opens_at": row.get("opens_at", f.time),
            "closes_at": row.get("closes_at", f.time),
            "valid_from": row.get("valid_from", f.date),
            "valid_to": row.get("valid_to", f.date),
            "description": row.text("description", Schedule, "description"),
        }
        return self.build(Schedule, {"id": own_id, **links, **values})

    def convert_language(self, row: "Row", own_id: uuid.UUID) -> Any:
        code = row.text("code", Language, "code")
        links = {"service_id": row.ref("service_id", "service")}
        links["location_id"] = row.ref("location_id", "location")
        if not code or not any(links.values()):
            return None
        name = row.text("name", Language, "name") or code
        note = row.text("note", Language, "note")
        values = {"code": code, "name": name, "note": note}
        if links["service_id"]:
            self.documents.add_language(links["service_id"], code)
        return self.build(Language, {"id": own_id, **links, **values})

    def convert_attribute(self, row: "Row", own_id: uuid.UUID) -> Any:
        entity = row.record.data.get("link_entity", "service")
        if entity != "service" or not row.record.data.get("link_id"):
            return None  # only attributes of services are held
        service_id = row.ref("link_id", "service", required=True)
        given = row.id("taxonomy_term_id", required=True)
        term_id = self.term_ids.get(given) if given else None
        if given and term_id is None:
            term_id = row.ref("taxonomy_term_id", "taxonomy_term")
        if service_id:
            self.touched_services.add(service_id)
            if term_id:
                self.documents.add_term(service_id, term_id)
        value = row.text("value", Attribute, "value")
        links = {"service_id": service_id, "taxonomy_term_id": term_id}
        return self.build(Attribute, {"id": own_id, **links, "value": value})
