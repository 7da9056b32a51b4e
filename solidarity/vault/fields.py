from django.db import models


class SealedField(models.BinaryField):
    """Bytes sealed to a campaign key by `vault.services.seal_*`. Never plaintext.

    Key rotation finds every column to re-seal by this class, so any column holding data
    sealed to the campaign key must use it.
    """

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)
