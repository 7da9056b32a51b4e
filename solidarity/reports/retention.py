"""Retention: reports are crypto-shredded REPORT_RETENTION_DAYS after they are closed."""

import datetime

from django.conf import settings

from solidarity.reports.models import Report
from solidarity.reports.services import report_shred


def purge(*, today: datetime.date) -> dict[str, int]:
    cutoff = today - datetime.timedelta(days=settings.REPORT_RETENTION_DAYS)
    expired = Report.objects.filter(
        status__in=Report.CLOSED, closed_on__lte=cutoff, shredded_on=None
    )
    count = 0
    for report in expired.iterator():
        report_shred(report=report, today=today)
        count += 1
    return {"reports shredded": count}
