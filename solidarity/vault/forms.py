from django import forms
from django.utils.translation import gettext_lazy as _

from solidarity.accounts.forms_base import AccessibleFormMixin

PASSPHRASE_MAX = 1024


class UnlockForm(AccessibleFormMixin, forms.Form):
    passphrase = forms.CharField(
        label=_("Vault passphrase"),
        max_length=PASSPHRASE_MAX,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class ChoosePassphraseForm(AccessibleFormMixin, forms.Form):
    passphrase = forms.CharField(
        label=_("Choose a vault passphrase"),
        min_length=16,
        max_length=PASSPHRASE_MAX,
        strip=False,
        help_text=_("At least 16 characters. A few unrelated words are easy to remember."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    passphrase_again = forms.CharField(
        label=_("The same passphrase again"),
        max_length=PASSPHRASE_MAX,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("passphrase"), cleaned.get("passphrase_again")
        if first and second and first != second:
            self.add_error("passphrase_again", _("The two passphrases are different."))
        return cleaned
