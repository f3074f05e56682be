"""DOCX to PDF/A-2b through LibreOffice kept warm: a small pool of ``soffice`` processes
driven over UNO (Debian's python3-uno), instead of a cold ``soffice --convert-to`` per
document.

Each instance is one ``soffice.bin`` with its own user profile folder and its own
loopback port, owned by one worker thread of the pool. A conversion waits at most
``timeout`` seconds; a converter that hangs or dies is killed, started again, and the
document is tried once more on the fresh instance. A conversion that still fails raises
:class:`ConversionFailed` (a Romanian message) and leaves no file behind: the DOCX and
the PDF live in a private temporary folder that is removed whatever happens.

Nothing starts at import: :func:`shared_pool` starts one pool per process on first use
(a gunicorn worker, a test session) and stops it at exit. ``setpriv --pdeathsig`` makes
the kernel kill an instance whose owner died without cleaning up, so no ``soffice`` is
left orphaned even after a SIGKILL. The pool's folder (which holds, while it works, the
DOCX of a child's document) carries its owner's process id and start time; a pool that
starts removes the folders of pools whose owner is gone, so a killed worker leaves no
child's data behind for long.
"""

import atexit
import contextlib
import io
import logging
import os
import queue
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document as WordDocument

from ..config import child_environment

log = logging.getLogger(__name__)

SOFFICE = "/usr/lib/libreoffice/program/soffice.bin"
# soffice.bin exits with 81 after creating a new user profile and expects to be started
# again (the oosplash launcher normally does it; we run soffice.bin directly, so that the
# process we watch and kill is LibreOffice itself).
_RESTART_REQUESTED = 81

WORK_PREFIX = "fs-libreoffice-"  # the pool's folder in TMPDIR
OWNER_FILE = "owner"  # in it: "<pid> <start time>" of the process that made it

# PDF/A-2b (ISO 19005-2, level B): LibreOffice embeds every font in this mode.
PDF_FILTER_DATA = {
    "SelectPdfVersion": 2,
    "UseTaggedPDF": True,
    "ExportFormFields": False,
    "ExportBookmarks": True,
}


class ConversionFailed(Exception):
    """The DOCX could not be converted to PDF/A; nothing was produced."""

    def __init__(self, reason: str, *, retry: bool = False):
        self.message = f"Conversia documentului în PDF/A a eșuat: {reason}"
        self.retry = retry  # the converter broke, not the document: try a fresh one
        super().__init__(self.message)


class _Job:
    """One DOCX waiting for, or in, an instance."""

    def __init__(self, docx: bytes):
        self.docx = docx
        self.future: Future = Future()
        self.started = threading.Event()


