"""Several devices, no server: syncing a journal through a folder the person already syncs.

``round`` runs one sync (merge every device's changes, send this one's), says what it
did, lists the devices seen and forgets a folder; ``change_files`` is the folder's files
(the claim and each device's change file: writing them, and reading them as untrusted);
``signing`` is what their lines are signed and sealed with (the join code, the folder's
key, a locked folder's identity); ``no_links`` touches the folder without following a link.
"""

from exback_kit.interchange.sync_folder.change_files import escaped
from exback_kit.interchange.sync_folder.round import (
    FOLDER_SETTING,
    DeviceSeen,
    Forgotten,
    Result,
    forget_folder,
    said,
    status,
    sync,
    synced_folders,
)

__all__ = ["FOLDER_SETTING", "DeviceSeen", "Forgotten", "Result", "escaped", "forget_folder",
           "said", "status", "sync", "synced_folders"]
