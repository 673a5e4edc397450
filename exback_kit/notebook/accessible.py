"""Inputs that screen readers and keyboards can use, and the kit's one stylesheet.

ipywidgets 8.1 gives a slider handle no accessible name, renders ToggleButtons
as loose buttons (no group, no pressed state) and RadioButtons without a shared
``name`` (so arrow keys do not move between them). These two widgets draw the
same choices with native HTML instead, through anywidget (a small, well-kept
bridge for custom widgets that needs no JupyterLab extension of our own):

* :class:`ChoiceGroup`: one ``<fieldset role="radiogroup">`` named by its
  ``<legend>``, one native radio per option (Tab enters the group, arrows move,
  Space picks), the two ends of a scale as its description; a picked option shows
  a ✓ and a white radio dot on its block, not only a colour;
* :class:`Slider`: a native ``<input type="range">`` with a ``<label>``, its
  number beside it, arrows and Home/End to move.

Both keep the ``value`` / ``description`` shape of ipywidgets, so forms and
tests set ``.value`` as before. :data:`KIT_CSS` (visible focus, wrapping labels,
dark-theme colours, narrow windows) travels with
every kit input and with :class:`Stylesheet`, which the stage header shows.
:func:`sends_when_left` keeps a fast keyboard user's last keys from being lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import anywidget
import traitlets

from exback_kit import colours as c

#: The kit's CSS, scoped to its own classes. JupyterLab and Voila mark a dark theme
#: with ``data-jp-theme-light="false"`` on <body>.
KIT_CSS = f"""
.exback-part :focus-visible, .exback-part .jupyter-button:focus-visible {{
  outline: 3px solid {c.FOCUS} !important; outline-offset: 2px;
}}
body[data-jp-theme-light="false"] .exback-part :focus-visible,
body[data-jp-theme-light="false"] .exback-part .jupyter-button:focus-visible {{
  outline-color: {c.FOCUS_DARK} !important;
}}
.exback-part {{ max-width: 100%; min-width: 0; }}
.exback-part .widget-box, .exback-part .widget-inline-hbox {{ max-width: 100%; min-width: 0; }}
.exback-part .widget-hbox {{ flex-wrap: wrap; }}
.exback-labelled {{ flex-wrap: wrap; height: auto !important; }}
.exback-labelled > .widget-label {{
  width: 100% !important; max-width: 100%; white-space: normal; overflow: visible;
  height: auto; line-height: 1.4; font-weight: 600; text-align: left; margin-bottom: 2px;
}}
.exback-labelled.widget-checkbox > .widget-label {{ display: none !important; }}
.exback-choices {{ border: 0; margin: 0 0 4px 0; padding: 0; min-width: 0; max-width: 100%; }}
.exback-choices legend {{ font-weight: 600; padding: 0; margin-bottom: 4px; line-height: 1.4; }}
.exback-choices .exback-options {{ display: flex; flex-wrap: wrap; gap: 4px; }}
.exback-choices.exback-vertical .exback-options {{ flex-direction: column; gap: 2px; }}
.exback-choices label {{
  display: inline-flex; align-items: center; gap: 4px; padding: 3px 8px;
  border: 1px solid {c.CHOICE_BORDER}; border-radius: 4px; cursor: pointer; line-height: 1.4;
}}
.exback-choices.exback-vertical label {{ border-color: transparent; padding: 1px 4px; }}
.exback-choices label:has(input:checked) {{
  background: {c.CHOICE_PICKED}; border-color: {c.CHOICE_PICKED};
  color: {c.CHOICE_PICKED_TEXT}; font-weight: 600;
}}
.exback-choices label:has(input:checked) input {{ accent-color: {c.CHOICE_PICKED_TEXT}; }}
.exback-choices label:has(input:checked) span::before {{ content: "✓ " / ""; }}
.exback-choices label:has(input:focus-visible) {{
  outline: 3px solid {c.FOCUS}; outline-offset: 2px;
}}
body[data-jp-theme-light="false"] .exback-choices label:has(input:focus-visible) {{
  outline-color: {c.FOCUS_DARK};
}}
.exback-choices input {{ margin: 0; accent-color: {c.FOCUS}; }}
.exback-choices input:focus-visible {{ outline: none !important; }}
.exback-choice-row {{ display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; }}
.exback-range label {{ display: block; font-weight: 600; line-height: 1.4; margin-bottom: 2px; }}
.exback-range .exback-range-row {{
  display: flex; align-items: center; gap: 8px; max-width: 100%;
}}
.exback-range input[type=range] {{ flex: 1 1 auto; min-width: 6em; max-width: 24em;
  accent-color: {c.FOCUS}; }}
