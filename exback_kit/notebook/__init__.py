"""Everything the notebooks show: the only room that imports ipywidgets.

The kernel session, the parts a cell displays, the stage's words, the forms and their inputs,
escaping, the gate notice, the readiness list and the report button.
:mod:`exback_kit.stages` is the facade the notebooks call.
"""
