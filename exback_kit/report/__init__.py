"""The progress report: a private PDF drawn with matplotlib (pages, text, the PDF itself)."""

from exback_kit.report.pdf import build_report, check_steps, default_path, parse_steps, write_report

__all__ = ["build_report", "check_steps", "default_path", "parse_steps", "write_report"]
