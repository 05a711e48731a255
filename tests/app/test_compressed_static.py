"""The front end's files gzipped once for browsers that accept it (app/compressed_static.py)."""

from __future__ import annotations

import gzip
import os

import pytest
from jupyter_server.base.handlers import FileFindHandler
from tornado.testing import AsyncHTTPTestCase
from tornado.web import Application, StaticFileHandler
from voila.static_file_handler import MultiStaticFileHandler

from infoshare_widgets.app import compressed_static
from infoshare_widgets.app.compressed_static import accepts_gzip, gzipped
from infoshare_widgets.app.route_allowlist import ALLOWED

SCRIPT = ("export const a = 1;\n" * 400).encode()  # 8 KB: compressible
GZIP = {"Accept-Encoding": "gzip, deflate, br"}


class TestGzippedFiles(AsyncHTTPTestCase):
    def get_app(self) -> Application:
        import tempfile

        self.folder = tempfile.mkdtemp()
        for name, body in (("app.js", SCRIPT), ("tiny.js", b"x = 1;\n"),
                           ("picture.png", SCRIPT)):
            with open(os.path.join(self.folder, name), "wb") as out:
                out.write(body)
        return Application([(r"/static/(.*)", gzipped(StaticFileHandler),
                             {"path": self.folder})])

    def test_a_browser_that_accepts_gzip_gets_the_file_gzipped(self) -> None:
        answer = self.fetch("/static/app.js", headers=GZIP, decompress_response=False)
        assert answer.code == 200
        assert answer.headers["Content-Encoding"] == "gzip"
        assert answer.headers["Vary"] == "Accept-Encoding"
        assert gzip.decompress(answer.body) == SCRIPT
        assert int(answer.headers["Content-Length"]) == len(answer.body) < len(SCRIPT) / 10

    def test_anything_else_gets_the_file_as_it_is(self) -> None:
        plain = self.fetch("/static/app.js", decompress_response=False)
        assert "Content-Encoding" not in plain.headers and plain.body == SCRIPT
        assert plain.headers["Vary"] == "Accept-Encoding"
        refused = self.fetch("/static/app.js", headers={"Accept-Encoding": "gzip;q=0"},
                             decompress_response=False)
        assert refused.body == SCRIPT
        ranged = self.fetch("/static/app.js", decompress_response=False,
                            headers={**GZIP, "Range": "bytes=0-9"})
        assert ranged.code == 206 and ranged.body == SCRIPT[:10]
        for name in ("tiny.js", "picture.png"):  # too small to gain; not text
            answer = self.fetch(f"/static/{name}", headers=GZIP, decompress_response=False)
            assert "Content-Encoding" not in answer.headers, name

    def test_the_gzip_has_its_own_etag_and_is_revalidated_by_it(self) -> None:
        plain = self.fetch("/static/app.js", decompress_response=False)
        packed = self.fetch("/static/app.js", headers=GZIP, decompress_response=False)
        assert packed.headers["Etag"] != plain.headers["Etag"]
        again = self.fetch("/static/app.js", decompress_response=False,
                           headers={**GZIP, "If-None-Match": packed.headers["Etag"]})
        assert again.code == 304

    def test_a_changed_file_is_compressed_again(self) -> None:
        self.fetch("/static/app.js", headers=GZIP)
        changed = SCRIPT.replace(b"1", b"2")
        path = os.path.join(self.folder, "app.js")
        with open(path, "wb") as out:
            out.write(changed)
        stat = os.stat(path)
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        answer = self.fetch("/static/app.js", headers=GZIP, decompress_response=False)
        assert gzip.decompress(answer.body) == changed

    def test_a_head_request_says_the_gzipped_length(self) -> None:
        packed = self.fetch("/static/app.js", headers=GZIP, decompress_response=False)
        head = self.fetch("/static/app.js", method="HEAD", headers=GZIP,
                          decompress_response=False)
        assert head.headers["Content-Length"] == packed.headers["Content-Length"]


@pytest.mark.parametrize(("header", "accepted"), [
    ("gzip", True), ("gzip, deflate, br, zstd", True), ("*", True), ("GZIP;q=0.5", True),
    ("gzip;q=0", False), ("br", False), ("", False), ("identity", False)])
def test_accept_encoding_is_read_as_browsers_write_it(header: str, accepted: bool) -> None:
    assert accepts_gzip(header) is accepted


def test_the_front_ends_file_handlers_are_served_gzipped() -> None:
    served = {cls: replacement for cls, (replacement, _bound) in ALLOWED.items()}
    for handler in (MultiStaticFileHandler, FileFindHandler):
        assert issubclass(served[handler], compressed_static.Gzipped)
        assert issubclass(served[handler], handler)


def test_the_app_sends_voilas_scripts_gzipped_to_a_browser_that_accepts_it(app_server) -> None:
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(app_server.url)
    answers = {}
    for encoding in ("gzip, deflate, br", "identity"):
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        try:
            conn.request("GET", "/voila/static/voila.js", headers={"Accept-Encoding": encoding})
            response = conn.getresponse()
            answers[encoding] = (response.status, dict(response.getheaders()), response.read())
        finally:
            conn.close()
    status, headers, body = answers["gzip, deflate, br"]
    assert status == 200 and headers.get("Content-Encoding") == "gzip"
    status, plain_headers, plain = answers["identity"]
    assert status == 200 and "Content-Encoding" not in plain_headers
    assert gzip.decompress(body) == plain and len(body) < len(plain) / 2
