from solidarity.campaign.models import Action, ContactMessage, ToolkitPage, Volunteer
from solidarity.cities.models import City


def test_demo_data_brings_actions_sealed_volunteers_and_the_toolkit(demo_data):
    cities = City.objects.count()
    assert Action.objects.filter(is_published=True).count() == 3 * cities
    assert not Action.objects.filter(title_ar="").exists()
    assert ToolkitPage.objects.count() == 5
    assert Volunteer.objects.count() == 4 * cities
    assert ContactMessage.objects.count() == cities
    assert all(bytes(v.details_sealed).startswith(b"SC1") for v in Volunteer.objects.all())
