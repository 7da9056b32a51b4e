from django.urls import path

from solidarity.reports import inbox_views, views

app_name = "reports"
urlpatterns = [
    path("report/", views.report, name="report"),
    path("report/follow-up/", views.follow_up, name="follow_up"),
    path("report/transparency/", views.transparency, name="transparency"),
    path("organizers/reports/", inbox_views.inbox, name="inbox"),
    path("organizers/reports/<uuid:report_id>/", inbox_views.detail, name="inbox_detail"),
    path("organizers/reports/<uuid:report_id>/state/", inbox_views.set_status, name="inbox_status"),
    path("organizers/reports/<uuid:report_id>/assign/", inbox_views.assign, name="inbox_assign"),
    path("organizers/reports/<uuid:report_id>/note/", inbox_views.add_note, name="inbox_note"),
    path("organizers/reports/<uuid:report_id>/reply/", inbox_views.reply, name="inbox_reply"),
    path("organizers/reports/<uuid:report_id>/suspend/", inbox_views.suspend, name="inbox_suspend"),
]
