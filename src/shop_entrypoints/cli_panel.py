"""`shop panel sync`: link the panel's existing users to the shop's customers, then report.

A one-off operator command, separate from `shop run`, so a slow or unreachable panel never
holds up the bot's start-up. Nothing is created on the panel. Exit codes: 0 done (even with
inconsistencies, which are listed for a human to decide), 1 bad configuration or storage
trouble, 2 the panel could not be reached or is an unsupported version.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from shop_adapters.persistence.engine import create_engine, session_factory
from shop_adapters.persistence.unit_of_work import SqlAlchemyUnitOfWorkFactory
from shop_adapters.remnawave import RemnawaveConfig, RemnawavePanel, build_panel_client
from shop_domain.errors import StorageError, VpnPanelError
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.ports.vpn_panel import VpnPanel
from shop_domain.services.core.sync_panel_users import PanelSyncReport, SyncPanelUsers
from shop_entrypoints.composition.panel import remnawave_config
from shop_entrypoints.settings import load_settings

panel_app = typer.Typer(help="The Remnawave panel.", no_args_is_help=True)
SHOWN_INCONSISTENCIES = 20


async def sync_panel_users(
    uow_factory: UnitOfWorkFactory, panel: VpnPanel, page_size: int = 500
) -> PanelSyncReport:
    return await SyncPanelUsers(uow_factory, panel).execute(page_size)


def render_sync_report(report: PanelSyncReport) -> list[str]:
    lines = [
        f"scanned {report.scanned} panel users in {report.pages} page(s)",
        f"linked: {report.linked + report.imported} "
        f"({report.linked} existing subscriptions, {report.imported} mirrored)",
        f"already linked: {report.already_linked}",
        f"skipped: {report.without_telegram_id + report.unknown_customer} "
        f"({report.without_telegram_id} without a Telegram id, "
        f"{report.unknown_customer} not customers of this shop)",
        f"inconsistent: {len(report.inconsistent)}",
    ]
    lines += [f"  - {line}" for line in report.inconsistent[:SHOWN_INCONSISTENCIES]]
    hidden = len(report.inconsistent) - SHOWN_INCONSISTENCIES
    if hidden > 0:
        lines.append(f"  ... and {hidden} more")
    return lines


async def _run(database_url: str, config: RemnawaveConfig, page_size: int) -> PanelSyncReport:
    engine = create_engine(database_url)
    panel = RemnawavePanel(build_panel_client(config), config)
    try:
        await panel.start()
        uow_factory = SqlAlchemyUnitOfWorkFactory(session_factory(engine))
        return await sync_panel_users(uow_factory, panel, page_size)
    finally:
        await panel.aclose()
        await engine.dispose()


@panel_app.command("sync")
def sync_command(
    env_file: Annotated[
        Path | None,
        typer.Option("--env-file", help="Settings file (default ./.env).", dir_okay=False),
    ] = None,
    page_size: Annotated[
        int, typer.Option("--page-size", min=1, max=1000, help="Panel users per page.")
    ] = 500,
) -> None:
    """Link panel users to customers by Telegram id; print linked / skipped / inconsistent."""
    try:
        settings = load_settings(env_file)
    except ValidationError as error:
        typer.echo(
            f"invalid configuration ({error.error_count()} problem(s)): run `shop check-config`",
            err=True,
        )
        raise typer.Exit(code=1) from None
    config = remnawave_config(settings.panel.model_dump())
    try:
        report = asyncio.run(_run(settings.database_url, config, page_size))
    except VpnPanelError as error:
        typer.echo(f"panel sync stopped (synced pages are kept; run it again): {error}", err=True)
        raise typer.Exit(code=2) from None
    except StorageError as error:
        typer.echo(f"panel sync stopped by a storage error: {error}", err=True)
        raise typer.Exit(code=1) from None
    for line in render_sync_report(report):
        typer.echo(line)
