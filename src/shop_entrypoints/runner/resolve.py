"""Providers that depend on async Resources return awaitables; this gives the value either way."""

from __future__ import annotations

import inspect
from typing import Any, TypeVar

from dependency_injector import providers

T = TypeVar("T")


async def provide(provider: providers.Provider[Any]) -> Any:
    value = provider()
    if inspect.isawaitable(value):
        value = await value
    return value


async def resolve(provider: providers.Provider[Any], expected: type[T]) -> T:
    value = await provide(provider)
    if not isinstance(value, expected):
        msg = f"the container gave {type(value).__name__}, expected {expected.__name__}"
        raise TypeError(msg)
    return value
