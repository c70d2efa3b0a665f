from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.fsm.storage.redis import RedisStorage
from redis.asyncio import Redis
from structlog.testing import capture_logs

from shop_adapters.redis.client import RedisOptions, open_redis
from shop_adapters.redis.fsm_storage import FsmOptions, build_redis_fsm_storage, open_fsm_storage

KEY = StorageKey(bot_id=42, chat_id=100, user_id=100)
STATE_KEY = "shop:fsm:42:100:100:default:state"
DATA_KEY = "shop:fsm:42:100:100:default:data"


async def test_state_and_data_round_trip_with_ttls(redis: Redis) -> None:
    storage = build_redis_fsm_storage(
        redis, FsmOptions(state_ttl_seconds=3600, data_ttl_seconds=1800)
    )
    await storage.set_state(KEY, "Checkout:choose_plan")
    await storage.set_data(KEY, {"plan_id": 7, "promo": "SPRING"})

    assert await storage.get_state(KEY) == "Checkout:choose_plan"
    assert await storage.get_data(KEY) == {"plan_id": 7, "promo": "SPRING"}
    assert 3590 < await redis.ttl(STATE_KEY) <= 3600
    assert 1790 < await redis.ttl(DATA_KEY) <= 1800


async def test_a_zero_ttl_keeps_the_dialog_until_it_ends(redis: Redis) -> None:
    storage = build_redis_fsm_storage(redis, FsmOptions(state_ttl_seconds=0))
    await storage.set_state(KEY, "Checkout:pay")

    assert await redis.ttl(STATE_KEY) == -1  # no expiry
    await storage.set_state(KEY, None)
    assert await redis.exists(STATE_KEY) == 0


async def test_two_instances_share_one_dialog(redis: Redis, other_redis: Redis) -> None:
    first, second = build_redis_fsm_storage(redis), build_redis_fsm_storage(other_redis)

    await first.set_state(KEY, "Promo:enter_code")
    await first.update_data(KEY, {"attempts": 1})

    assert await second.get_state(KEY) == "Promo:enter_code"
    assert await second.get_data(KEY) == {"attempts": 1}


async def test_two_bots_on_one_database_do_not_see_each_other(redis: Redis) -> None:
    storage = build_redis_fsm_storage(redis)
    await storage.set_state(KEY, "Checkout:pay")

    other_bot = StorageKey(bot_id=43, chat_id=100, user_id=100)

    assert await storage.get_state(other_bot) is None


async def test_redis_is_used_when_it_answers(redis_url: str, redis: Redis) -> None:
    storage = await open_fsm_storage(redis_url)
    try:
        await storage.set_state(KEY, "Checkout:pay")
    finally:
        await storage.close()

    assert isinstance(storage, RedisStorage)
    assert await redis.get(STATE_KEY) == b"Checkout:pay"


async def test_an_unreachable_redis_falls_back_to_memory(closed_redis_url: str) -> None:
    with capture_logs() as logs:
        storage = await open_fsm_storage(
            closed_redis_url, redis_options=RedisOptions(connect_timeout_seconds=0.2, retries=0)
        )
    await storage.set_state(KEY, "Checkout:pay")

    assert isinstance(storage, MemoryStorage)
    assert await storage.get_state(KEY) == "Checkout:pay"
    fallback = [log for log in logs if log["event"] == "fsm_storage_in_memory"]
    assert len(fallback) == 1
    assert fallback[0]["log_level"] == "warning"
    assert fallback[0]["reason"] == "redis_unreachable"


async def test_no_redis_configured_means_memory_and_a_warning() -> None:
    with capture_logs() as logs:
        storage = await open_fsm_storage(None)

    assert isinstance(storage, MemoryStorage)
    assert [(log["event"], log["reason"]) for log in logs] == [
        ("fsm_storage_in_memory", "redis_not_configured")
    ]


async def test_open_redis_gives_a_live_client_or_none(
    redis_url: str, closed_redis_url: str
) -> None:
    live = await open_redis(redis_url)
    with capture_logs() as logs:
        dead = await open_redis(closed_redis_url, RedisOptions(connect_timeout_seconds=0.2))

    assert live is not None
    assert await live.ping()
    await live.aclose(close_connection_pool=True)
    assert dead is None
    assert [(log["event"], log["log_level"]) for log in logs] == [("redis_unreachable", "warning")]