@dataclass(frozen=True)
class PoolSettings:
    """How many instances, how long a conversion may take, which binary to run."""

    size: int = 2
    timeout: float = 60.0
    start_timeout: float = 60.0
    soffice: str = SOFFICE
    retries: int = 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Instance:
    """One ``soffice.bin`` with its own profile and port, and the UNO desktop on it.

    Used only by the worker thread that owns it (UNO connections are not shared)."""

    def __init__(self, settings: PoolSettings, index: int, root: Path):
        self.settings = settings
        self.index = index
        self.root = root  # the pool's private folder: profiles live under it
        self.process: subprocess.Popen | None = None
        self.profile: Path | None = None
        self.desktop: Any = None  # LibreOffice's UNO desktop, once connected
        self.port: int | None = None
        self.busy_with = None  # the job in progress (the pool's timeout kills it)

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        """Start soffice and connect to it; ConversionFailed if it does not come up."""
        import uno  # Debian's python3-uno; imported here so import never starts anything

        if not os.access(self.settings.soffice, os.X_OK):
            raise ConversionFailed(
                f"LibreOffice nu poate porni: {self.settings.soffice} "
                "lipsește (instalați libreoffice-writer-nogui)."
            )
        self.profile = Path(tempfile.mkdtemp(prefix=f"profile-{self.index}-", dir=self.root))
        self.port = _free_port()
        accept = f"socket,host=127.0.0.1,port={self.port};urp;StarOffice.ComponentContext"
        command = [
            "setpriv",
            "--pdeathsig",
            "KILL",
            "--",
            self.settings.soffice,
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            "--nofirststartwizard",
            f"-env:UserInstallation={self.profile.as_uri()}",
            f"--accept={accept}",
        ]
        self._launch(command)
        # A soffice that hangs after it listens would keep resolve() waiting for ever
        # (UNO sets no timeout): past start_timeout the watchdog kills it, which makes
        # resolve() fail and the loop below give up.
        watchdog = threading.Timer(self.settings.start_timeout, self._kill_group)
        watchdog.daemon = True
        watchdog.start()
        try:
            self._connect(uno, command)
        finally:
            watchdog.cancel()

    def _connect(self, uno, command: list[str]) -> None:
        """Wait until soffice answers over UNO and take its desktop."""
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        deadline = time.monotonic() + self.settings.start_timeout
        while True:
            try:
                context = resolver.resolve(
                    f"uno:socket,host=127.0.0.1,port={self.port};urp;"
                    "StarOffice.ComponentContext"
                )
                self.desktop = context.ServiceManager.createInstanceWithContext(
                    "com.sun.star.frame.Desktop", context
                )
                log.info(
                    "LibreOffice %d started (pid %d, port %d)", self.index, self.pid, self.port
                )
                return
            except Exception:  # NoConnectException until soffice listens
                if self.process is not None and self.process.poll() == _RESTART_REQUESTED:
                    self._launch(command)  # a fresh profile was made: start for real
                    continue
                if not self.alive() or time.monotonic() > deadline:
                    self.stop()
                    # A fresh instance may well start (a start that crashed or hung is
                    # LibreOffice's fault, not the document's): retried, within the
                    # attempts gunicorn's timeout allows for (config.gunicorn_timeout).
                    raise ConversionFailed("LibreOffice nu a pornit.", retry=True) from None
                time.sleep(0.1)

    def _launch(self, command: list[str]) -> None:
        try:
            # LibreOffice keeps its own temporary files (copies of what it converts)
            # under TMPDIR: inside the pool's folder, they go when the folder goes.
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                env=child_environment(TMPDIR=str(self.root / "tmp")),
            )
        except OSError as exc:
            self._remove_profile()
            raise ConversionFailed(f"LibreOffice nu poate porni ({exc.strerror}).") from None

    def _kill_group(self) -> None:
        process = self.process
        if process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)

    def stop(self) -> None:
        """Kill the process group and remove the profile folder."""
        self.desktop = None
        if self.process is not None:
            self._kill_group()
            self.process.wait()
            self.process = None
        self._remove_profile()

    def _remove_profile(self) -> None:
        if self.profile is not None:
            shutil.rmtree(self.profile, ignore_errors=True)
            self.profile = None

    def convert(self, docx_path: Path, pdf_path: Path) -> None:
        """Load ``docx_path`` as Word 2007 XML and store it as PDF/A-2b at ``pdf_path``."""
        import uno
        from com.sun.star.beans import PropertyValue  # available once uno loads

        def props(**values):
            out = []
            for name, value in values.items():
                prop = PropertyValue()
                prop.Name, prop.Value = name, value
                out.append(prop)
            return tuple(out)

        # The import filter is named so that bytes that are not a DOCX fail to load
        # instead of being opened as plain text.
        document = self.desktop.loadComponentFromURL(
            docx_path.as_uri(),
            "_blank",
            0,
            props(Hidden=True, ReadOnly=True, FilterName="MS Word 2007 XML"),
        )
        if document is None:
            raise ConversionFailed("fișierul DOCX nu a putut fi deschis.")
        try:
            filter_data = uno.Any(
                "[]com.sun.star.beans.PropertyValue", props(**PDF_FILTER_DATA)
            )
            uno.invoke(
                document,
                "storeToURL",
                (
                    pdf_path.as_uri(),
                    props(FilterName="writer_pdf_Export", FilterData=filter_data),
                ),
            )
        finally:
            document.close(True)


