"""``python -m exback_kit.cli``: the same as the ``exback`` command."""

import sys

from exback_kit.cli.commands import main

sys.exit(main())
