"""The house rules: each room imports only what it may, and one rule lives in one place."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from exback_kit import content, stages

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "exback_kit"
#: A word catalogue may be long; a code module that passes this is two concepts.
MAX_LINES = 400
CATALOGUES = {"exback_kit/content/texts.py", "exback_kit/content/page_texts.py"}


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_the_import_contracts_hold():
    """import-linter checks the contracts in pyproject.toml (rooms and who imports what)."""
    tool = shutil.which("lint-imports")
    if tool is None:
        pytest.fail("import-linter is not installed: `pip install -e .[test]`")
    result = subprocess.run([tool], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout and " KEPT" in result.stdout


SQL = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|PRAGMA|CREATE TABLE)\b")


def test_sql_lives_only_in_the_store():
    found = [f"{rel(p)}:{n}" for p in modules() if "exback_kit/store/" not in rel(p)
             for n, line in enumerate(p.read_text().splitlines(), start=1)
             if SQL.search(line) or "execute_read(" in line]
    assert found == []


def test_no_code_module_is_two_concepts():
    long = {rel(p): n for p in modules()
            if (n := len(p.read_text().splitlines())) > MAX_LINES and rel(p) not in CATALOGUES}
    assert long == {}


#: Modules within 20 lines of MAX_LINES, each with the reason it is still one concept.
NEAR_THE_LIMIT: dict[str, str] = {
    "exback_kit/store/journal.py": "the one owner of the connection: every method is a short "
                                   "public door that hands the connection down",
    "exback_kit/store/migrations.py": "the schema's history, one step per version, read in "
                                      "order as one ledger",
    "exback_kit/store/validate.py": "one rule per kind of value a field holds (int, float, "
                                    "bool, text, choice, list, date, moment, json), each "
                                    "message naming the field",
    "exback_kit/content/loader.py": "one walk of the TOML content into the typed Content, "
                                    "every problem named by file, step and question",
}


def test_no_module_sits_at_the_limit_without_a_reason():
    """A module near the limit is a signal to look again: it stays only with a reason."""
    near = {rel(p) for p in modules() if rel(p) not in CATALOGUES
            and MAX_LINES - 20 <= len(p.read_text().splitlines()) <= MAX_LINES}
    assert near - set(NEAR_THE_LIMIT) == set()
    assert set(NEAR_THE_LIMIT) - near == set(), "a reason for a module no longer near the limit"


PRIVATE_IMPORT = re.compile(r"from exback_kit[\w.]* import [^#\n]*\b(_[a-z]\w*)")
PRIVATE_REACH = re.compile(r"\b(?!self\b|cls\b)([a-z_][a-z0-9_]*)\.(_[a-z]\w*)")


def test_no_private_name_crosses_a_file():
    """``_name`` is a file's own: no other module imports it or reaches into it."""
    found = []
    for p in modules():
        text = p.read_text()
        for n, line in enumerate(text.splitlines(), start=1):
            code = line.split("#")[0]
            if PRIVATE_IMPORT.search(code):
                found.append(f"{rel(p)}:{n}")
            for _, name in PRIVATE_REACH.findall(code):
                defined_here = re.search(rf"(def |self\.){name}\b|^{name}\s*[:=]", text, re.M)
                if not defined_here and not name.startswith("__"):
                    found.append(f"{rel(p)}:{n}: {name}")
    assert found == []


def test_colours_come_from_the_one_palette():
    hex_colour = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?![0-9a-fA-F])")
    found = [f"{rel(p)}:{n}" for p in modules() if rel(p) != "exback_kit/colours.py"
             for n, line in enumerate(p.read_text().splitlines(), start=1)
             if hex_colour.search(line.split("#:")[0].split("  # ")[0])]
    assert found == []


@pytest.mark.parametrize("literal", ['"EXBACK_JOURNAL"', '"EXBACK_HOME"', '"-wal"',
                                     '"journal.sqlite3"', "= 72", "= 18\n"])
def test_a_rule_is_written_once(literal):
    """Names and numbers the kit shares are defined in one module and imported elsewhere."""
    where = [rel(p) for p in modules() if literal in p.read_text()]
    assert len(where) == 1, where


def test_every_stage_of_stages_toml_has_a_layout_and_no_other():
    assert list(stages.LAYOUTS) == list(content.load().stage_ids)


