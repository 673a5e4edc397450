"""Pure rules: frames and values in, frames and values out.

No-Contact, mood, urges, trends (the week, week against week), the journey, the scales'
scoring, the gate and readiness rules, cooling-off. Nothing here reads the journal or the
content files (the caller passes the kit's ``Content``), draws or builds a widget.
"""
