"""Reported problems with books in the library: users report, admins dismiss or replace."""

from rmab_desktop.services.feature import Feature
from rmab_desktop.services.reported_issues.service import ProblemReports

__all__ = ["ProblemReports", "feature"]


def feature(reports: ProblemReports) -> Feature:
    """Reports run no job of their own: a replacement queues the request's search. The "issue
    reported" event kind is declared with the request events (``services/requests``)."""
    return Feature(name="reported_issues")
