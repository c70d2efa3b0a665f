"""Seed and read a real shop database for the backup tests, through the shop's own code."""

from __future__ import annotations

import asyncio
import os
import stat
from pathlib import Path

from shop_adapters.persistence.engine import create_engine, session_factory
from shop_adapters.persistence.migrations_runner import upgrade
from shop_adapters.persistence.unit_of_work import SqlAlchemyUnitOfWorkFactory
from shop_domain.model.ids import CustomerId
from tests.integration.persistence.records import customer

SETTINGS_ENV = {
    "SHOP_TELEGRAM__BOT_TOKEN": "123456789:" + "A" * 35,
    "SHOP_PANEL__URL": "https://panel.example.com",
    "SHOP_PANEL__API_TOKEN": "panel-token",
}


async def _seed(url: str, customer_ids: list[int]) -> None:
    await upgrade(url)
    engine = create_engine(url)
    try:
        async with SqlAlchemyUnitOfWorkFactory(session_factory(engine))() as uow:
            for customer_id in customer_ids:
                await uow.customers.add(customer(customer_id))
            await uow.commit()
    finally:
        await engine.dispose()


async def _customers(url: str, candidates: range) -> set[int]:
    engine = create_engine(url)
    try:
        async with SqlAlchemyUnitOfWorkFactory(session_factory(engine))() as uow:
            found = [await uow.customers.get(CustomerId(i)) for i in candidates]
    finally:
        await engine.dispose()
    return {int(c.id) for c in found if c is not None}


def seed(url: str, customer_ids: list[int]) -> None:
    asyncio.run(_seed(url, customer_ids))


def migrate(url: str) -> None:
    asyncio.run(upgrade(url))


def customers(url: str) -> set[int]:
    return asyncio.run(_customers(url, range(1, 40)))


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)
