from django.apps import AppConfig


class CampaignConfig(AppConfig):
    name = "solidarity.campaign"
    label = "campaign"
