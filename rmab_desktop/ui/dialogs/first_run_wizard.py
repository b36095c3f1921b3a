"""The first-run wizard: library, Audible marketplace, indexers, download client, notifications.

Shown at the first start (``prefs.first_run_done`` is False) and re-openable from Settings.
"Skip setup" marks the first run done; "Save and start" saves everything (secrets to the
keychain) off the GUI thread, then the last page follows the first catalog refresh and library
scan, which keep running in the background when the wizard is closed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget, QWizard, QWizardPage

from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.enums import JobStatus
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.jobs import Job
from rmab_desktop.services import setup
from rmab_desktop.ui.dialogs.secrets_unlock import KeychainNotice
from rmab_desktop.ui.dialogs.wizard_pages import (
    AudiblePage,
    DownloadClientPage,
    IndexersPage,
    LibraryPage,
    NotificationsPage,
    SetupSteps,
    WelcomePage,
)
from rmab_desktop.ui.secret_places import show_secret_places
from rmab_desktop.ui.widgets.test_result import TestResultLabel
from rmab_desktop.workers.runner import ErrorInfo

if TYPE_CHECKING:
    from rmab_desktop.services.credentials import CredentialStore
    from rmab_desktop.services.downloads import DownloadService
    from rmab_desktop.services.indexers import IndexerService
    from rmab_desktop.services.job_queue import JobQueue
    from rmab_desktop.services.library.service import LibraryService
    from rmab_desktop.services.notifications import NotificationService
    from rmab_desktop.settings import Preferences
    from rmab_desktop.ui.shell import Runner

tr = Translator("FirstRunWizard")

POLL_MS = 700
JOB_WORDS = {
    JobStatus.QUEUED: tr.mark("{task}: waiting"),
    JobStatus.ACTIVE: tr.mark("{task}: running"),
    JobStatus.DONE: tr.mark("{task}: done"),
    JobStatus.FAILED: tr.mark("{task}: failed"),
    JobStatus.CANCELLED: tr.mark("{task}: cancelled"),
}


class JobProgress(QWidget):
    """A bar and a line of text following one job."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.text = QLabel(tr("{task}: not started").format(task=title))
        self.text.setWordWrap(True)
        self.bar.setAccessibleName(title)
        self.title = title
        self.job: Job | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.bar)

    def show_job(self, job: Job | None) -> None:
        self.job = job
        if job is None:
            self.text.setText(tr("{task}: not needed").format(task=self.title))
            self.bar.setValue(100)
            return
        busy = job.status == JobStatus.ACTIVE and job.progress is None
        self.bar.setRange(0, 0 if busy else 100)
        done = job.status in (JobStatus.DONE, JobStatus.FAILED, JobStatus.CANCELLED)
        self.bar.setValue(100 if done else int((job.progress or 0) * 100))
        words = text(JOB_WORDS[job.status]).format(task=self.title)
        if job.last_error and job.status != JobStatus.DONE:
            words = tr("{status} ({error})").format(status=words, error=job.last_error)
        self.text.setText(words)

    @property
    def finished(self) -> bool:
        return self.job is None or self.job.status in (JobStatus.DONE, JobStatus.FAILED, JobStatus.CANCELLED)


