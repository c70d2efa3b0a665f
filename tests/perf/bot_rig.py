"""The bot as production wires it (the real container: SQLAlchemy units of work, in-process
rate limiter and cache, orjson in the aiohttp Bot session), talking to a fake Bot API over
loopback, with a call-counting fake panel and a round-trip counter on the engine.

Updates are built the way polling builds them (`Update.model_validate(raw, context=bot)`), so
`dp.feed_update` does no JSON round trip of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.types import Update
from dependency_injector import providers
from sqlalchemy.ext.asyncio import AsyncEngine

from shop_adapters.persistence.unit_of_work import SqlAlchemyUnitOfWorkFactory
from shop_domain.model.customers import Customer, Language, new_referral_code
from shop_domain.model.ids import CustomerId
from shop_entrypoints.composition.infra import START_ORDER
from shop_entrypoints.container import Container, build_container
from shop_entrypoints.runner.resolve import resolve
from shop_entrypoints.settings import Settings
from shop_entrypoints.telegram.callbacks import MenuCallback, Screen
from tests.perf.baseline import apply_baseline
from tests.perf.round_trips import RoundTripCounter
from tests.unit.fakes import T0, FakeVpnPanel

TOKEN = "123456789:" + "B" * 35
BOT_USERNAME = "shop_bench_bot"
MENU_DATA = MenuCallback(screen=Screen.MAIN).pack()
DATE = 1_767_225_600


def rig_settings(database_url: str, api_base_url: str) -> Settings:
    sections: dict[str, Any] = {
        "telegram": {"bot_token": TOKEN, "api_server_url": api_base_url},
        "panel": {"url": "http://127.0.0.1:9/", "api_token": "unused"},
        "database": {"url": database_url, "upgrade_on_start": False},
    }
    return Settings(_env_file=None, **sections)


@dataclass
class BotRig:
    container: Container
    dispatcher: Dispatcher
    bot: Bot
    engine: AsyncEngine
    panel: FakeVpnPanel
    counter: RoundTripCounter

    async def close(self) -> None:
        for name in reversed(START_ORDER):
            await getattr(self.container.infra, name).shutdown()

    def start_update(self, update_id: int, user_id: int, first_name: str | None = None) -> Update:
        message = {
            "message_id": update_id,
            "date": DATE,
            "chat": {"id": user_id, "type": "private"},
            "from": _user(user_id, first_name),
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        }
        return self._update({"update_id": update_id, "message": message})

    def menu_tap(self, update_id: int, user_id: int, screen_id: int) -> Update:
        """A tap on "menu" under the message `screen_id` the bot sent this user."""
        callback = {
            "id": f"cb{update_id}",
            "from": _user(user_id),
            "chat_instance": f"ci{user_id}",
            "data": MENU_DATA,
            "message": {
                "message_id": screen_id,
                "date": DATE,
                "chat": {"id": user_id, "type": "private"},
                "from": {"id": 123456789, "is_bot": True, "first_name": "Shop"},
                "text": "An earlier screen",
            },
        }
        return self._update({"update_id": update_id, "callback_query": callback})

    def _update(self, raw: dict[str, Any]) -> Update:
        return Update.model_validate(raw, context={"bot": self.bot})


def _user(user_id: int, first_name: str | None = None) -> dict[str, Any]:
    name = first_name or f"User{user_id}"  # what seed_customers stored
    return {"id": user_id, "is_bot": False, "first_name": name, "language_code": "en"}


async def open_rig(database_url: str, api_base_url: str, *, baseline: bool = False) -> BotRig:
    """Open the rig's resources; the database must be migrated already. `baseline`: the hot
    path as it was before the performance work (tests/perf/baseline.py)."""
    container = build_container(rig_settings(database_url, api_base_url))
    if baseline:
        apply_baseline(container, database_url, TOKEN, api_base_url)
    panel = FakeVpnPanel()
    container.adapters.panel.override(providers.Object(panel))
    container.telegram.bot_username.override(providers.Object(BOT_USERNAME))
    for name in START_ORDER:
        await getattr(container.infra, name).init()
    engine = await resolve(container.infra.engine, AsyncEngine)
    counter = RoundTripCounter(engine)
    return BotRig(
        container=container,
        dispatcher=await resolve(container.telegram.dispatcher, Dispatcher),
        bot=await resolve(container.infra.bot, Bot),
        engine=engine,
        panel=panel,
        counter=counter,
    )


async def seed_customers(rig: BotRig, user_ids: Sequence[int]) -> None:
    """Returning customers: registered before, with the profile their updates will carry."""
    uow_factory = await resolve(rig.container.infra.uow_factory, SqlAlchemyUnitOfWorkFactory)
    async with uow_factory() as uow:
        known = await uow.customers.get_many([CustomerId(i) for i in user_ids])
        for user_id in user_ids:
            if CustomerId(user_id) in known:
                continue
            customer = Customer(
                id=CustomerId(user_id),
                language=Language.EN,
                referral_code=new_referral_code(),
                created_at=T0,
                first_name=f"User{user_id}",
            )
            await uow.customers.add(customer)
        await uow.commit()
