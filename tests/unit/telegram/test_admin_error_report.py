"""Unexpected failures reach the admin log chat once per interval; the user still hears back."""

from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.methods import SendMessage
from structlog.testing import capture_logs

from shop_domain.model.customers import Language
from shop_domain.ports.vpn_panel import PanelStats
from shop_entrypoints.telegram.dispatcher import build_dispatcher
from shop_entrypoints.telegram.keyboards.admin.menu import STATISTICS, AdminSectionCallback
from shop_entrypoints.telegram.middlewares.error_report import ErrorReportMiddleware
from tests.unit.telegram.admin_harness import AdminHarness, admin_harness
from tests.unit.telegram.wiring import use_cases

LOG_CHAT = -100500
TOPIC = 3
STATS = AdminSectionCallback(section=STATISTICS)


class _Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


def _reporting(clock: _Clock) -> AdminHarness:
    bot = admin_harness()
    report = ErrorReportMiddleware(bot.texts, LOG_CHAT, TOPIC, Language.EN, 60, clock)
    bot.dispatcher = build_dispatcher(
        storage=MemoryStorage(),
        rate_limiter=bot.rate_limiter,
        texts=bot.texts,
        config=bot.config,
        use_cases=use_cases(bot.shop),
        cache=bot.cache,
        outer_middlewares=[report],
    )
    return bot


def _log_lines(bot: AdminHarness) -> list[SendMessage]:
    return [m for m in bot.session.of_type(SendMessage) if int(m.chat_id) == LOG_CHAT]


async def _broken_stats() -> PanelStats:
    raise RuntimeError("secret detail that must not leave the logs")


async def test_a_bug_is_reported_once_per_interval_without_its_message() -> None:
    clock = _Clock()
    bot = _reporting(clock)
    bot.shop.panel.stats = _broken_stats  # type: ignore[method-assign]
    await bot.open_admin("en")
    with capture_logs():
        for _ in range(3):
            await bot.admin_tap(STATS, "en")

    (line,) = _log_lines(bot)
    assert line.message_thread_id == TOPIC
    update = int(line.text.split("(update ")[1].split(")")[0])
    assert line.text == bot.text("en", "adm-log-error", error="RuntimeError", update=update)
    assert "secret" not in line.text
    assert bot.notices()[-1] == bot.text("en", "error-generic")  # the admin still hears back

    clock.now += 61
    with capture_logs():
        await bot.admin_tap(STATS, "en")
    assert len(_log_lines(bot)) == 2


async def test_expected_refusals_are_not_reported() -> None:
    bot = _reporting(_Clock())
    await bot.open_admin("ru")
    await bot.admin_says("/start", "ru")
    bot.shop.panel.down = True
    await bot.admin_tap(STATS, "ru")  # the panel note, not an error
    await bot.send(7, "/start", lang="ru")
    bot.shop.panel.down = False
    await bot.admin_tap(AdminSectionCallback(section="customers"), "ru")
    await bot.admin_says("@nobody", "ru")  # a ShopError, answered in operator terms

    assert bot.last_screen() == bot.text("ru", "adm-error-customer_not_found")
    assert _log_lines(bot) == []


async def test_a_failing_report_does_not_hide_the_error() -> None:
    bot = _reporting(_Clock())
    bot.shop.panel.stats = _broken_stats  # type: ignore[method-assign]
    await bot.open_admin("en")
    bot.session.fail_next(SendMessage, 403, "Forbidden: bot is not a member of the chat")
    with capture_logs() as logs:
        await bot.admin_tap(STATS, "en")
    assert bot.notices()[-1] == bot.text("en", "error-generic")
    events = [entry["event"] for entry in logs]
    assert events == ["error_report_failed", "update_failed"]
