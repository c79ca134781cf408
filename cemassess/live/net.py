"""Which address to serve on, and the join URL as a QR code (segno)."""

from __future__ import annotations

import contextlib
import io
import ipaddress
import socket
from typing import TextIO


def _private(addr: str) -> bool:
    try:
        ip = ipaddress.ip_address(addr)
    except ValueError:
        return False
    return ip.version == 4 and not ip.is_loopback and not ip.is_link_local and not ip.is_unspecified


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses, the likely LAN one first, loopback last.

    Nothing is sent: connect() on a UDP socket only asks the kernel which local address it
    would route from (no packet leaves), and the host name's addresses are read locally."""
    found: list[str] = []
    for probe in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect((probe, 9))
            addr = s.getsockname()[0]
            if _private(addr) and addr not in found:
                found.append(addr)
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            addr = str(info[4][0])
            if _private(addr) and addr not in found:
                found.append(addr)
    found.sort(key=lambda a: (not ipaddress.ip_address(a).is_private, a))
    return found + ["127.0.0.1"]


def qr_png(url: str, scale: int = 10) -> bytes:
    """The join URL as a PNG (for the app's projector screen)."""
    import segno

    buf = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buf, kind="png", scale=scale, border=4)
    return buf.getvalue()


def qr_terminal(url: str, out: TextIO) -> None:
    """The join URL as a QR code drawn with block characters (for the CLI)."""
    import segno

    segno.make(url, error="m", micro=False).terminal(out=out, compact=True)
