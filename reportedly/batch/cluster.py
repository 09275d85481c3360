"""A Spark standalone cluster on this machine: one master and one worker on
loopback, started from the installed PySpark and stopped at the end.

It proves the cluster path (``spark://`` master, executors in their own JVM
and work directory, files shipped with ``addFile``) without a cluster::

    with standalone(cores=2) as url:
        spark.run(["crawl/"], "ds/", master=url)
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from reportedly.errors import SetupError
from reportedly.settings import spark_environment

START_TIMEOUT = 90.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(path: Path, text: str, proc: subprocess.Popen, timeout: float) -> None:
    """Wait until ``text`` appears in the log ``path``; fail if ``proc`` exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in path.read_text(encoding="utf-8", errors="replace"):
            return
        if proc.poll() is not None:
            break
        time.sleep(0.25)
    tail = path.read_text(encoding="utf-8", errors="replace")[-2000:]
    raise SetupError(
        f"the Spark {path.stem} did not start (expected {text!r} in its log):\n{tail}"
    )


@contextlib.contextmanager
def standalone(cores: int = 2, memory: str = "4g") -> Iterator[str]:
    """Start a master and a worker with ``cores`` and ``memory`` on 127.0.0.1;
    yield the master URL; stop both on exit. Logs and the worker's work
    directory live in a temporary folder."""
    from reportedly.batch.spark import require_pyspark

    home = Path(require_pyspark().__file__).parent
    port = _free_port()
    url = f"spark://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="reportedly-spark-") as tmp:
        env = spark_environment(url)
        env |= {"SPARK_HOME": str(home), "SPARK_WORKER_DIR": str(Path(tmp) / "work")}
        env["SPARK_LOG_DIR"] = tmp
        cls = str(home / "bin" / "spark-class")
        procs: list[subprocess.Popen] = []
        logs: list = []

        def start(name: str, args: list[str]) -> tuple[subprocess.Popen, Path]:
            log = Path(tmp) / f"{name}.log"
            fh = open(log, "wb")  # noqa: SIM115 - closed when the cluster stops
            logs.append(fh)
            p = subprocess.Popen(
                [cls, *args], env=env, stdout=fh, stderr=subprocess.STDOUT
            )
            procs.append(p)
            return p, log

        try:
            master, mlog = start(
                "master",
                [
                    "org.apache.spark.deploy.master.Master",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--webui-port",
                    str(_free_port()),
                ],
            )
            _wait_for(mlog, "I have been elected leader", master, START_TIMEOUT)
            worker, wlog = start(
                "worker",
                [
                    "org.apache.spark.deploy.worker.Worker",
                    url,
                    "--host",
                    "127.0.0.1",
                    "--cores",
                    str(cores),
                    "--memory",
                    memory,
                    "--webui-port",
                    str(_free_port()),
                ],
            )
            registered = "Successfully registered with master"
            _wait_for(wlog, registered, worker, START_TIMEOUT)
            yield url
        finally:
            for p in reversed(procs):
                p.terminate()
            for p in reversed(procs):
                try:
                    p.wait(20)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
            for fh in logs:
                fh.close()