def test_the_gated_stages_come_from_stages_toml():
    gated = content.load().gated_stages
    assert gated and all(content.load().stage(s).gated for s in gated)
    copies = [rel(p) for p in modules() for s in gated
              if re.search(rf'GATED\w* = \(?\s*"{s}"', p.read_text())]
    assert copies == []


def test_domain_gets_its_content_from_the_caller():
    """Domain rules take the kit's content (or the pieces they need) as an argument: none
    reads data/ itself, at import or in a function."""
    found = [f"{rel(p)}:{n}" for p in sorted((PACKAGE / "domain").glob("*.py"))
             for n, line in enumerate(p.read_text().splitlines(), start=1)
             if re.search(r"\b(load|load_from)\(", line) or "import content\n" in line + "\n"]
    assert found == []


#: Spellings of the week and of the "about the same" threshold that domain/trends.py owns.
TREND_COPIES = re.compile(r'"7D"|>= ?0\.5\b|iloc\[-2 \* ?\d|days=7\b|SAME_(MOOD|MIND)\b')


def test_the_week_and_the_same_threshold_live_in_domain_trends():
    found = [f"{rel(p)}:{n}" for p in modules() if rel(p) != "exback_kit/domain/trends.py"
             for n, line in enumerate(p.read_text().splitlines(), start=1)
             if TREND_COPIES.search(line)]
    assert found == []


def _reads_texts(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
               and n.value.id == "texts" for n in ast.walk(node))


def test_words_are_read_when_shown_not_at_import():
    """``texts.NAME`` follows the language in force, so no module keeps a copy made at import
    (a module-level name or a default argument would stay in the first language)."""
    found = []
    for p in modules():
        if rel(p) in CATALOGUES:
            continue
        tree = ast.parse(p.read_text())
        for node in tree.body:
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None \
                    and _reads_texts(node.value):
                found.append(f"{rel(p)}:{node.lineno}")
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                defaults = [*node.args.defaults, *(d for d in node.args.kw_defaults if d)]
                found += [f"{rel(p)}:{d.lineno}" for d in defaults if _reads_texts(d)]
            if isinstance(node, ast.ClassDef):
                found += [f"{rel(p)}:{n.lineno}" for n in node.body
                          if isinstance(n, ast.Assign | ast.AnnAssign) and n.value is not None
                          and _reads_texts(n.value)]
    assert found == []


#: Modules whose function-local imports of the kit need no comment each, and why.
LATE_IMPORTS_ALLOWED = {
    "exback_kit/cli/registry.py": "each COMMANDS entry imports its cli/ module only when used",
}
LATE_IMPORT_REASON = "# late import:"


def late_imports(source: str) -> list[tuple[int, str]]:
    """Return (line, import) for each import of the kit inside a function of ``source``
    whose function has no ``# late import:`` comment above it (from its ``def`` on)."""
    lines = source.splitlines()
    found = []

    def visit(node: ast.AST, function: ast.FunctionDef | ast.AsyncFunctionDef | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom) and function is not None:
                names = [child.module or ""] if isinstance(child, ast.ImportFrom) else [
                    alias.name for alias in child.names]
                above = lines[function.lineno - 1:child.lineno - 1]
                explained = any(LATE_IMPORT_REASON in line for line in above)
                if any(n.startswith("exback_kit") for n in names) and not explained:
                    found.append((child.lineno, ast.unparse(child)))
            visit(child, child if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
                  else function)

    visit(ast.parse(source), None)
    return found


def test_a_function_imports_the_kit_late_only_with_a_reason():
    """A module imports the kit at its top. An import inside a function stays only to keep
    start-up light (``exback checkin`` loads no pandas, matplotlib or sync machinery;
    a report loads matplotlib when it is made), never to dodge a circle. The rule, one
    and checkable: the function says why in a ``# late import: <reason>`` comment
    between its ``def`` and the import, or its module is in LATE_IMPORTS_ALLOWED."""
    found = [f"{rel(p)}:{n}: {text}" for p in modules() if rel(p) not in LATE_IMPORTS_ALLOWED
             for n, text in late_imports(p.read_text())]
    assert found == []


def test_an_unexplained_late_import_is_found():
    explained = "def f():\n    # late import: light start-up\n    from exback_kit import charts\n"
    bare = "def f():\n    x = 1\n    from exback_kit.domain import gate\n    import os\n"
    assert late_imports(explained) == []
    assert late_imports(bare) == [(3, "from exback_kit.domain import gate")]
    assert late_imports("from exback_kit import charts\n") == []