class ConverterPool:
    """A few warm LibreOffice instances converting in parallel, each in its own thread."""

    def __init__(self, settings: PoolSettings = PoolSettings()):
        self.settings = settings
        self.owner_pid = os.getpid()
        self._jobs: queue.Queue = queue.Queue()
        # A private folder for the profiles and the conversions in progress, removed by
        # close(); made on first use, like everything else the pool starts.
        self.work_root: Path | None = None
        self._instances: list[Instance] = []
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._closed = False
        self._warm = False
        self.restarts = 0

    # ---- public -------------------------------------------------------------------

    def convert(self, docx: bytes) -> bytes:
        """Convert DOCX bytes to PDF/A-2b bytes, or raise ConversionFailed.

        The timeout counts from the moment an instance takes the job, not from the
        queue: a batch waiting for a free instance is not a hung converter."""
        self._ensure_started()
        last: ConversionFailed | None = None
        for _attempt in range(1 + self.settings.retries):
            job = _Job(docx)
            self._jobs.put(job)
            if not job.started.wait(self.settings.timeout * 20):
                job.future.cancel()
                raise ConversionFailed("niciun convertor LibreOffice nu este disponibil.")
            try:
                return job.future.result(timeout=self.settings.timeout)
            except TimeoutError:
                # The worker is stuck inside LibreOffice: killing the instance makes its
                # UNO call fail, and the worker starts a fresh one for the next job.
                self._kill_busy(job)
                last = ConversionFailed(
                    f"LibreOffice nu a răspuns în {self.settings.timeout:g} secunde."
                )
            except ConversionFailed as exc:
                last = exc
                if not exc.retry:
                    break
        raise last or ConversionFailed("LibreOffice nu a convertit documentul.")

    def start(self) -> None:
        """Start every instance now, in the background (``make run`` warms the pool so
        that the first document is as fast as the next)."""
        self._warm = True
        self._ensure_started()

    def pids(self) -> list[int]:
        """The process ids of the running instances (for tests and diagnostics)."""
        return [pid for i in self._instances if i.alive() and (pid := i.pid) is not None]

    def close(self) -> None:
        """Stop every instance: the jobs already queued finish (for a few seconds at
        most), then the processes are killed and their folders removed."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        for _ in self._threads:
            self._jobs.put(None)
        deadline = time.monotonic() + min(self.settings.timeout, 10)
        for thread in self._threads:
            thread.join(timeout=max(deadline - time.monotonic(), 0))
        for instance in self._instances:
            instance.stop()  # a worker still inside LibreOffice gets an error and exits
        for thread in self._threads:
            thread.join(timeout=5)
        if self.work_root is not None:
            shutil.rmtree(self.work_root, ignore_errors=True)

    # ---- workers ------------------------------------------------------------------

    def _ensure_started(self) -> None:
        with self._lock:
            if self._closed:
                raise ConversionFailed("convertorul a fost oprit.")
            if self._threads:
                return
            remove_stale_work_roots()
            self.work_root = Path(tempfile.mkdtemp(prefix=WORK_PREFIX))
            (self.work_root / OWNER_FILE).write_text(
                _owner_mark(os.getpid()) or "", encoding="ascii"
            )
            (self.work_root / "jobs").mkdir()
            (self.work_root / "tmp").mkdir()
            self._instances = [
                Instance(self.settings, i, self.work_root) for i in range(self.settings.size)
            ]
            for instance in self._instances:
                thread = threading.Thread(
                    target=self._work,
                    args=(instance,),
                    name=f"libreoffice-{instance.index}",
                    daemon=True,
                )
                thread.start()
                self._threads.append(thread)

    def _work(self, instance: Instance) -> None:
        if self._warm:
            try:
                instance.start()
                # The first document an instance opens loads Writer's import and PDF
                # filters (about a second); do it now, not on a user's request.
                self._convert_on(instance, _warmup_docx())
            except ConversionFailed as exc:  # the first job will try again and report it
                log.warning("LibreOffice %d: %s", instance.index, exc.message)
            except Exception as exc:
                log.warning(
                    "LibreOffice %d failed to warm up (%s)", instance.index, type(exc).__name__
                )
                instance.stop()
        while True:
            job = self._jobs.get()
            if job is None:
                return
            if not job.future.set_running_or_notify_cancel():
                continue
            try:
                self._ensure_alive(instance)
                instance.busy_with = job
                job.started.set()
                job.future.set_result(self._convert_on(instance, job.docx))
            except ConversionFailed as exc:
                job.future.set_exception(exc)
            except Exception as exc:  # a UNO error: the instance is suspect, restart it
                log.warning(
                    "LibreOffice %d failed (%s); restarting it",
                    instance.index,
                    type(exc).__name__,
                )
                instance.stop()
                self.restarts += 1
                job.future.set_exception(
                    ConversionFailed("LibreOffice s-a oprit în timpul conversiei.", retry=True)
                )
            finally:
                instance.busy_with = None
                job.started.set()

    def _ensure_alive(self, instance: Instance) -> None:
        if instance.alive():
            return
        if instance.process is not None:  # it died since its last job
            log.warning("LibreOffice %d died; restarting it", instance.index)
            instance.stop()
            self.restarts += 1
        instance.start()

    def _convert_on(self, instance: Instance, docx: bytes) -> bytes:
        assert self.work_root is not None, "the pool is started before it converts"
        work = Path(tempfile.mkdtemp(dir=self.work_root / "jobs"))
        try:
            source, target = work / "document.docx", work / "document.pdf"
            source.write_bytes(docx)
            instance.convert(source, target)
            if not target.exists() or target.stat().st_size == 0:
                raise ConversionFailed("LibreOffice nu a produs niciun fișier PDF.")
            return target.read_bytes()
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _kill_busy(self, job: "_Job") -> None:
        for instance in self._instances:
            if instance.busy_with is job and instance.process:
                log.warning("LibreOffice %d hung; killing it", instance.index)
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(instance.process.pid, signal.SIGKILL)


def _owner_mark(pid: int) -> str | None:
    """ "<pid> <start time>" of a running process (the start time tells a process from a
    later one that was given the same id), or None when there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except (FileNotFoundError, ProcessLookupError):
        return None
    # Field 22 (starttime); the command name before it, in parentheses, may hold spaces.
    return f"{pid} {stat.rsplit(')', 1)[1].split()[19]}"


