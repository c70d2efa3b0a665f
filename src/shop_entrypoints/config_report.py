"""`shop check-config`: the state of every setting, without ever showing a secret."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, SecretStr, ValidationError
from pydantic.fields import FieldInfo
from pydantic_settings import SettingsError

from shop_entrypoints.redaction import mask_url, redact_text
from shop_entrypoints.settings import Settings, load_settings, read_raw_settings

GENERAL = "general"  # the section shown for top-level fields such as data_dir
_MASKED_URLS: set[tuple[str | None, str]] = {
    ("database", "url"),
    ("redis", "url"),
}  # secrets shown with the password masked
_UNSET_MEANS: dict[tuple[str | None, str], str] = {
    ("database", "url"): "not set: embedded SQLite in data_dir",
    ("redis", "url"): "not set: in-memory state",
}


@dataclass(frozen=True, slots=True)
class SettingLine:
    section: str
    name: str
    env_var: str
    state: str
    problem: bool = False


@dataclass(frozen=True, slots=True)
class ConfigReport:
    lines: tuple[SettingLine, ...]

    @property
    def ok(self) -> bool:
        return not any(line.problem for line in self.lines)


def check_config(env_file: Path | None = None) -> ConfigReport:
    """Load the settings as the shop would and describe each field."""
    try:
        settings = load_settings(env_file)
    except ValidationError as exc:
        return _report_invalid(read_raw_settings(env_file), exc)
    except SettingsError as exc:  # a section or list given as malformed JSON
        return ConfigReport((SettingLine(GENERAL, "", "SHOP_*", f"unreadable: {exc}", True),))
    lines = []
    for section, name, info in _fields():
        model: BaseModel = _section_of(settings, section)
        state = _describe(section, name, info, getattr(model, name))
        default = name not in model.model_fields_set
        lines.append(_line(section, name, f"{state} (default)" if default else state))
    return ConfigReport(tuple(lines))


def _report_invalid(raw: dict[str, Any], exc: ValidationError) -> ConfigReport:
    errors: dict[tuple[str, ...], list[str]] = defaultdict(list)
    lines: list[SettingLine] = []
    for error in exc.errors(include_input=False, include_url=False):
        loc = _locate(tuple(str(part) for part in error["loc"]))
        if error["type"] == "extra_forbidden":
            lines.append(_line(*_split(loc), "unknown setting", problem=True))
        else:
            errors[loc].append(_message(error["type"], error["msg"]))
    for section, name, info in _fields():
        path = (section, name) if section else (name,)
        section_error = errors.get((section,), []) if section else []
        if path in errors or (section_error == ["missing"] and info.is_required()):
            problems = errors.get(path, section_error)
            lines.append(_line(section, name, ", ".join(dict.fromkeys(problems)), problem=True))
        elif section_error and section_error != ["missing"]:
            lines.append(_line(section, name, "invalid section: " + section_error[0], True))
        else:
            lines.append(_line(section, name, _describe_raw(raw, section, name, info)))
    return ConfigReport(tuple(lines))


def _describe_raw(raw: dict[str, Any], section: str | None, name: str, info: FieldInfo) -> str:
    scope: Any = raw
    for part in section.split(".") if section else ():
        scope = scope.get(part, {}) if isinstance(scope, dict) else {}
    if not isinstance(scope, dict) or name not in scope:
        return _describe(section, name, info, info.get_default(call_default_factory=True)) + (
            " (default)"
        )
    return _describe(section, name, info, scope[name])


def _describe(section: str | None, name: str, info: FieldInfo, value: Any) -> str:
    if value is None:
        return _UNSET_MEANS.get((section, name), "not set")
    if SecretStr in (info.annotation, *get_args(info.annotation)):
        if (section, name) not in _MASKED_URLS:
            return "set (hidden)"
        url = value.get_secret_value() if isinstance(value, SecretStr) else str(value)
        return f"set (hidden): {mask_url(url)}"
    return redact_text(_plain(value))


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list | tuple):
        return ", ".join(_plain(item) for item in value) or "(empty)"
    if isinstance(value, dict):
        return ", ".join(f"{key}:{item}" for key, item in value.items()) or "(empty)"
    return str(value)


def _message(error_type: str, msg: str) -> str:
    if error_type == "missing":
        return "missing"
    return "invalid: " + msg.removeprefix("Value error, ")


def _fields(
    model: type[BaseModel] = Settings, path: tuple[str, ...] = ()
) -> Iterator[tuple[str | None, str, FieldInfo]]:
    """Every leaf setting; a section is a dotted path (`payments.stripe`) for nested ones."""
    for name, info in model.model_fields.items():
        nested = info.annotation
        if isinstance(nested, type) and issubclass(nested, BaseModel):
            yield from _fields(nested, (*path, name))
        else:
            yield ".".join(path) or None, name, info


def _section_of(settings: BaseModel, section: str | None) -> BaseModel:
    model = settings
    for part in section.split(".") if section else ():
        model = getattr(model, part)
    return model


def _locate(loc: tuple[str, ...]) -> tuple[str, ...]:
    """An error location as (section, name), (name,) or (section,) for a section's own error."""
    model: type[BaseModel] = Settings
    path: list[str] = []
    for part in loc:
        info = model.model_fields.get(part)
        nested = None if info is None else info.annotation
        if not (isinstance(nested, type) and issubclass(nested, BaseModel)):
            return (".".join(path), part) if path else (part,)
        path.append(part)
        model = nested
    return (".".join(path),)


def _split(loc: tuple[str, ...]) -> tuple[str | None, str]:
    return (loc[0], loc[1]) if len(loc) > 1 else (None, loc[0])


def _line(section: str | None, name: str, state: str, problem: bool = False) -> SettingLine:
    parts = (*(section.split(".") if section else ()), name)
    env_var = "SHOP_" + "__".join(part for part in parts if part).upper()
    return SettingLine(section or GENERAL, name, env_var, state, problem)
