"""Work that outlives its request (imports from remote sources): each job runs in a thread of its
own, reports lines as it goes, and ends done or failed. The registry is a small dict guarded by a
lock; finished jobs are forgotten after an hour."""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from hireable.errors import HireableError

RUNNING, DONE, FAILED = "running", "done", "failed"
MAX_AGE = 3600.0  # seconds a finished job stays visible: long enough to read it
MAX_JOBS = 50  # beyond this, the oldest finished jobs go first
POLL_SECONDS = 1  # how often a running job's page asks for its state again
UNEXPECTED = "an unexpected error stopped it; nothing was stored (the terminal shows the details)"

log = logging.getLogger("hireable.web")

# What a job does: called with `progress(line)`, returns its result (the service's report).
Work = Callable[[Callable[[Any], None]], Any]


@dataclass(frozen=True)
class Job:
    """A snapshot: the registry hands out copies, never the job the thread is writing."""

    id: str
    title: str
    started: float
    state: str = RUNNING
    lines: tuple[Any, ...] = ()
    result: Any = None
    error: str = ""
    finished: float | None = None

    @property
    def running(self) -> bool:
        return self.state == RUNNING


@dataclass
class JobRegistry:
    clean: Callable[[str], str] = str  # applied to every error message kept (hides tokens)
    clock: Callable[[], float] = time.monotonic
    _jobs: dict[str, Job] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, title: str, work: Work) -> Job:
        job = Job(secrets.token_urlsafe(9), title, self.clock())
        with self._lock:
            self._forget_old()
            self._jobs[job.id] = job
        threading.Thread(target=self._run, args=(job.id, work), daemon=True).start()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            self._forget_old()
            return self._jobs.get(job_id)

    def recent(self) -> list[Job]:
        with self._lock:
            self._forget_old()
            return sorted(self._jobs.values(), key=lambda j: j.started, reverse=True)

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            if job_id in self._jobs:
                self._jobs[job_id] = replace(self._jobs[job_id], **changes)

    def _add_line(self, job_id: str, line: Any) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is not None:
                self._jobs[job_id] = replace(job, lines=(*job.lines, line))

    def _run(self, job_id: str, work: Work) -> None:
        ending: dict[str, Any]
        try:
            ending = {"state": DONE, "result": work(lambda line: self._add_line(job_id, line))}
        except HireableError as exc:
            ending = {"state": FAILED, "error": self._one_line(str(exc))}
        except Exception as exc:  # noqa: BLE001 - a thread must end its job, whatever happened
            log.error("background job failed: %s", self.clean(f"{type(exc).__name__}: {exc}"))
            ending = {"state": FAILED, "error": UNEXPECTED}
        self._update(job_id, finished=self.clock(), **ending)

    def _one_line(self, text: str) -> str:
        return " ".join(self.clean(text).split())

    def _forget_old(self) -> None:
        now = self.clock()
        done = sorted((j for j in self._jobs.values() if j.finished is not None), key=_started)
        too_many = max(0, len(self._jobs) - MAX_JOBS)
        for i, job in enumerate(done):
            if i < too_many or now - (job.finished or now) > MAX_AGE:
                del self._jobs[job.id]


def _started(job: Job) -> float:
    return job.started