def remove_stale_work_roots(folder: str | None = None) -> list[Path]:
    """Remove the folders of this service's pools whose owner process is gone.

    Only folders named like ours, made by this user, with an owner mark: a folder of a
    pool that is starting (no mark yet), of a pool still alive, or of anyone else is left
    alone. Returns what was removed."""
    removed = []
    for path in Path(folder or tempfile.gettempdir()).glob(WORK_PREFIX + "*"):
        try:
            if path.is_symlink() or not path.is_dir() or path.stat().st_uid != os.getuid():
                continue
            mark = (path / OWNER_FILE).read_text(encoding="ascii").strip()
        except OSError:
            continue
        pid, _, _start = mark.partition(" ")
        if not pid.isdigit() or _owner_mark(int(pid)) == mark:
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    if removed:
        log.info("removed %d LibreOffice folder(s) left by workers that died", len(removed))
    return removed


def _warmup_docx() -> bytes:
    """A one-line DOCX with Romanian letters (loads the fonts the templates use)."""
    document = WordDocument()
    document.add_paragraph("Încălzire: ș ț Ș Ț")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ---- one pool per process -------------------------------------------------------------

_shared: dict[PoolSettings, ConverterPool] = {}
_shared_lock = threading.Lock()


def shared_pool(settings: PoolSettings) -> ConverterPool:
    """The process's pool for ``settings``, made on first use and closed at exit.

    A pool inherited across ``fork`` belongs to the parent: the child makes its own."""
    with _shared_lock:
        pool = _shared.get(settings)
        if pool is None or pool.owner_pid != os.getpid():
            pool = ConverterPool(settings)
            _shared[settings] = pool
            if len(_shared) == 1:
                atexit.register(close_shared_pools)
        return pool


class PooledConverter:
    """The converter adapter: DOCX in, PDF/A out, on the process's pool for ``settings``.

    Built once per app (``bootstrap``); the pool itself is made on the first conversion
    (or :meth:`start`) in each process, so a gunicorn worker forked from a master that
    built the app starts its own."""

    def __init__(self, settings: PoolSettings):
        self.settings = settings

    def convert(self, docx: bytes) -> bytes:
        """The PDF/A-2b of ``docx``; raises ``ConversionFailed``."""
        return shared_pool(self.settings).convert(docx)

    def start(self) -> None:
        """Start the pool now, in the background (``CONVERTER_WARM_START``)."""
        shared_pool(self.settings).start()


def close_shared_pools() -> None:
    """Stop every pool this process started (atexit, gunicorn's worker_exit, tests)."""
    with _shared_lock:
        pools = [p for p in _shared.values() if p.owner_pid == os.getpid()]
        _shared.clear()
    for pool in pools:
        pool.close()
