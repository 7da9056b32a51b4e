"""gunicorn's master freezes what it loaded before forking workers (config/gunicorn.conf.py):
a worker's garbage collector then never walks the master's objects, which cost each new worker
over a second of CPU, and a visitor a request that took as long."""

import gc
import runpy
import weakref
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[3]


def test_the_master_freezes_the_loaded_application_before_forking():
    when_ready = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))["when_ready"]
    server = SimpleNamespace(cfg=SimpleNamespace(preload_app=True))
    try:
        when_ready(server)
        frozen = gc.get_freeze_count()
        tracked = len(gc.get_objects())
    finally:
        gc.unfreeze()

    assert frozen > 10_000  # Django, the apps and their URLs
    assert tracked < frozen  # what a collection still walks


def test_without_preloading_there_is_nothing_to_freeze():
    when_ready = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))["when_ready"]
    when_ready(SimpleNamespace(cfg=SimpleNamespace(preload_app=False)))

    assert gc.get_freeze_count() == 0


def test_a_worker_still_collects_cyclic_garbage_after_a_few_requests_worth():
    post_fork = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))["post_fork"]
    before = gc.get_threshold()
    try:
        post_fork(SimpleNamespace(), SimpleNamespace())
        assert gc.get_threshold()[0] > before[0]  # fewer collections of the youngest objects

        class Node:
            pass

        collected = []
        for _ in range(60_000):  # a few submissions' worth of objects
            node = Node()
            node.cycle = node  # garbage that only the collector frees
            collected.append(weakref.ref(node))
            del node
        alive = sum(1 for ref in collected if ref() is not None)
    finally:
        gc.set_threshold(*before)

    assert alive < 25_000  # the youngest generation's threshold, not every one kept


def test_the_master_compiles_the_templates_its_workers_will_render():
    """A new worker (and each one `max_requests` renews) serves its first pages without
    compiling their templates."""
    from django.template import engines

    conf = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    loader = engines["django"].engine.template_loaders[0]
    loader.reset()

    conf["compile_templates"]()

    compiled = {key.split("-")[0] for key in loader.get_template_cache}
    assert {"directory/search.html", "base.html"} <= compiled
    assert not any(name.startswith("admin/") for name in compiled)  # Django's own: left alone
