from typing import Any

from django import forms


class AccessibleFormMixin(forms.Form):
    """Points each invalid field at its error message (aria-describedby), beside its help."""

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            ids = [f"{bound.auto_id}_errors"]
            if self.fields[name].help_text:
                ids.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)


def strip_nul(value: Any) -> Any:
    return value.replace("\x00", "") if isinstance(value, str) else value