class StartPage(QWizardPage):
    """Saves the plan when entered, then follows the first jobs."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.setTitle(tr("Getting ready"))
        self.setSubTitle(tr("Saving your choices and loading your catalog and library."))
        self.wizard_ref = wizard
        self.saved = False
        self.result = TestResultLabel()
        self.catalog = JobProgress(tr("Audible catalog"))
        self.library = JobProgress(tr("Library scan"))
        note = QLabel(tr("You can close this window: the work continues in the background (see Activity)."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.result)
        layout.addWidget(self.catalog)
        layout.addWidget(self.library)
        layout.addWidget(note)
        layout.addStretch(1)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.jobs: setup.StartedJobs | None = None

    def initializePage(self) -> None:
        wizard = self.wizard_ref
        self.result.show_busy(tr("Saving…"))
        wizard.runner.submit(
            wizard.steps.apply_plan,
            wizard.plan(),
            pool="network",
            on_result=self._saved,
            on_error=self._failed,
        )

    def _saved(self, jobs: setup.StartedJobs) -> None:
        self.saved = True
        self.jobs = jobs
        if jobs.secrets_not_saved:
            self.result.show_result(
                ConnectionTestResult(
                    ok=False,
                    message=tr("Saved, except the passwords and keys of: {items}.").format(
                        items=", ".join(jobs.secrets_not_saved)
                    ),
                    hint=tr(
                        "No keychain could keep them. Choose an encrypted file or unlock it in Settings > "
                        "General, then enter them again in Settings."
                    ),
                )
            )
        else:
            self.result.show_busy(tr("Saved. Your secrets are kept safe."))
        self.completeChanged.emit()
        self.wizard_ref.setup_saved.emit(jobs)
        self.poll()
        self.timer.start()

    def _failed(self, info: ErrorInfo) -> None:
        self.result.show_error(info)

    def poll(self) -> None:
        jobs = self.jobs
        if jobs is None:
            return
        queue = self.wizard_ref.queue

        def read() -> tuple[Job | None, Job | None]:
            return (
                queue.get(jobs.catalog_refresh) if jobs.catalog_refresh else None,
                queue.get(jobs.library_scan) if jobs.library_scan else None,
            )

        self.wizard_ref.runner.submit(read, on_result=self._show_jobs)

    def _show_jobs(self, found: tuple[Job | None, Job | None]) -> None:
        self.catalog.show_job(found[0])
        self.library.show_job(found[1])
        if self.catalog.finished and self.library.finished:
            self.timer.stop()

    def isComplete(self) -> bool:
        return self.saved


class FirstRunWizard(QWizard):
    setup_saved = Signal(object)  # setup.StartedJobs

    def __init__(
        self,
        steps: SetupSteps,
        prefs: Preferences,
        save_prefs: Callable[[], None],
        library: LibraryService,
        indexers: IndexerService,
        downloads: DownloadService,
        notifications: NotificationService,
        queue: JobQueue,
        runner: Runner,
        parent: QWidget | None = None,
        credentials: CredentialStore | None = None,
    ) -> None:
        """The services test the user's choices; ``steps`` saves them; ``queue`` shows the first jobs;
        ``credentials`` lets the steps that take secrets say up front when none can be saved."""
        super().__init__(parent)
        self.steps, self.prefs, self.save_prefs, self.queue, self.runner = (
            steps,
            prefs,
            save_prefs,
            queue,
            runner,
        )
        self.setWindowTitle(tr("Set up ReadMeABook"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("S&kip setup"))
        self.resize(720, 600)
        self.welcome = WelcomePage()
        self.library = LibraryPage(steps, prefs, library, runner)
        self.audible = AudiblePage(steps, prefs, runner)
        self.indexers = IndexersPage(indexers, runner)
        self.downloads = DownloadClientPage(downloads, runner)
        self.notifications = NotificationsPage(notifications, runner)
        self.start = StartPage(self)
        for page in (
            self.welcome,
            self.library,
            self.audible,
            self.indexers,
            self.downloads,
            self.notifications,
            self.start,
        ):
            self.addPage(page)
        self.keychain_notices: list[KeychainNotice] = []
        if credentials is not None:
            for page in (self.library, self.indexers, self.downloads, self.notifications):
                notice = KeychainNotice(credentials, runner)
                notice.changed.connect(lambda status, page=page: show_secret_places(page, status.state))
                if notice.status is not None:  # its first answer came before the connection
                    show_secret_places(page, notice.status.state)
                cast(QVBoxLayout, page.layout()).insertWidget(0, notice)  # each page lays out in a column
                self.keychain_notices.append(notice)
            self.currentIdChanged.connect(self._refresh_keychain_notices)
        self.rejected.connect(self._skipped)

    def plan(self) -> setup.SetupPlan:
        return setup.SetupPlan(
            library=self.library.choice(),
            region=self.audible.region(),
            indexers=self.indexers.chosen(),
            download_client=self.downloads.chosen(),
            notification_url=self.notifications.url(),
        )

    def _refresh_keychain_notices(self, _page_id: int) -> None:
        for notice in self.keychain_notices:
            notice.refresh()

    def _skipped(self) -> None:
        """Skipping still counts as the first run: the wizard stays reachable from Settings."""
        if self.start.saved or self.prefs.first_run_done:
            return
        self.prefs.first_run_done = True
        self.runner.submit(self.save_prefs, pool="network")


def should_show(prefs: Preferences, *, interactive: bool) -> bool:
    """At the first start of an interactive session (not with --screenshot or --quit-after)."""
    return interactive and not prefs.first_run_done