.exback-range output {{ min-width: 2em; font-weight: 600; }}
body[data-voila] .exback-lab-only {{ display: none !important; }}
.exback-md {{ display: none !important; }}
body[data-jp-theme-light="false"] .exback-ok {{ color: {c.OK_TEXT_DARK} !important; }}
body[data-jp-theme-light="false"] .exback-bad {{ color: {c.PROBLEM_TEXT_DARK} !important; }}
"""

#: A name no other view on the page has. anywidget evaluates each widget's module
#: afresh, so a module-level counter restarted at 0 for every group: groups drawn in the
#: same millisecond shared one radio ``name``, and picking in one unpicked the other
#: (a saved "no" re-opened blank).
_UNIQUE_ID = """
function uniqueId() {
  if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
"""

_CHOICES_ESM = _UNIQUE_ID + """
function render({ model, el }) {
  const name = `exback-choice-${uniqueId()}`;
  const set = document.createElement("fieldset");
  set.className = "exback-choices";
  set.setAttribute("role", "radiogroup");
  const legend = document.createElement("legend");
  legend.id = `${name}-legend`;
  set.setAttribute("aria-labelledby", legend.id);
  const row = document.createElement("div");
  row.className = "exback-choice-row";
  const low = document.createElement("span");
  low.id = `${name}-low`;
  const options = document.createElement("div");
  options.className = "exback-options";
  const high = document.createElement("span");
  high.id = `${name}-high`;
  row.append(low, options, high);
  set.append(legend, row);
  el.append(set);
  let inputs = [];
  function sync() {
    const value = model.get("value");
    model.get("options").forEach(([, v], i) => { inputs[i].checked = v === value; });
  }
  function draw() {
    const text = model.get("description");
    legend.textContent = text;
    legend.hidden = !text;
    const pair = model.get("ends");
    low.textContent = pair.length === 2 ? pair[0] : "";
    high.textContent = pair.length === 2 ? pair[1] : "";
    low.hidden = high.hidden = pair.length !== 2;
    if (pair.length === 2) set.setAttribute("aria-describedby", `${low.id} ${high.id}`);
    else set.removeAttribute("aria-describedby");
    set.classList.toggle("exback-vertical", model.get("orientation") === "vertical");
    options.replaceChildren();
    inputs = model.get("options").map(([label, v]) => {
      const box = document.createElement("label");
      const input = document.createElement("input");
      input.type = "radio";
      input.name = name;
      input.disabled = model.get("disabled");
      input.addEventListener("change", () => {
        if (input.checked) { model.set("value", v); model.save_changes(); }
      });
      const span = document.createElement("span");
      span.textContent = label;
      box.append(input, span);
      options.append(box);
      return input;
    });
    sync();
  }
  draw();
  model.on("change:value", sync);
  model.on("change:options", draw);
  model.on("change:description", draw);
  model.on("change:ends", draw);
  model.on("change:disabled", draw);
}
export default { render };
"""

_SLIDER_ESM = _UNIQUE_ID + """
function render({ model, el }) {
  const id = `exback-range-${uniqueId()}`;
  const box = document.createElement("div");
  box.className = "exback-range";
  const label = document.createElement("label");
  label.htmlFor = id;
  const row = document.createElement("div");
  row.className = "exback-range-row";
  const low = document.createElement("span");
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  const high = document.createElement("span");
  const out = document.createElement("output");
  out.htmlFor = id;
  out.setAttribute("aria-hidden", "true");
  row.append(low, input, high, out);
  box.append(label, row);
  el.append(box);
  function draw() {
    label.textContent = model.get("description");
    const pair = model.get("ends");
    low.textContent = pair.length === 2 ? pair[0] : "";
    high.textContent = pair.length === 2 ? pair[1] : "";
    input.min = model.get("min");
    input.max = model.get("max");
    input.step = model.get("step");
    input.disabled = model.get("disabled");
    sync();
  }
  function sync() {
    input.value = model.get("value");
    show(model.get("value"));
  }
  function show(value) {  // what is seen and what a screen reader says, at every key
    out.textContent = String(value);
    const pair = model.get("ends");
    const [lo, hi] = [model.get("min"), model.get("max")];
    const words = pair.length === 2 ? ` (${lo} ${pair[0]}, ${hi} ${pair[1]})` : "";
    input.setAttribute("aria-valuetext", `${value}${words}`);
  }
  input.addEventListener("input", () => { show(input.value); });
  // Sent when the slider is left (a click elsewhere, Tab), once, not at every key: the
  // widgets' protocol holds back a second update of a widget until the kernel answers its
  // first, while a click on Save goes out at once, so End then an arrow then Save reached
  // a busy kernel as "Save" before the last value. Leaving comes before the press.
  input.addEventListener("blur", () => {
    const value = Number(input.value);
    if (value !== model.get("value")) {
      model.set("value", value);
      model.save_changes();
    }
  });
  draw();
  model.on("change:value", sync);
  for (const name of ["description", "ends", "min", "max", "step", "disabled"]) {
    model.on(`change:${name}`, draw);
  }
}
export default { render };
"""

_STYLESHEET_ESM = """
function render({ el }) { el.hidden = true; }
export default { render };
"""


def _pair(ends: Sequence[str] | None) -> list[str]:
    return [str(ends[0]), str(ends[1])] if ends else []


class ChoiceGroup(anywidget.AnyWidget):
    """One choice from ``options`` ((label, value) pairs) as a named group of radios.

    ``value`` is None until something is picked; setting a value that is not one
    of the options raises ``traitlets.TraitError``.
    """

    _esm = _CHOICES_ESM
    _css = KIT_CSS
    options: traitlets.List[Any] = traitlets.List().tag(sync=True)
    value = traitlets.Any(None, allow_none=True).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    ends = traitlets.List(traitlets.Unicode()).tag(sync=True)
    orientation = traitlets.Unicode("horizontal").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)

    def __init__(self, options: Sequence[tuple[str, Any]], value: object = None, *,
                 description: str = "", ends: Sequence[str] | None = None,
                 orientation: str = "horizontal", **kwargs: Any) -> None:
        pairs = [[str(label), v] for label, v in options]
        start = value if any(_same(value, v) for _, v in pairs) else None
        super().__init__(options=pairs, value=start, description=description,
                         ends=_pair(ends), orientation=orientation, **kwargs)

    @traitlets.validate("value")
    def _known(self, proposal: Any) -> Any:
        value = proposal["value"]
        if value is None:
            return None
        for _, v in self.options:
            if _same(value, v):
                return v
        raise traitlets.TraitError(f"{value!r} is not one of the choices "
                                   f"{[v for _, v in self.options]!r}")


def _same(a: object, b: object) -> bool:
    """Return True when ``a`` and ``b`` are the same choice (True is not 1 here)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


class Slider(anywidget.AnyWidget):
    """A whole number from ``min`` to ``max`` on a labelled native range input.

    Like ``ipywidgets.IntSlider``, a value outside the range is clamped to it.
    """

    _esm = _SLIDER_ESM
    _css = KIT_CSS
    value = traitlets.Int(5).tag(sync=True)
    min = traitlets.Int(1).tag(sync=True)
    max = traitlets.Int(10).tag(sync=True)
    step = traitlets.Int(1).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    ends = traitlets.List(traitlets.Unicode()).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)

    def __init__(self, value: int = 5, *, min: int = 1, max: int = 10,
                 description: str = "", ends: Sequence[str] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(min=min, max=max, value=value, description=description,
                         ends=_pair(ends), **kwargs)

    @traitlets.validate("value")
    def _clamp(self, proposal: Any) -> int:
        return max(self.min, min(self.max, int(proposal["value"])))


class Stylesheet(anywidget.AnyWidget):
    """An invisible widget that brings :data:`KIT_CSS` to pages showing no kit input."""

    _esm = _STYLESHEET_ESM
    _css = KIT_CSS

    def __repr__(self) -> str:
        return "exback-kit stylesheet"


def sends_when_left(widget: Any) -> Any:
    """Return ``widget`` with typed text sent to the kernel when the field is left, not per key.

    ipywidgets sends a click at once but holds back a typing update while the previous
    one is unanswered, so a Save pressed right after typing could run on the text minus
    its last keys. Sent on leaving the field, the whole text goes first: the focus
    leaves before the button is pressed.
    """
    if widget.has_trait("continuous_update"):
        widget.continuous_update = False
    return widget
