"""This computer's id for a journal, kept outside the journal (the per-user config folder).

Sync files are written per device. The id lives in ``devices.json`` in the user
config folder (``platformdirs``; ``XDG_CONFIG_HOME`` on Linux), keyed by the
journal's absolute path, so a journal copied or restored onto another computer —
or to another place on this one — becomes a new device instead of writing into
the first one's files.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from exback_kit.store.files import make_private_folder, write_private
from exback_kit.store.paths import APP_NAME

DEVICES_FILE = "devices.json"


def config_folder() -> Path:
    """Return the per-user config folder of the kit (it may not exist yet)."""
    import platformdirs

    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def _known() -> dict[str, str]:
    try:
        doc = json.loads((config_folder() / DEVICES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in doc.items()} if isinstance(doc, dict) else {}


def device_id(journal_path: Path) -> str:
    """Return this computer's device id for the journal at ``journal_path`` (made once)."""
    key = str(Path(journal_path).resolve())
    known = _known()
    if key not in known:
        known[key] = uuid.uuid4().hex[:16]
        make_private_folder(config_folder())
        write_private(config_folder() / DEVICES_FILE,
                      json.dumps(known, indent=1, sort_keys=True).encode())
    return known[key]
