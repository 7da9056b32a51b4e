"""Self-hosted proof-of-work for public forms (the ALTCHA v1 protocol; no third party).

The page carries a signed challenge; `lib/pow.js` (served from our static files) finds the
number whose SHA-256 matches and puts an ALTCHA payload in a hidden field before the form is
sent. The server checks the signature, the expiry and that the challenge was not used before.
Without JavaScript the field stays empty: the form still works, and the view decides what an
unproven submission may do (endorsements: no e-mail is sent, the entry waits for an organizer).

Usage, in a form and its template::

    class MyForm(ProofOfWorkFormMixin, forms.Form): ...

    form = MyForm(request.POST)
    if form.is_valid():
        proven = form.proof_of_work_passed()   # True once per solved challenge

    {{ form.altcha }}   {# inside the <form>, with a status line for "one moment…": #}
    <p role="status" data-pow-status="{% translate "One moment…" %}"></p>
    {% block scripts %}<script src="{% static 'lib/pow.js' %}" defer></script>{% endblock %}

Settings (optional): `POW_MAX_NUMBER` (difficulty, default 50,000: a fraction of a second on a
cheap phone), `POW_TTL_SECONDS` (how long a challenge stays valid, default 3 hours).
"""

import binascii
import datetime
import functools
import hashlib
import hmac
import json
import re
import time
from typing import Any, cast

import altcha
from django import forms
from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone

FIELD_NAME = "altcha"
MAX_PAYLOAD_LENGTH = 2000


def _hmac_key() -> bytes:
    return _key_for(settings.KEYED_HASH_SECRET)


@functools.lru_cache(maxsize=8)
def _key_for(secret: str) -> bytes:
    """The challenges' HMAC key, derived once per secret."""
    return hmac.new(secret.encode(), b"proof-of-work", hashlib.sha256).digest()


@functools.cache
def _ttl() -> int:
    """Read once (an unset setting costs two exceptions per read), again after a change."""
    return int(getattr(settings, "POW_TTL_SECONDS", 3 * 60 * 60))


@receiver(setting_changed)
def _read_ttl_again(*, setting: str, **_kwargs: Any) -> None:
    if setting == "POW_TTL_SECONDS":
        _ttl.cache_clear()


def new_challenge() -> dict[str, object]:
    """A fresh signed challenge, as the ALTCHA widget expects it (JSON-serializable)."""
    challenge = altcha.create_challenge_v1(
        algorithm="SHA-256",
        max_number=int(getattr(settings, "POW_MAX_NUMBER", 50_000)),
        salt_length=12,
        hmac_key=_hmac_key(),
        salt="",
        number=None,
        expires=timezone.now() + datetime.timedelta(seconds=_ttl()),
        params=None,
    )
    return dict(challenge.to_dict())


def verify(payload: str) -> bool:
    """True for a valid, unexpired solution seen for the first time; False for anything else."""
    if not payload or len(payload) > MAX_PAYLOAD_LENGTH:
        return False
    try:
        # Decoded once here (the library would decode a string again to tell the challenge);
        # what base64.b64decode does for a str, without its Python wrapper.
        solution = json.loads(binascii.a2b_base64(payload))
        if not isinstance(solution, dict):
            return False
        ok = _ours_verified(solution)
        if ok is None:  # not the shape of our challenges: the library decides
            fields = cast("altcha.v1.PayloadType", solution)  # checked by the library
            ok, _error = altcha.verify_solution_v1(fields, _hmac_key(), check_expires=True)
        challenge = str(solution["challenge"]) if ok else ""
    except (ValueError, TypeError, AttributeError, KeyError, UnicodeError, binascii.Error):
        return False
    if not ok:
        return False
    # A solution is spent once: a replayed payload proves no new work.
    return bool(caches[DEFAULT_CACHE_ALIAS].add(f"pow:{challenge}", 1, timeout=_ttl()))


# The salt of every challenge `new_challenge` makes: random hex, then its expiry, then the
# library's "&" delimiter.
_OUR_SALT = re.compile(r"[0-9a-f]+\?expires=([0-9]{1,15})&")


def _ours_verified(solution: dict[str, Any]) -> bool | None:
    """`altcha.verify_solution_v1(solution, key, check_expires=True)[0]` for a solution of
    the shape `new_challenge` makes (SHA-256, an integer number, a salt of hex and expiry),
    the same computation without its generic steps (the salt's expiry read by `parse_qs`, a
    hash object and an `hmac.HMAC` built per call: 75 k instructions of a submission's 166 k
    for the check, measured); None for any other shape, which the library then checks. The
    tests compare the two verdicts."""
    algorithm, number = solution.get("algorithm"), solution.get("number")
    salt = solution.get("salt")
    if algorithm != "SHA-256" or type(number) is not int or type(salt) is not str:
        return None
    if "challenge" not in solution or "signature" not in solution:
        return None
    match = _OUR_SALT.fullmatch(salt)
    if match is None:
        return None
    if int(match[1]) < time.time():  # the library's expiry check (parse_qs gives the same)
        return False
    expected = hashlib.sha256(f"{salt}{number}".encode()).hexdigest()
    signature = hmac.digest(_hmac_key(), expected.encode(), "sha256").hex()
    return expected == solution["challenge"] and signature == solution["signature"]


def solve(challenge: dict[str, object]) -> str:
    """Solves a challenge the way the browser does (tests and the load generator use it)."""
    solution = altcha.solve_challenge_v1(
        str(challenge["challenge"]),
        str(challenge["salt"]),
        "SHA-256",
        int(str(challenge["maxNumber"])),
    )
    if solution is None:
        raise ValueError("Challenge has no solution")
    payload = altcha.PayloadV1(
        algorithm="SHA-256",
        challenge=str(challenge["challenge"]),
        number=solution.number,
        salt=str(challenge["salt"]),
        signature=str(challenge["signature"]),
    )
    return str(payload.to_base64())


class ChallengeInput(forms.HiddenInput):
    """A hidden input that carries a fresh challenge, made only when the form is rendered (a
    submitted form that is valid never pays for one)."""

    def get_context(self, name: str, value: object, attrs: dict[str, object] | None) -> dict:
        attrs = {**(attrs or {}), "data-pow-challenge": json.dumps(new_challenge())}
        return super().get_context(name, "", {**attrs, "class": "pow-field"})


class ProofOfWorkFormMixin(forms.Form):
    """Adds the hidden `altcha` field, with a fresh challenge for the browser to solve."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if FIELD_NAME in self.fields:  # declared already (a form sharing its fields)
            return
        self.fields[FIELD_NAME] = forms.CharField(
            required=False, max_length=MAX_PAYLOAD_LENGTH, widget=ChallengeInput
        )

    def proof_of_work_passed(self) -> bool:
        return verify(str(self.cleaned_data.get(FIELD_NAME) or ""))
