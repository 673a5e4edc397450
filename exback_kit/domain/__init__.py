"""Pure rules: frames and values in, frames and values out.

No-Contact, mood, urges, the journey, the scales' scoring, the gate and readiness
rules, cooling-off. Nothing here reads the journal, draws or builds a widget.
"""
