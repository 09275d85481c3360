"""Write small WARC files for the ingest tests (never the benchmark ones)."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def write_warc(path: Path, records: list[tuple[str, str, str, bytes]]) -> None:
    """Write (rec_type, url, content_type, payload) records as a WARC
    (gzipped when the name ends in .gz)."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for rec_type, url, ctype, payload in records:
            http = None
            if rec_type in ("response", "request"):
                status = "200 OK" if rec_type == "response" else "GET / HTTP/1.1"
                http = StatusAndHeaders(
                    status, [("Content-Type", ctype)], protocol="HTTP/1.1"
                )
            rec = writer.create_warc_record(
                url,
                rec_type,
                payload=io.BytesIO(payload),
                length=len(payload),  # without it warcio leaks a temporary file
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2015-10-01T12:30:00Z"},
            )
            writer.write_record(rec)
