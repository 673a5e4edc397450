"""The kit's charts (matplotlib): a registry, the shared base and palette, one module a family.

Charts take frames from :mod:`exback_kit.domain` and never read the journal.
"""

from exback_kit.charts.registry import CHARTS, ChartSpec, render, render_png, spec, to_png

__all__ = ["CHARTS", "ChartSpec", "render", "render_png", "spec", "to_png"]
