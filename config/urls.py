from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from solidarity.cities.views import healthz
from solidarity.organizers.admin_site import OrganizerAdminSite

# Every admin page requires a verified second factor (django-otp), like every staff page.
admin.site.__class__ = OrganizerAdminSite

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/", include("solidarity.api.urls")),
]
if settings.BENCHMARK_VIEWS:
    urlpatterns.append(path("bench/", include("solidarity.ops.urls")))

# The endorsements first: every one of their addresses begins with "endorse", which no
# prefix below matches, so the order decides nothing for them or the others (a test compares
# it with the previous order), and an endorsement surge's submission is resolved without four
# prefixes failing first (each failure raises and catches a Resolver404).
urlpatterns += i18n_patterns(
    path("", include("solidarity.endorsements.urls")),
    path("admin/", admin.site.urls),
    path("accounts/", include("solidarity.accounts.urls")),
    path("organizers/", include("solidarity.organizers.urls")),
    path("vault/", include("solidarity.vault.urls")),
    path("", include("solidarity.directory.urls")),
    path("", include("solidarity.reports.urls")),
    path("", include("solidarity.campaign.urls")),
    path("", include("solidarity.api.page_urls")),
    path("", include("solidarity.cities.urls")),
    prefix_default_language=True,
)

handler404 = "solidarity.lib.views.page_not_found"
handler500 = "solidarity.lib.views.server_error"
handler403 = "solidarity.lib.views.permission_denied"
handler400 = "solidarity.lib.views.bad_request"
