"""The event folder on disk: torn tails, damage, one server per event, and the helpers."""

from __future__ import annotations

import ipaddress

import pytest

from cemassess.domain.assessment import Answer
from cemassess.exchange.strictjson import FileFormatError
from cemassess.live import LiveRoom, lan_addresses
from cemassess.live.models import AnswerRequest, JoinRequest
from cemassess.store.events import EventInUse, EventShelf, scan_journal
from cemassess.store.journal import encode_line


def test_torn_tail_is_ignored_and_cut_off(fw):
    room = LiveRoom.open_event("Torn", framework=fw)
    pid = next(iter(fw.practices))
    token, seat = room.join(JoinRequest(name="x"))
    room.answer(token, AnswerRequest(practice=pid, answer=Answer(value=3)))
    path = room.folder.path / "event.journal"
    room.close()
    good = path.read_bytes()
    # a crash in the middle of the next line: never acknowledged
    torn = encode_line({"op": "answer", "s": seat.id, "p": pid, "a": {"value": 5}, "seq": 3})[:-9]
    path.write_bytes(good + torn)
    again = LiveRoom.open_event("Torn", framework=fw)
    try:
        assert again.seat(token).answers[pid].value == 3
        assert path.read_bytes() == good  # cut back to the last whole line
        again.answer(token, AnswerRequest(practice=pid, answer=Answer(value=4)))
    finally:
        again.close()
    third = LiveRoom.open_event("Torn", framework=fw)
    try:
        assert third.seat(token).answers[pid].value == 4
    finally:
        third.close()


def test_damaged_line_is_skipped_and_foreign_journal_refused():
    head = encode_line({"journal": 1, "id": "ev"})
    a = encode_line({"op": "finish", "s": "s1", "seq": 1})
    b = encode_line({"op": "finish", "s": "s2", "seq": 2})
    bad = b"deadbeef {not what the crc says}\n"
    sc = scan_journal(head + a + bad + b, "ev")
    assert [e["s"] for e in sc.entries] == ["s1", "s2"] and sc.damaged_lines == 1 and sc.torn_tail == 0
    with pytest.raises(FileFormatError):
        scan_journal(head + a, "another")


def test_one_server_per_event(fw):
    room = LiveRoom.open_event("Locked", framework=fw)
    try:
        with pytest.raises(EventInUse):
            LiveRoom.open_event("Locked", framework=fw)
    finally:
        room.close()
    LiveRoom.open_event("Locked", framework=fw).close()  # free again once closed


def test_shelf_names_and_ids(fw):
    shelf = EventShelf()
    a = shelf.create("Клуб CX / вечер", fw.id)
    b = shelf.create("Клуб CX / вечер", fw.id)
    assert a.id != b.id and all(c.isalnum() or c == "-" for c in a.id)
    assert len(a.secret) >= 10 and a.secret != b.secret
    assert shelf.find("клуб cx / вечер").id == a.id
    with pytest.raises(FileFormatError):
        shelf.create("   ", fw.id)


def test_lan_addresses_are_ipv4_with_loopback_last():
    found = lan_addresses()
    assert found[-1] == "127.0.0.1"
    for addr in found:
        assert ipaddress.ip_address(addr).version == 4


def test_foreign_journal_is_one_error_and_releases_the_event(fw):
    room = LiveRoom.open_event("Foreign", framework=fw)
    path = room.folder.path / "event.journal"
    room.close()
    path.write_bytes(encode_line({"journal": 1, "id": "someone-else"}))
    for _ in range(2):  # the second attempt is not "in use": the lock was released
        with pytest.raises(FileFormatError, match="someone-else"):
            LiveRoom.open_event("Foreign", framework=fw)


def test_went_live_and_ended_are_recorded_for_a_resume(fw):
    """event.json says where an event was served and whether that was ended properly: a
    server stopped by its owner ends it; one whose owner went away leaves it resumable."""
    from cemassess.live import LiveServer

    room = LiveRoom.open_event("Marks", framework=fw)
    try:
        assert room.info.went_live is None and not room.info.interrupted
        server = LiveServer(room)
        url = server.start("127.0.0.1", 0)
        on_disk = EventShelf().find("Marks")
        assert on_disk.interrupted and on_disk.host == "127.0.0.1" and str(on_disk.port) in url
        server.stop()  # End live, quitting, Ctrl+C
        on_disk = EventShelf().find("Marks")
        assert not on_disk.interrupted and on_disk.ended >= on_disk.went_live
        server = LiveServer(room)
        server.start("127.0.0.1", on_disk.port)
        server.stop(ended=False)  # the process that asked for the room is gone
        on_disk = EventShelf().find("Marks")
        assert on_disk.interrupted and on_disk.went_live > on_disk.ended
    finally:
        room.close()
