from django.urls import path

from solidarity.campaign.views import organizers, printables, public

app_name = "campaign"
urlpatterns = [
    path("get-involved/", public.get_involved, name="get_involved"),
    path("get-involved/thanks/", public.get_involved_thanks, name="get_involved_thanks"),
    path("contact/", public.contact, name="contact"),
    path("contact/thanks/", public.contact_thanks, name="contact_thanks"),
    path("status-for-all/", public.status_for_all, name="status_for_all"),
    path("actions/", public.actions, name="actions"),
    path("actions.ics", public.actions_ics, name="actions_ics"),
    path("toolkit/", public.toolkit, name="toolkit"),
    path("toolkit/<slug:commitment>/", public.toolkit_page, name="toolkit_page"),
    path("posters/<slug:slug>/", printables.poster, name="poster"),
    path("pocket-guide/<slug:slug>/", printables.pocket_guide, name="pocket_guide"),
    path("organizers/volunteers/", organizers.volunteers, name="volunteers"),
    path(
        "organizers/volunteers/export.csv", organizers.volunteers_export, name="volunteers_export"
    ),
    path(
        "organizers/volunteers/<int:pk>/status/",
        organizers.volunteer_status,
        name="volunteer_status",
    ),
    path("organizers/messages/", organizers.contact_messages, name="contact_messages"),
    path(
        "organizers/messages/<int:pk>/handled/",
        organizers.contact_message_handled,
        name="contact_message_handled",
    ),
]
