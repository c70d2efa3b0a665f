"""The operator's override file of one language, read with its mistakes reported.

A broken entry (Fluent "junk") is skipped and the shipped text stays; a message id the shop
does not ship is kept (it may be a term the operator references) but most likely a typo.
Both are logged once at start-up with the line number, so the operator finds them.
"""

from __future__ import annotations

from pathlib import Path

import structlog
from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax.ast import Junk, Message, Resource

logger = structlog.get_logger(__name__)


def _line(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def read_override(path: Path, shipped: FluentBundle) -> Resource:
    """Parse `path`; warn about unreadable entries and ids that replace nothing."""
    source = path.read_text(encoding="utf-8")
    resource = FluentResource(source)
    for entry in resource.body:
        start = 0 if entry.span is None else entry.span.start
        if isinstance(entry, Junk):
            reason = entry.annotations[0].message if entry.annotations else "unreadable"
            logger.warning(
                "texts_override_invalid", path=str(path), line=_line(source, start), reason=reason
            )
        elif isinstance(entry, Message) and not shipped.has_message(entry.id.name):
            logger.warning(
                "texts_override_unknown_id",
                path=str(path),
                line=_line(source, start),
                message_id=entry.id.name,
            )
    return resource
