"""Audio from a URL (yt-dlp): a link becomes a book in the library with the source's chapters."""

from rmab_desktop.domain.job_payloads import UrlImportPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.feature import Feature, JobSpec
from rmab_desktop.services.url_audio.service import UrlImports, UrlPreview
from rmab_desktop.services.url_audio.source import UrlSource, UrlSourceError, download_audio, probe_url

__all__ = [
    "UrlImports",
    "UrlPreview",
    "UrlSource",
    "UrlSourceError",
    "download_audio",
    "feature",
    "probe_url",
]


def feature(imports: UrlImports) -> Feature:
    return Feature(
        name="url_audio",
        jobs=(JobSpec(JobType.URL_IMPORT, UrlImportPayload, imports, "Import audio from a link"),),
    )
