"""Which panel API we talk to: 3.x (users by numeric `id`) or 2.3-2.8 (users by `uuid`).

Detected once at start from `GET /api/system/metadata`, or forced by `api_version`. Every
path or body key that differs between the two lives here; the rest of the adapter asks the
dialect instead of branching on versions itself.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from shop_adapters.remnawave.config import ApiVersion
from shop_adapters.remnawave.schemas import MetadataPayload, UserPayload
from shop_adapters.remnawave.transport import PanelHttp
from shop_domain.errors import VpnPanelError, VpnPanelUnsupportedError, VpnPanelUserNotFoundError
from shop_domain.model.ids import PanelUserRef

_VERSION = re.compile(r"^v?(\d+)\.(\d+)")
_V2, _V3 = 2, 3
_MIN_V2_MINOR = 3


@dataclass(frozen=True, slots=True)
class PanelDialect:
    version: str  # as the panel reported it, or "3 (forced)"
    major: int

    @property
    def is_v3(self) -> bool:
        return self.major >= _V3

    @property
    def has_user_stream(self) -> bool:
        return self.is_v3  # 2.8 has a stream too, but without filters

    def ref_of(self, user: UserPayload) -> PanelUserRef:
        key = user.id if self.is_v3 else user.uuid
        if key is None:
            msg = f"a panel {self.version} user came without its key"
            raise VpnPanelError(msg)
        return PanelUserRef(str(key))

    def key(self, ref: PanelUserRef) -> int | str:
        """The user's key for paths and bodies. A ref of the other dialect (a uuid stored
        before the panel moved to 3.x) cannot name a user here: it is reported as missing, so
        provisioning finds the user again by username."""
        if self.is_v3:
            if ref.isdigit() and int(ref) > 0:
                return int(ref)
        else:
            try:
                return str(uuid.UUID(ref))
            except ValueError:
                pass
        msg = f"{ref!r} is not a user key of panel {self.version}"
        raise VpnPanelUserNotFoundError(msg, panel_code=None, status=None)

    def identity(self, ref: PanelUserRef) -> dict[str, Any]:
        """How PATCH /api/users names the user."""
        return {"id" if self.is_v3 else "uuid": self.key(ref)}

    def device_owner(self, ref: PanelUserRef) -> dict[str, Any]:
        """How the HWID endpoints name the user."""
        return {"userId" if self.is_v3 else "userUuid": self.key(ref)}

    def subscription_path(self, ref: PanelUserRef) -> str:
        kind = "by-id" if self.is_v3 else "by-uuid"
        return f"/subscriptions/{kind}/{self.key(ref)}"


def dialect_for_version(version: str) -> PanelDialect:
    match = _VERSION.match(version.strip())
    if match is None:
        msg = f"the panel reported an unreadable version {version!r}"
        raise VpnPanelUnsupportedError(msg)
    major, minor = int(match.group(1)), int(match.group(2))
    if major == _V3 or (major == _V2 and minor >= _MIN_V2_MINOR):
        return PanelDialect(version, major)
    msg = (
        f"Remnawave panel {version} is not supported: this shop speaks 3.x and 2.3-2.8."
        " Upgrade the panel (or the shop) before starting."
    )
    raise VpnPanelUnsupportedError(msg)


def forced_dialect(api_version: ApiVersion) -> PanelDialect | None:
    """The dialect pinned by settings, or None when it must be detected."""
    if api_version == "auto":
        return None
    return PanelDialect(f"{api_version} (forced)", int(api_version))


async def detect_dialect(http: PanelHttp, api_version: ApiVersion) -> PanelDialect:
    """Read `GET /api/system/metadata` unless the version is pinned by settings."""
    forced = forced_dialect(api_version)
    if forced is not None:
        return forced
    try:
        payload = await http.call("detect_version", "GET", "/system/metadata", idempotent=True)
    except VpnPanelError as error:
        if error.status != 404:  # noqa: PLR2004 - HTTP Not Found
            raise
        msg = (
            "the panel has no /api/system/metadata (it is older than 2.5): set"
            " SHOP_PANEL__API_VERSION=2 for a 2.3/2.4 panel, or upgrade it"
        )
        raise VpnPanelUnsupportedError(msg, status=404) from error
    return dialect_for_version(MetadataPayload.model_validate(payload).version)
