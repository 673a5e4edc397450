"""The journal on disk: the only room that imports sqlite3 or holds SQL.

:class:`Journal` reads and writes; ``schema`` names every record kind and its rules,
``validate`` checks values, ``migrations`` upgrades old files, ``frames`` types the
tables, ``backups`` keeps copies, ``paths`` says where the journal lives and ``files``
writes private files. The room is layered (see ``[tool.importlinter]`` in pyproject.toml):
``Journal`` owns the connection and hands it, with its key, to the modules below it.
"""

from exback_kit.store.backup_files import backup_dir, list_backups
from exback_kit.store.journal import Journal
from exback_kit.store.migrations import SCHEMA_VERSION
from exback_kit.store.paths import APP_NAME, FILE_NAME, default_path, resolve_path
from exback_kit.store.validate import check_values

__all__ = ["APP_NAME", "FILE_NAME", "SCHEMA_VERSION", "Journal", "backup_dir", "check_values",
           "default_path", "list_backups", "resolve_path"]
