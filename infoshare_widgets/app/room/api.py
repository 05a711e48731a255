"""The room API: the facilitator's (secret in ``X-Room-Secret``) and the devices' (token in
``X-Room-Device``). Answers are JSON; refusals are ``{"error": <ui.yaml key>}``."""

from __future__ import annotations

from typing import Any

from ...room_store.codes import normal_code
from ...room_store.questions import RoomQuestion
from ...room_store.session_results import live_counts
from ...room_store.store import Room, RoomFull, RoomLocked
from .base import DEVICE_HEADER, SECRET_HEADER, Refused, RoomHandler
from .qr import learner_address, qr_data_uri

WAIT = "wait"  # ?wait=<version or stage last seen>: answer when it changes (long poll)


def since(handler: RoomHandler) -> int:
    try:
        return int(handler.get_query_argument(WAIT, "-1"))
    except ValueError:
        return -1


def stage_view(question: RoomQuestion | None, room: Room) -> dict[str, Any]:
    """What every device and the projector see of the room's step."""
    view: dict[str, Any] = {"phase": room.phase, "stage": room.stage, "version": room.version,
                            "question": None, "reveal": None}
    if question is not None and room.phase != "idle":
        view["question"] = question.public()
        if room.phase == "revealed":
            view["reveal"] = question.revealed()
    return view


async def room_of_secret(handler: RoomHandler) -> Room:
    """The room whose facilitator's secret is in ``X-Room-Secret`` (never in the address)."""
    secret = handler.request.headers.get(SECRET_HEADER, "")
    room = await handler.rooms.call(handler.rooms.store.room_by_secret, secret) if secret else None
    if room is None:
        raise Refused(404, "room_ended")
    return room


class NewRoomHandler(RoomHandler):
    """``POST room/api/rooms``: a new room; the secret is in the answer, once."""

    async def post(self) -> None:
        rooms = self.rooms
        self.body()  # an object, or 400
        if not (rooms.limits.new_room_address.allow(self.client())
                and rooms.limits.new_room_all.allow("all")):
            raise Refused(429, "room_slow_down")
        new = await rooms.call(rooms.store.create_room)
        self.send({"secret": new.secret}, 201)


class HostHandler(RoomHandler):
    """``GET room/api/host[?wait=<version>]``: the facilitator's view of the room.
    ``POST room/api/host`` ``{"step": "ask"|"close"|"reveal"|"end", "question": id}``,
    ``{"step": "lock", "locked": true|false}`` or ``{"step": "remove", "device": <number>}``."""

    async def room(self) -> Room:
        return await room_of_secret(self)

    async def get(self) -> None:
        room = await self.room()
        waited = await self.rooms.wait(room, since(self), stage=False)
        if waited is None:
            raise Refused(404, "room_ended")
        await self.send_view(waited, first=since(self) < 0)

    async def send_view(self, room: Room, first: bool = False) -> None:
        rooms = self.rooms
        question = rooms.questions().get(room.question)
        view = stage_view(question, room)
        if question is not None:
            view["question"]["id"] = question.id
            view["reveal"] = question.revealed() if room.phase == "revealed" else None
            counts, answered = await rooms.call(rooms.store.counts, room.id, question.id)
            per_option = [counts.get(i, 0) for i in range(len(question.options))]
            view.update(live_counts(question.id, per_option, answered, room.phase))
        view["devices"] = await rooms.call(rooms.store.devices, room.id)
        view["locked"] = bool(room.locked)
        if first:
            address = learner_address(self)
            view.update(code=room.code, address=address, qr=qr_data_uri(address, room.code),
                        questions=rooms.questions().listing())
        self.send(view)

    async def post(self) -> None:
        room = await self.room()
        rooms = self.rooms
        if not rooms.limits.room_steps.allow(room.id):
            raise Refused(429, "room_slow_down")
        data = self.body()
        step = data.get("step")
        if step == "end":
            await rooms.call(rooms.store.end, room.id)
            rooms.watcher.forget(room.id)
            self.send({"ended": True})
            return
        if step == "ask":
            question = rooms.questions().get(str(data.get("question", "")))
            if question is None:
                raise Refused(400, "room_refused")
            marks = await rooms.call(rooms.store.step, room.id, "open", question.id)
        elif step == "lock" and isinstance(data.get("locked"), bool):
            marks = await rooms.call(rooms.store.lock, room.id, data["locked"])
        elif step == "remove":
            number = data.get("device")
            if not isinstance(number, int) or isinstance(number, bool) or \
                    not 0 < number < 2**31:
                raise Refused(400, "room_refused")
            marks = await rooms.call(rooms.store.remove, room.id, number)
            if marks is None:
                raise Refused(409, "room_no_such_device")
        elif step in ("close", "reveal") and room.question:
            phase = "closed" if step == "close" else "revealed"
            marks = await rooms.call(rooms.store.step, room.id, phase)
        else:
            raise Refused(400, "room_refused")
        rooms.changed(room.id, marks)
        await self.send_view(await self.room())


