"""The live room: participants answer on their phones over the local network.

    from cemassess.live import LiveRoom, LiveServer, lan_addresses, qr_png
    room = LiveRoom.open_event("Club evening")       # or LiveRoom.for_assessment(portfolio, aid)
    server = LiveServer(room)
    url = server.start(lan_addresses()[0], 8765)     # the join URL (QR: qr_png(url))
    ...  room.events / room.add_listener(fn) / room.counts() / room.reveal() / room.close_answers()
    server.stop(); room.close()

The app serves an event from a child process instead (cemassess.live.remote.RemoteRoom, the
same calls; cemassess.live.worker is the child), so the room's threads never share the
GUI thread's interpreter lock. See docs/architecture.md ("Live room") for the threading model.
"""

from cemassess.live.net import lan_addresses, qr_png, qr_terminal
from cemassess.live.room import Counts, LiveEvent, LiveRoom, Refusal, Seat
from cemassess.live.server import Limits, LiveServer

__all__ = ["Counts", "Limits", "LiveEvent", "LiveRoom", "LiveServer", "Refusal", "Seat",
           "lan_addresses", "qr_png", "qr_terminal"]
