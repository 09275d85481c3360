"""Run the app in the serving process, or in several forked processes that
share one listening socket (``reportedly serve --workers N``).

Each worker opens the store itself after the fork (a DuckDB connection must
not cross a fork), read-only: DuckDB lets many processes read one file, but
only one write it, so ``--review`` keeps a single process.

Once the app is built, everything then alive (the modules and their data,
the templates) is frozen out of Python's cycle collector (``gc.freeze``):
otherwise every full collection walks those objects again, a pause of
50-100 ms that lands on whichever requests are in flight.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import socket
import sys
from collections.abc import Callable
from typing import Any

LOG_LEVEL = "warning"


def _settle() -> None:
    gc.collect()
    gc.freeze()


def serve(app: Any, host: str, port: int) -> None:
    """Serve ``app`` in this process."""
    import uvicorn

    _settle()
    uvicorn.run(app, host=host, port=port, log_level=LOG_LEVEL)


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket the workers inherit. Made with IPPROTO_TCP, so
    asyncio sets TCP_NODELAY on its connections (without it a response
    written in two parts waits ~40 ms for the client's delayed ACK)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _stop_now(*_: Any) -> None:
    raise SystemExit(0)


def _worker(make_app: Callable[[], Any], sock: socket.socket) -> None:
    """A forked worker: build the app, serve until told to stop, exit. A stop
    signal before uvicorn listens (or that uvicorn passes on once it has shut
    down gracefully) ends the worker quietly."""
    import uvicorn

    signal.signal(signal.SIGTERM, _stop_now)
    signal.signal(signal.SIGINT, _stop_now)
    code = 0
    try:
        app = make_app()
        _settle()
        uvicorn.Server(uvicorn.Config(app, log_level=LOG_LEVEL)).run(sockets=[sock])
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    except Exception as e:  # reported here: the parent only sees the exit code
        print(f"reportedly serve: worker {os.getpid()}: {e}", file=sys.stderr)
        code = 1
    finally:
        sys.stderr.flush()
        os._exit(code)


def serve_forked(
    make_app: Callable[[], Any], host: str, port: int, workers: int
) -> int:
    """Serve from ``workers`` forked processes; return when they have all
    stopped (Ctrl-C or SIGTERM stops them all; so does one worker's exit)."""
    if not hasattr(os, "fork"):
        raise OSError("--workers needs a system with fork (Linux, macOS)")
    sock = listen(host, port)
    children: list[int] = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:
            _worker(make_app, sock)
        children.append(pid)
    sock.close()

    def stop(*_: Any) -> None:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    code = 0
    while children:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        if pid in children:
            children.remove(pid)
            code = code or os.waitstatus_to_exitcode(status)
            stop()
    return 1 if code else 0
