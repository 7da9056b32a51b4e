"""HSDS import/export at 60,000 services, and `/api/services?search=` under load.

    .venv/bin/python -m bench.hsds_io [--services 60000] [--databases sqlite,postgres] [--no-api]

For each database: migrate, create a city, write a synthetic HSDS CSV data package (zip) of N
services (with organizations, locations, addresses, phones, schedules, languages, taxonomy
terms and attributes), then time `solidarity-city import-hsds` and `export-hsds` in their own
processes (wall time and peak RSS from /usr/bin/time), endorse every organization so the
services are public, and measure the API search with the shared harness (gunicorn on loopback,
wrk, the bare view beside it). Budgets: import <= 60 s, export <= 30 s, <= 500 MB each,
API p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import uuid
import zipfile
from pathlib import Path
from urllib.parse import quote

from bench.harness import (
    ROOT,
    Server,
    compare,
    manage,
    markdown,
    postgres_database,
    server_env,
    sqlite_database,
)

WORDS = [
    "clinic",
    "dentist",
    "food",
    "legal",
    "shelter",
    "école",
    "salud",
    "عيادة",
    "youth",
    "women",
]
NAMES = ["Community clinic", "Dental care", "Food bank", "Legal clinic", "Women's shelter",
         "Youth drop-in", "Adult learning", "Workers' centre", "Community meals"]  # fmt: skip
TERMS = [("dental", "categories"), ("food-banks", "categories"), ("legal", "categories"),
         ("free", "service-attributes"), ("no-id-required", "service-attributes"),
         ("walk-in", "service-attributes")]  # fmt: skip

SETUP = """
import datetime
from solidarity.cities.demo import create_declaration
from solidarity.cities.models import City
city = City.objects.create(slug="montreal", name_en="Montreal", latitude=45.5, longitude=-73.56)
create_declaration(city=city, version=1, published_on=datetime.date(2026, 3, 21))
"""
ENDORSE_ALL = """
import datetime
from solidarity.cities.models import Commitment, Declaration
from solidarity.directory.models import Organization
from solidarity.endorsements.models import Endorsement
declaration = Declaration.objects.get()
Endorsement.objects.bulk_create([
    Endorsement(organization_id=pk, declaration=declaration, provides_services=True,
                commitments=list(Commitment.values), decision_method="general_assembly",
                decided_month=datetime.date(2026, 4, 1), status="verified",
                contact_sealed=b"x", contact_email_hash=str(pk))
    for pk in Organization.objects.values_list("pk", flat=True)
], batch_size=2000)
"""


def write_package(target: Path, services: int) -> None:
    rng = random.Random(6)
    rows: dict[str, list[list[object]]] = {name: [] for name in HEADERS}
    organizations = [uuid.UUID(int=rng.getrandbits(128), version=4) for _ in range(services // 10)]
    for org in organizations:
        rows["organizations"].append([org, f"Organization {org.hex[:6]}", "Serves everyone."])
    term_ids = {}
    for code, taxonomy in TERMS:
        term_ids[code] = uuid.UUID(int=rng.getrandbits(128), version=4)
        rows["taxonomy_terms"].append([term_ids[code], code, code, code, taxonomy])
    for number in range(services):
        add_service(rows, rng, number, rng.choice(organizations), term_ids)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, header in HEADERS.items():
            with tempfile.TemporaryFile("w+", newline="", encoding="utf-8") as scratch:
                writer = csv.writer(scratch)
                writer.writerow(header)
                writer.writerows(rows[name])
                scratch.seek(0)
                archive.writestr(f"{name}.csv", scratch.read())


HEADERS = {
    "organizations": ["id", "name", "description"],
    "taxonomy_terms": ["id", "code", "name", "description", "taxonomy"],
    "services": ["id", "organization_id", "name", "description", "status", "assured_date"],
    "locations": ["id", "location_type", "organization_id", "name", "latitude", "longitude"],
    "service_at_location": ["id", "service_id", "location_id"],
    "addresses": ["id", "location_id", "address_1", "city", "state_province", "postal_code"],
    "phones": ["id", "service_id", "number"],
    "schedules": ["id", "service_id", "freq", "byday", "opens_at", "closes_at"],
    "languages": ["id", "service_id", "name", "code"],
    "attributes": ["id", "link_id", "link_entity", "taxonomy_term_id"],
}


def add_service(rows: dict, rng: random.Random, number: int, org: uuid.UUID, terms: dict) -> None:
    def new_id() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    service, location = new_id(), new_id()
    name = f"{rng.choice(NAMES)} {number}"
    text = " ".join(rng.sample(WORDS, 4))
    rows["services"].append([service, org, name, f"{name}: {text}", "active", "2026-10-01"])
    lat, lon = 45.45 + rng.random() * 0.15, -73.70 + rng.random() * 0.2
    rows["locations"].append([location, "physical", org, name, f"{lat:.5f}", f"{lon:.5f}"])
    rows["service_at_location"].append([new_id(), service, location])
    rows["addresses"].append(
        [new_id(), location, f"{number} Rue Saint-Denis", "Montréal", "QC", "H2T 1S6"]
    )
    rows["phones"].append([new_id(), service, f"+1 514 555 {number % 10000:04d}"])
    for days, opens, closes in (("MO,TU,WE,TH,FR", "09:00", "17:00"), ("SA", "10:00", "14:00")):
        rows["schedules"].append([new_id(), service, "WEEKLY", days, opens, closes])
    for code, language in rng.sample(
        [("en", "English"), ("fr", "French"), ("es", "Spanish"), ("ar", "Arabic")], 2
    ):
        rows["languages"].append([new_id(), service, language, code])
    for code in rng.sample(sorted(terms), 3):
        rows["attributes"].append([new_id(), service, "service", terms[code]])


def timed(args: list[str], database_url: str) -> tuple[str, str]:
    """Runs `manage.py args` under /usr/bin/time: (wall, CPU, peak RSS and load, output)."""
    command = ["/usr/bin/time", "-f", "%e %M %U %S", sys.executable, "manage.py", *args]
    env = server_env(database_url, "bench.settings", {})
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(result.stderr[-3000:])
    wall, kilobytes, user, system = result.stderr.strip().splitlines()[-1].split()
    load = os.getloadavg()[0]
    summary = (
        f"**{float(wall):.1f} s** wall, {float(user) + float(system):.1f} s CPU, "
        f"peak RSS **{int(kilobytes) / 1024:.0f} MB** (load average {load:.1f} on 2 cores)"
    )
    return summary, result.stdout


def run(database: str, url: str, services: int, folder: Path, *, api: bool = True) -> str:
    manage("migrate", "--noinput", database_url=url)
    manage("shell", "-c", SETUP, database_url=url)
    package = folder / "package.zip"
    write_package(package, services)
    lines = [f"### {database}", ""]
    command = ["import_hsds", str(package), "--city", "montreal", "-v0"]
    summary, _out = timed(command, url)
    lines.append(f"- import of {services:,} services (CSV data package zip): {summary}")
    summary, _out = timed(command, url)
    lines.append(f"- the same import again (all updates, idempotent): {summary}")
    manage("shell", "-c", ENDORSE_ALL, database_url=url)
    summary, _out = timed(["export_hsds", "--output", str(folder / "export")], url)
    size = (folder / "export" / "hsds-datapackage.zip").stat().st_size / 1e6
    lines.append(f"- export (zip {size:.1f} MB, and the JSON): {summary}")
    if not api:
        return "\n".join(lines)
    paths = [f"/api/services?search={quote(word)}" for word in WORDS]
    with Server(database_url=url) as server:
        rows = compare(
            server, "/api/services?search=", paths, concurrencies=(1, 10), requests=3000, seconds=10
        )
    lines += ["", markdown(rows, database=database), ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, default=60_000)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument(
        "--no-api", action="store_true", help="Skip the API benchmark (it needs a quiet machine)."
    )
    options = parser.parse_args()
    for database in options.databases.split(","):
        context = sqlite_database() if database == "sqlite" else postgres_database()
        with context as url, tempfile.TemporaryDirectory() as scratch:
            print(
                run(
                    "SQLite" if database == "sqlite" else "PostgreSQL",
                    url,
                    options.services,
                    Path(scratch),
                    api=not options.no_api,
                ),
                flush=True,
            )


if __name__ == "__main__":
    main()