class JoinHandler(RoomHandler):
    """``POST room/api/join`` ``{"code": "..."}``: a device token (and number) for the room.

    Guessing is limited before any lookup: while the address, or the whole site, has no wrong
    codes left, every code is refused (a right one too), and only a wrong code spends one."""

    async def post(self) -> None:
        rooms, client = self.rooms, self.client()
        code = normal_code(str(self.body().get("code", ""))[:40])
        by_address, by_site = rooms.limits.wrong_code_address, rooms.limits.wrong_code_all
        if not by_address.reserve(client):
            raise Refused(429, "room_slow_down")
        if not by_site.reserve("all"):
            by_address.settle(client, spent=False)
            raise Refused(429, "room_slow_down")
        wrong = False
        try:
            room = await rooms.call(rooms.store.room_by_code, code) if code else None
            wrong = room is None
        finally:  # wrong or guessed: spent against the address and the site; else given back
            by_address.settle(client, spent=wrong)
            by_site.settle("all", spent=wrong)
        if room is None:
            raise Refused(404, "room_no_such_code")
        if room.locked:
            raise Refused(403, "room_locked")
        limits = rooms.limits
        if not (limits.address_joins.allow(client) and limits.room_joins.allow(room.id)):
            raise Refused(429, "room_slow_down")
        try:
            token, number = await rooms.call(rooms.store.join, room.id)
        except RoomFull as err:
            raise Refused(409, "room_full") from err
        except RoomLocked as err:
            raise Refused(403, "room_locked") from err
        self.send({"token": token, "number": number}, 201)


class DeviceHandler(RoomHandler):
    """``GET room/api/device[?wait=<stage>]``: the room's step as this device sees it.
    ``POST room/api/device`` ``{"question": id, "options": [i, ...]}``: this device's answer."""

    async def device_room(self) -> tuple[str, Room]:
        token = self.request.headers.get(DEVICE_HEADER, "")
        room = await self.rooms.call(self.rooms.store.room_of_device, token) if token else None
        if room is None:
            if token and await self.rooms.call(self.rooms.store.was_removed, token):
                raise Refused(410, "room_removed_device")  # its room goes on without it
            raise Refused(404, "room_ended")
        return token, room

    async def view(self, token: str, room: Room) -> dict[str, Any]:
        question = self.rooms.questions().get(room.question)
        view = stage_view(question, room)
        if view["question"] is not None:
            view["chosen"] = await self.rooms.call(self.rooms.store.chosen, room.id, token,
                                                   room.question)
            if view["reveal"] is not None and question is not None:
                view["verdict"] = question.verdict_key(view["chosen"])
        return view

    async def get(self) -> None:
        token, room = await self.device_room()
        waited = await self.rooms.wait(room, since(self), stage=True)
        if waited is None:
            raise Refused(404, "room_ended")
        await self.device_room()  # removed while it waited: told so, not shown the next step
        self.send(await self.view(token, waited))

    async def post(self) -> None:
        token, room = await self.device_room()
        rooms = self.rooms
        if not (rooms.limits.device.allow(token) and rooms.limits.room_answers.allow(room.id)):
            raise Refused(429, "room_slow_down")
        data = self.body()
        question = rooms.questions().get(str(data.get("question", "")))
        options = data.get("options")
        if question is None or not isinstance(options, list) or \
                not all(isinstance(o, int) and not isinstance(o, bool) for o in options) or \
                not question.valid(options):
            raise Refused(400, "room_refused")
        result, marks = await rooms.call(rooms.store.answer, room.id, token, question.id, options)
        if result == "gone":
            raise Refused(404, "room_ended")
        if result == "closed":
            raise Refused(409, "room_closed")
        rooms.changed(room.id, marks)
        self.send({"chosen": sorted(set(options))})
