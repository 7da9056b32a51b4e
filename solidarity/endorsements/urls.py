from django.urls import path

from solidarity.endorsements.views import open_data, organizers, public, representatives

app_name = "endorsements"
urlpatterns = [
    path("endorse/", public.endorse, name="endorse"),
    path("endorse/thanks/", public.thanks, name="thanks"),
    path("endorse/received/", public.received, name="received"),
    path("endorse/confirm/<str:token>/", public.confirm, name="confirm"),
    path("endorse/resend/", public.resend, name="resend"),
    path("endorsers/", public.endorsers, name="endorsers"),
    path("endorsers.json", open_data.endorsers_json, name="endorsers_json"),
    path("endorsers.csv", open_data.endorsers_csv, name="endorsers_csv"),
    path("endorsers.atom", open_data.shareable(open_data.EndorsersFeed()), name="endorsers_feed"),
    path("endorsers/badge.svg", open_data.badge, name="badge"),
    path("endorsers/count.svg", open_data.count_badge, name="count_badge"),
    path("endorsers/<slug:slug>/", public.endorser, name="endorser"),
    path("endorsement/profile/", representatives.profile, name="profile"),
    path("endorsement/withdraw/", representatives.withdraw, name="withdraw"),
    path("endorsements/review/", organizers.queue, name="review_queue"),
    path("endorsements/review/<int:pk>/", organizers.detail, name="review_detail"),
    path("endorsements/review/<int:pk>/contact/", organizers.contact, name="review_contact"),
    path("endorsements/review/<int:pk>/verify/", organizers.verify, name="review_verify"),
    path("endorsements/review/<int:pk>/reject/", organizers.reject, name="review_reject"),
    path("endorsements/review/<int:pk>/suspend/", organizers.suspend, name="review_suspend"),
]
