"""Demo reports: a few in every state, in every city, readable by the demo organizer."""

from io import StringIO

from solidarity.reports import demo
from solidarity.reports.models import Report
from solidarity.reports.services import report_open_by_receipt
from solidarity.reports.tests.conftest import make_endorser


def test_demo_reports_exist_in_every_state_and_their_receipts_work(city, organizer):
    make_endorser(city, "Clinique du Parc")
    out = StringIO()

    demo.load(stdout=out)

    assert set(Report.objects.values_list("status", flat=True)) == set(Report.Status.values)
    lines = [line for line in out.getvalue().splitlines() if "receipt" in line]
    assert len(lines) == len(Report.Status.values)
    receipt = lines[0].rsplit("receipt ", 1)[1]
    opened = report_open_by_receipt(receipt_text=receipt)
    assert opened is not None
    assert opened.content()["narrative"]
