"""New identifiers for entities the use cases create."""

import uuid


def new_id() -> str:
    return uuid.uuid4().hex
