import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django_application = get_wsgi_application()

from solidarity.lib.kept import KeptResponses  # noqa: E402 - imports models: after Django's setup

# Public pages and searches answered a moment ago are answered again before Django (lib/kept.py).
application = KeptResponses(django_application)
