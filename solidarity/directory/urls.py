from django.urls import path

from solidarity.directory.views import manage, public, review

app_name = "directory"
urlpatterns = [
    path("services/", public.search, name="search"),
    path("services/manage/", manage.dashboard, name="manage"),
    path("services/manage/new/", manage.service_edit, name="service_create"),
    path("services/manage/<uuid:service_id>/edit/", manage.service_edit, name="service_edit"),
    path("services/manage/<uuid:service_id>/retire/", manage.service_retire, name="service_retire"),
    path(
        "services/manage/<uuid:service_id>/accurate/",
        manage.service_accurate,
        name="service_accurate",
    ),
    path("services/manage/locations/new/", manage.location_edit, name="location_create"),
    path(
        "services/manage/locations/<uuid:location_id>/edit/",
        manage.location_edit,
        name="location_edit",
    ),
    path(
        "services/manage/locations/<uuid:location_id>/retire/",
        manage.location_retire,
        name="location_retire",
    ),
    path("services/review/", review.queue, name="review"),
    path("services/review/<uuid:service_id>/", review.decide, name="review_decide"),
    path("services/review/policy/", review.policy, name="review_policy"),
    path("services/review/outdated/", review.outdated, name="outdated"),
    path(
        "services/review/outdated/<uuid:service_id>/handled/",
        review.outdated_handled,
        name="outdated_handled",
    ),
    path("services/<str:service_id>/", public.service_detail, name="service"),
    path("services/<str:service_id>/outdated/", public.report_outdated, name="report_outdated"),
]
