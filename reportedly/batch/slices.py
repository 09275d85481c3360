"""Cut input files into slices: the unit of work of a batch job and of its reruns.

A slice is one file, or every K-th document of it (``k of K``), so a big file
is shared among tasks without an index of its records: each task reads the
file and keeps its own documents (reading is cheap beside analysis; WARC
files are decompressed once per slice). A slice's id comes from the file's
path, size and modification time and from ``k``/``K``, so a rerun on the same
inputs finds the same slices and skips those complete.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reportedly.errors import InputError
from reportedly.ingest import read_sources
from reportedly.ingest.files import walk
from reportedly.model import ErrorRecord, RawDocument

SPLIT_BYTES = 64 << 20  # input bytes per slice, at most
PER_CORE = 4  # slices per core at least, so a slow one does not hold up a job


@dataclass(frozen=True, slots=True)
class Slice:
    """Every ``of``-th document of ``path``, starting at the ``k``-th (from 0)."""

    id: str
    path: str
    k: int = 0
    of: int = 1


def files(sources: Iterable[str]) -> list[Path]:
    """Return the input files of files and directories, in reading order."""
    out: list[Path] = []
    for s in sources:
        if s == "-":
            raise InputError(
                "usage", "a batch job cannot read stdin; give files or directories"
            )
        p = Path(s)
        if p.is_dir():
            out += list(walk(p))
        elif p.exists():
            out.append(p)
        else:
            raise InputError("unreadable", f"{s}: no such file or directory")
    return out


def _file_id(path: Path) -> str:
    st = path.stat()
    key = f"{path.resolve()}\0{st.st_size}\0{st.st_mtime_ns}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def plan(
    sources: Iterable[str], *, cores: int = 1, split_bytes: int = SPLIT_BYTES
) -> list[Slice]:
    """Return the slices of ``sources``: a file is cut into ``K`` slices by its
    size (``split_bytes`` each at most), and into more when the inputs are too
    few to give every core ``PER_CORE`` slices."""
    paths = files(sources)
    sizes = [max(1, p.stat().st_size) for p in paths]
    total = sum(sizes)
    want = max(1, cores * PER_CORE)
    out = []
    for p, size in zip(paths, sizes, strict=True):
        by_size = math.ceil(size / split_bytes)
        by_share = math.ceil(want * size / total) if total else 1
        of = max(1, by_size, by_share)
        fid = _file_id(p)
        out += [Slice(f"{fid}-{k}of{of}", str(p), k, of) for k in range(of)]
    return out


def read(s: Slice) -> Iterator[RawDocument | ErrorRecord]:
    """Yield the documents of one slice, as ``read_sources`` reads them.

    A file-level error record (unreadable, empty) belongs to slice 0 only.
    """
    for i, doc in enumerate(read_sources([s.path])):
        if i % s.of == s.k:
            yield doc


def describe(slices: list[Slice]) -> str:
    """Return a one-line summary: slices and files."""
    n_files = len({s.path for s in slices})
    size = sum(os.path.getsize(p) for p in {s.path for s in slices})
    return f"{len(slices)} slices of {n_files} files ({size / 1e6:,.1f} MB)"
