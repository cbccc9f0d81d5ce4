"""Run a preview: watch the inputs, rebuild HTML at once and the rest in the background, serve.

Three threads besides the server: a watcher that notes changes, the HTML pass, and the
background pass. Each pass replaces the served snapshot only when it succeeds, so a profile
saved half-written shows its located problem while the last good pages stay served.
"""

from __future__ import annotations

import hashlib
import shutil
import socket
import tempfile
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

import click
import uvicorn

from genkit.errors import GenkitError, UsageError
from genkit.paths import SearchPath
from genkit.preview.app import make_app
from genkit.preview.background import BackgroundBuild, FullBundle, read_bundle
from genkit.preview.rebuild import html_pass
from genkit.preview.state import PreviewState

Echo = Callable[[str, bool], None]  # (line, is_error)


def _echo(line: str, error: bool = False) -> None:
    click.echo(line, err=error)


class Preview:
    def __init__(
        self,
        name: str,
        search: SearchPath,
        out: Path,
        only: list[str],
        formats: list[str],
        echo: Echo = _echo,
    ):
        self.name = name
        self.search = search
        self.out = out
        self.only = only
        self.formats = formats
        self.echo = echo
        self.state = PreviewState()
        self.stopping = threading.Event()
        self._dirty = threading.Event()
        self._want_full = threading.Event()
        self._lock = threading.Lock()
        self._generation = 0  # changes noticed so far
        self._good = -1  # generation of the served HTML
        self._full_generation = -2  # generation the last complete bundle was built from
        self._full: FullBundle | None = None
        self._notes: list[str] = []
        slow = [f for f in (formats or ["pdf", "docx"]) if f != "html"]
        self.background = (
            BackgroundBuild(
                name, search.roots[0], out / "full", only, ["html", *slow] if formats else []
            )
            if slow
            else None
        )
        self._threads: list[threading.Thread] = []

    # -- the HTML pass -------------------------------------------------------------------
    def rebuild(self) -> bool:
        with self._lock:
            generation = self._generation
        try:
            result = html_pass(self.name, self.search, self.out / "html", self.only, self.formats)
        except GenkitError as exc:
            self._failed(exc.format_message().splitlines(), [str(p) for p in exc.problems])
            return False
        except Exception as exc:  # a bug must not stop the preview
            line = (
                f"internal error ({type(exc).__name__}: {exc}). This is a bug in genkit, "
                "not in your files; please report it."
            )
            self._failed([line], [line])
            return False
        old = self.state.snapshot
        with self._lock:
            self._good = generation
        expected = (*result.expected, f"{self.name}-bundle.zip")
        pending = self._pending(result.pages, expected)
        changed = sorted(
            p for p in set(old.html) | set(result.pages) if old.html.get(p) != result.pages.get(p)
        )
        if pending != old.pending and "index.html" not in changed:
            changed.append("index.html")
        snapshot = self.state.update(
            html=result.pages, expected=expected, pending=pending, problems=()
        )
        self._publish(snapshot, changed)
        if result.notes != self._notes:
            for note in result.notes:
                self.echo(note, note.startswith("warning:"))
            self._notes = result.notes
        self.echo(
            f"{self.name}: HTML {'updated' if old.html else 'built'}: "
            f"{result.rendered} rendered, {result.reused} unchanged in "
            f"{result.seconds:.1f} s",
            False,
        )
        if self.background is not None:
            self._want_full.set()
        return True

    def _failed(self, lines: list[str], problems: list[str]) -> None:
        for line in lines:
            self.echo(line, True)
        self.echo(f"{self.name}: not updated; still serving the last good version", True)
        snapshot = self.state.update(problems=tuple(problems))
        self._publish(snapshot, [])

    def _publish(self, snapshot, changed: list[str]) -> None:
        from genkit.preview.page import problems_key

        self.state.events.publish(
            "update",
            {
                "version": snapshot.version,
                "changed": changed,
                "problems_key": problems_key(snapshot),
            },
        )

    # -- the background pass -------------------------------------------------------------
    def _pending(self, pages: dict[str, bytes], expected: tuple[str, ...]) -> frozenset[str]:
        """PDF and Word paths whose newest version is not built yet."""
        slow = [p for p in expected if not p.endswith(".html")]
        if self.background is None:
            return frozenset()
        with self._lock:
            full, current = self._full, self._full_generation == self._good
        if full is not None and current:
            return frozenset(p for p in slow if p not in full.files)
        pending = set()
        for path in slow:
            page = path.removesuffix(".pdf") + ".html"
            # A PDF is printed from its web page: the same page, the same PDF.
            same_page = (
                path.endswith(".pdf")
                and full is not None
                and page in pages
                and full.html_sha.get(page) == hashlib.sha256(pages[page]).hexdigest()
            )
            if not same_page or path not in full.files:
                pending.add(path)
        return frozenset(pending)

    def _full_loop(self) -> None:
        assert self.background is not None
        while not self.stopping.is_set():
            if not self._want_full.wait(0.2):
                continue
            self._want_full.clear()
            with self._lock:
                generation = self._good
            self.echo(f"{self.name}: building PDF and Word files in the background", False)
            ok, report = self.background.run()
            if self.stopping.is_set():
                return
            with self._lock:
                stale = generation != self._good or self._generation != generation
            if ok:
                full = read_bundle(self.background.folder)
                with self._lock:
                    self._full, self._full_generation = full, generation
                problems: tuple[str, ...] = ()
                self.echo(
                    f"{self.name}: PDF and Word files "
                    f"{'built (a newer change follows)' if stale else 'ready'}",
                    False,
                )
            elif stale or self.state.snapshot.problems:
                continue  # built from files that have changed since; the next pass decides
            else:
                problems = tuple(report.splitlines()) or ("the build failed",)
                for line in problems:
                    self.echo(line, True)
            old = self.state.snapshot
            pending = self._pending(old.html, old.expected)
            others = dict(self._full.files) if self._full is not None else {}
            snapshot = self.state.update(
                others=others, pending=pending, background_problems=problems
            )
            self._publish(snapshot, ["index.html"] if pending != old.pending else [])

    # -- watching ------------------------------------------------------------------------
    def watched(self) -> list[Path]:
        folders = [self.search.jurisdiction_dir(self.name)]
        folders += [
            root / "jurisdictions"
            for root in self.search.roots
            if (root / "jurisdictions").is_dir()
        ]
        folders += self.search.template_dirs()
        return list(dict.fromkeys(f.resolve() for f in folders))

    def relevant(self, path: Path) -> bool:
        """A change that can alter the bundle: its profile, templates, or a profile it extends."""
        path = path.resolve()
        if path.is_relative_to(self.out.resolve()):
            return False
        own = self.search.jurisdiction_dir(self.name).resolve()
        if path.is_relative_to(own):
            return True
        for root in self.search.roots:
            if path.is_relative_to((root / "templates").resolve()):
                return True
            if path.is_relative_to((root / "jurisdictions").resolve()):
                return path.name == "profile.yaml"
        return False

    def _watch_loop(self) -> None:
        import watchfiles

        for changes in watchfiles.watch(
            *self.watched(),
            stop_event=self.stopping,
            step=50,
            debounce=400,
            yield_on_timeout=False,
            raise_interrupt=False,
        ):
            if any(self.relevant(Path(path)) for _change, path in changes):
                with self._lock:
                    self._generation += 1
                self._dirty.set()

    def _build_loop(self) -> None:
        while not self.stopping.is_set():
            if self._dirty.wait(0.2):
                self._dirty.clear()
                self.rebuild()

    # -- running -------------------------------------------------------------------------
    def start(self) -> None:
        """The watcher and both build threads (after the first HTML pass)."""
        loops = [self._watch_loop, self._build_loop]
        if self.background is not None:
            loops.append(self._full_loop)
        for loop in loops:
            thread = threading.Thread(target=loop, name=f"preview-{loop.__name__}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self.stopping.set()
        if self.background is not None:
            self.background.stop()
        for thread in self._threads:
            thread.join(timeout=10)
        self.state.events.publish("end", None)


class _Server(uvicorn.Server):
    """Ends the open event streams as soon as a stop is asked for, so shutdown is quick."""

    def __init__(self, config: uvicorn.Config, preview: Preview):
        super().__init__(config)
        self.preview = preview

    def handle_exit(self, sig: int, frame) -> None:
        self.preview.state.events.publish("end", None)
        super().handle_exit(sig, frame)


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 only; port 0 picks a free one."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as exc:
        sock.close()
        raise UsageError(
            f"cannot listen on 127.0.0.1:{port} ({exc.strerror}); choose another "
            "port with --port, or leave it out to use a free one"
        ) from None
    sock.listen(64)
    sock.set_inheritable(True)
    return sock


def run_preview(
    name: str,
    search: SearchPath,
    port: int,
    out: Path | None,
    only: list[str],
    formats: list[str],
    open_browser: bool,
) -> None:
    """Serve NAME's bundle until Ctrl-C; raise UsageError before starting if NAME is unknown."""
    search.jurisdiction_dir(name)
    sock = bind(port)
    temporary = out is None
    folder = Path(tempfile.mkdtemp(prefix="genkit-preview-")) if out is None else out
    preview = Preview(name, search, folder.absolute(), only, formats)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    try:
        preview.rebuild()
        click.echo(f"Previewing {name} at {url} (Ctrl-C to stop)")
        preview.start()
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
        config = uvicorn.Config(
            make_app(preview.state, name),
            log_level="warning",
            lifespan="off",
            timeout_graceful_shutdown=2,
        )
        _Server(config, preview).run(sockets=[sock])
    except KeyboardInterrupt:  # during the first build, or passed on by uvicorn after shutdown
        pass
    finally:
        preview.stop()
        sock.close()
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)
    click.echo("preview stopped")
