"""A form whose journal was deleted under it says so and never says "Saved"."""

from __future__ import annotations

import html
from pathlib import Path

from exback_kit import Journal
from exback_kit.notebook import forms


def test_a_form_says_not_saved_when_its_journal_was_deleted(tmp_path):
    path = tmp_path / "journal.sqlite3"
    journal = Journal.open(path)
    form = forms.checkin_form(journal)
    for name in ("", "-wal", "-shm"):
        Path(f"{path}{name}").unlink(missing_ok=True)
    form.fields["mood"].value = 6
    form.save_button.click()
    shown = html.unescape(form.status.value)
    assert "deleted or replaced" in shown and "Saved" not in shown
    journal.close()
