"""Debian's nginx on 127.0.0.1, configured with deploy/nginx.conf, serving a copy of a site.

Only the lines the recipe marks CHANGE (address, certificates, folder) and its listen ports are
replaced; everything else is the recipe as a clinic installs it. nginx runs its workers as an
unprivileged user when the tests run as root (as in CI), so a file the build left unreadable
for others shows up as a 403.
"""

import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from tests.support import ROOT

NGINX = Path("/usr/sbin/nginx")
RECIPE = ROOT / "deploy" / "nginx.conf"
MIME_TYPES = Path("/etc/nginx/mime.types")


@dataclass(frozen=True)
class Server:
    """A running nginx: its https and plain-http base URLs."""

    url: str  # https://127.0.0.1:<port>/
    http_url: str  # http://127.0.0.1:<port>/
    master: int  # the master process's id (its workers are its children)

    def worker_uids(self) -> list[int]:
        """The user ids the worker processes run as."""
        uids = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                fields = dict(
                    line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
                )
            except OSError:  # the process ended while we looked
                continue
            if int(fields["PPid"]) == self.master:
                uids.append(int(fields["Uid"].split()[1]))  # the effective uid
        return uids


@dataclass(frozen=True)
class Response:
    status: int
    headers: Message
    body: bytes


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"deploy/nginx.conf changed: expected {old!r} once"
    return text.replace(old, new)


def site_config(recipe: str, root: Path, cert: Path, key: Path, ports: tuple[int, int]) -> str:
    """The recipe with the test's folder, certificate and loopback ports."""
    http_port, https_port = ports
    text = recipe
    for old, new in [
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen [::]:80;", ""),
        ("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;"),
        ("listen [::]:443 ssl;", ""),
        ("/etc/letsencrypt/live/rugpijn.example.be/fullchain.pem", str(cert)),
        ("/etc/letsencrypt/live/rugpijn.example.be/privkey.pem", str(key)),
        ("root /var/www/rugpijn;", f"root {root};"),
    ]:
        text = _replace_once(text, old, new)
    return text


def main_config(work: Path) -> str:
    """The nginx.conf around the recipe: everything in ``work``, one worker."""
    user = "user nobody nogroup;\n" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"    {kind}_temp_path {work / 'temp' / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}worker_processes 1;
daemon off;
pid {work / "nginx.pid"};
error_log {work / "error.log"} warn;
events {{
    worker_connections 64;
}}
http {{
    access_log off;
{temp}
    include site.conf;
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"),
            *("-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def _wait_for(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx stopped: {log.read_text(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not start: {log.read_text(errors='replace')}")


@contextmanager
def nginx(site: Path) -> Iterator[Server]:
    """Serve a copy of ``site`` (its files' permissions kept) with deploy/nginx.conf."""
    work = Path(tempfile.mkdtemp(prefix="patientsite-nginx-"))
    try:
        # The folders above the copy must let the worker's user through; the copy itself
        # keeps the permissions the build gave it.
        work.chmod(0o755)
        root = work / "www"
        shutil.copytree(site, root, symlinks=True)
        conf = work / "conf"
        conf.mkdir()
        (work / "temp").mkdir()
        shutil.copy(MIME_TYPES, conf / "mime.types")
        cert, key = _certificate(conf)
        ports = (free_port(), free_port())
        recipe = RECIPE.read_text(encoding="utf-8")
        (conf / "site.conf").write_text(site_config(recipe, root, cert, key, ports), "utf-8")
        (conf / "nginx.conf").write_text(main_config(work), "utf-8")
        log = work / "error.log"
        command = [str(NGINX), "-p", str(work), "-c", str(conf / "nginx.conf"), "-e", str(log)]
        test = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
        assert test.returncode == 0, test.stderr
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_for(ports[1], process, log)
            yield Server(
                f"https://127.0.0.1:{ports[1]}/", f"http://127.0.0.1:{ports[0]}/", process.pid
            )
        finally:
            process.terminate()
            process.wait(timeout=10)
    finally:
        shutil.rmtree(work, ignore_errors=True)


_INSECURE = ssl.create_default_context()
_INSECURE.check_hostname = False
_INSECURE.verify_mode = ssl.CERT_NONE  # the test's own certificate, on loopback only


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(urllib.request.HTTPSHandler(context=_INSECURE), _NoRedirect())


def fetch(url: str, headers: dict[str, str] | None = None) -> Response:
    """GET ``url`` without following redirects; any status is returned, not raised."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with _OPENER.open(request, timeout=30) as answer:
            return Response(answer.status, answer.headers, answer.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read())
