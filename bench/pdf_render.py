"""Time and memory to render a poster and a 200-service pocket guide (WeasyPrint).

    .venv/bin/python bench/pdf_render.py [--runs 5] [--services 1200]

Builds a throwaway SQLite database with the demo data (in a temporary VAR_DIR), then measures
each document in a fresh Python process, so that the peak memory reported is that document's
alone: the first render (fonts and WeasyPrint's stylesheets loaded cold) and then `--runs`
warm renders (median, min, max, and the process's CPU time, which a busy machine inflates far
less than wall time). The pocket guide is rendered without its cache.
Results are printed as a Markdown table; bench/pdf_render.md keeps the committed ones.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = {
    "poster, Letter, 1 language (en)": ("poster", "letter", ["en"]),
    "poster, Letter, 4 languages (fr en es ar)": ("poster", "letter", ["fr", "en", "es", "ar"]),
    "poster, tabloid, 2 languages (fr ar)": ("poster", "tabloid", ["fr", "ar"]),
    "pocket guide, 200 services, French": ("guide", 200, ["fr"]),
    "pocket guide, 200 services, Arabic": ("guide", 200, ["ar"]),
}


def django_env(var_dir: str) -> dict[str, str]:
    env = dict(
        os.environ, VAR_DIR=var_dir, DATABASE_URL="", DJANGO_SETTINGS_MODULE="config.settings"
    )
    env["PYTHONPATH"] = str(ROOT)
    return env


def setup(services: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("demo_data", services=services, stdout=quiet)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def render_case(name: str):  # returns a callable that renders once and returns the PDF bytes
    import django

    django.setup()
    from django.utils import translation

    kind, size, languages = CASES[name]
    if kind == "poster":
        from solidarity.campaign.posters import poster_pdf
        from solidarity.endorsements.models import Endorsement

        endorsement = Endorsement.objects.filter(status="verified", provides_services=True).first()
        return lambda: poster_pdf(endorsement=endorsement, languages=languages, size=size)
    from solidarity.campaign import pocket_guide
    from solidarity.cities.models import City

    pocket_guide.MAX_SERVICES = size
    city = max(
        City.objects.all(),
        key=lambda c: pocket_guide.guide_services(pocket_guide.GuideOptions(city=c)).count(),
    )
    options = pocket_guide.GuideOptions(city=city)
    count = pocket_guide.guide_services(options).count()
    assert count == size, f"only {count} public services in {city}: raise --services"

    def render() -> bytes:
        with translation.override(languages[0]):
            return pocket_guide.render_guide(options, pocket_guide.guide_services(options))

    return render


def measure(name: str, runs: int) -> dict[str, object]:
    render = render_case(name)
    base = rss_mb()
    started = time.perf_counter()
    pdf = render()
    cold = time.perf_counter() - started
    warm, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        render()
        warm.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "case": name,
        "cold_s": cold,
        "median_s": statistics.median(warm),
        "min_s": min(warm),
        "max_s": max(warm),
        "cpu_s": statistics.median(cpu),
        "peak_rss_mb": peak,
        "rss_before_mb": base,
        "pdf_kb": len(pdf) / 1024,
        "pages": pdf.count(b"/Type /Page\n")
        + pdf.count(b"/Type /Page ")
        + pdf.count(b"/Type /Page/"),
    }


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| document | first render (cold) | warm median | warm min-max | CPU time (median) "
        "| peak RSS | PDF size |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['case']} | {row['cold_s']:.2f} s | {row['median_s']:.2f} s | "
            f"{row['min_s']:.2f}-{row['max_s']:.2f} s | {row['cpu_s']:.2f} s | "
            f"{row['peak_rss_mb']:.0f} MB | "
            f"{row['pdf_kb']:.0f} KB |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--services", type=int, default=1200)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--setup", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.setup:
        return setup(args.services)
    if args.child:
        print(json.dumps(measure(args.child, args.runs)))
        return None
    with tempfile.TemporaryDirectory(prefix="pdf-bench-") as var_dir:
        env = django_env(var_dir)
        me = [sys.executable, __file__]
        subprocess.run([*me, "--setup", "--services", str(args.services)], env=env, check=True)
        rows = []
        for name in CASES:
            child = subprocess.run(
                [*me, "--child", name, "--runs", str(args.runs)],
                env=env,
                capture_output=True,
                text=True,
            )
            if child.returncode:
                sys.exit(f"{name} failed:\n{child.stderr[-3000:]}")
            rows.append(json.loads(child.stdout.strip().splitlines()[-1]))
            print(f"{name}: {rows[-1]['median_s']:.2f} s", file=sys.stderr)
    print(table(rows))
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
