"""The audit trail: one JSON line per file a batch run looked at, never the removed text.

Each line says what was done to which file and why: the input's SHA-256, input and output paths,
the status (`redacted`, `refused`, `skipped-unchanged`), how many spans of each entity type were
replaced and with which operator, a fingerprint of the settings, the tool version, the time and,
for a refused file, the reason. Schools keep it to "record the reasons for a decision"; it is safe
to keep because it holds counts and types, not personal data.

    with AuditLog(Path("audit.jsonl")) as log:
        log.write(AuditRecord.for_file(...))
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from redactor._version import VERSION
from redactor.errors import OutputError
from redactor.settings import Settings

__all__ = [
    "STATUSES",
    "AuditLog",
    "AuditRecord",
    "read_audit_log",
    "settings_fingerprint",
    "uses_hash",
]

STATUSES = ("redacted", "refused", "skipped-unchanged")

# Fields that do not change what a run writes, so they stay out of the fingerprint: where the
# settings came from, how many processes ran, and the PDF password (a secret, and it only opens
# the file).
_NOT_FINGERPRINTED = frozenset({"source", "workers", "pdf_password", "show_text"})


def _file_digest(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def uses_hash(settings: Settings) -> bool:
    """Whether any entity type is replaced with the keyed `hash` operator."""
    return settings.uses_hash()


def settings_fingerprint(settings: Settings) -> str:
    """A short stable digest of everything in `settings` that changes the output.

    It covers the contents of the roster and staff files (a new pupil list changes what is found)
    and, when a `hash` operator is in use, the key — through a one-way digest, so the key itself
    never reaches the audit log or the state file. The tool version is included: a new release may
    find more.
    """
    values: dict[str, Any] = {}
    for f in dataclasses.fields(settings):
        if f.name in _NOT_FINGERPRINTED:
            continue
        value = getattr(settings, f.name)
        if isinstance(value, frozenset):
            value = sorted(value)
        elif isinstance(value, Path):
            value = str(value)
        values[f.name] = value
    values["roster_sha256"] = _file_digest(settings.roster)
    values["staff_sha256"] = _file_digest(settings.staff)
    key = settings.hash_key() if uses_hash(settings) else None
    values["hash_key"] = (
        hashlib.sha256(b"redactor-key-fingerprint\x00" + key).hexdigest()[:16] if key else None
    )
    values["version"] = VERSION
    canonical = json.dumps(values, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class AuditRecord:
    """One file's line in the audit log."""

    input: str
    input_sha256: str
    status: str
    output: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    operators: dict[str, str] = field(default_factory=dict)
    settings_fingerprint: str = ""
    tool_version: str = VERSION
    time: str = ""
    reason: str | None = None

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown audit status {self.status!r}")  # a caller bug

    @classmethod
    def for_file(
        cls,
        *,
        source: Path,
        input_sha256: str,
        status: str,
        settings: Settings,
        output: Path | None = None,
        counts: dict[str, int] | None = None,
        reason: str | None = None,
        fingerprint: str | None = None,
    ) -> AuditRecord:
        """A record stamped with the current UTC time; operators are those used for `counts`."""
        counts = dict(sorted((counts or {}).items()))
        return cls(
            input=str(source),
            input_sha256=input_sha256,
            status=status,
            output=str(output) if output is not None else None,
            counts=counts,
            operators={kind: settings.operator_for(kind) for kind in counts},
            settings_fingerprint=fingerprint or settings_fingerprint(settings),
            time=datetime.now(UTC).isoformat(timespec="seconds"),
            reason=reason,
        )

    def to_json(self) -> str:
        data = dataclasses.asdict(self)
        if data["reason"] is None:
            del data["reason"]
        return json.dumps(data, ensure_ascii=False, sort_keys=False)


class AuditLog:
    """An append-only JSON-lines file. Each record is written and flushed as one line, so an
    interrupted run leaves every finished file recorded and no partial line behind."""

    def __init__(self, path: Path):
        self.path = path
        self._handle: IO[str] | None = None

    def __enter__(self) -> AuditLog:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self.path.open("a", encoding="utf-8")
        except OSError as err:
            raise OutputError(f"{self.path}: cannot write the audit log ({err.strerror})") from None
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def write(self, record: AuditRecord) -> None:
        if self._handle is None:
            raise RuntimeError("AuditLog used outside its `with` block")  # a caller bug
        try:
            self._handle.write(record.to_json() + "\n")
            self._handle.flush()
        except OSError as err:
            raise OutputError(f"{self.path}: cannot write the audit log ({err.strerror})") from None


def read_audit_log(path: Path) -> list[dict[str, Any]]:
    """Every record of an audit log, oldest first."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
