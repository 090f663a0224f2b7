"""Write configuration files: stamp a saved configuration's `id` and fingerprint, or write a new
file, always atomically.

A YAML file is rewritten by ruamel.yaml's round trip, which keeps comments, key order, quoting and
flow style; its indentation is read from the file. A JSON file is rewritten as `json.dumps` with
an indent of 2, keys in their order. Either way the file is replaced in one step (a temporary file
in the same folder, flushed to disk, then renamed over it), so a failure leaves the original as it
was. Stamping twice with the same values gives the same bytes.
"""

from __future__ import annotations

import io
import itertools
import json
import re
from pathlib import Path
from typing import Any

from csvlint.atomic import write_atomic
from csvlint.config.load import BOM, is_json_path
from csvlint.containment import write_target

_KEY_ONLY = re.compile(r"^( *)[^\s#-][^#]*:\s*(?:#.*)?$")
_ITEM = re.compile(r"^( *)-( +)\S")
_INDENT = re.compile(r"^( *)\S")
_DOCUMENT_START = re.compile(r"^---(?:[ \t]+#.*|[ \t]*)\n?$")
_FINGERPRINT = re.compile(r"^( *)fingerprint: (\S+)$", re.MULTILINE)
_QUOTED_FIELD = re.compile(r'^( *(?:- )?)([^\s:"\'#][^:"\'#]*: ".*")$')
#: yamllint's default line length, which the YAML csvlint writes keeps to
_LINE_LENGTH = 80


def stamp(path: Path, *, id: str | None, fingerprint: str) -> None:
    """Set the top-level `id` (right after `csvlint` when new; left as it is for None) and
    `saved.fingerprint` (at the end when new) of the configuration file at `path`, keeping
    everything else.

    Raises ValueError when the file does not hold a mapping, `LinkEscape` when a symbolic link
    leads out of the project, `ReadOnlyFile` when the file is read-only, and whatever reading or
    writing raises; the file is unchanged when anything fails.
    """
    target = write_target(path)
    raw = target.read_bytes().decode("utf-8")
    bom = BOM if raw.startswith(BOM) else ""
    text = raw.removeprefix(BOM)
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    if is_json_path(path):
        updated = _stamp_json(text, id, fingerprint)
    else:
        preamble, body = split_preamble(text)
        updated = preamble + _stamp_yaml(body, id, fingerprint)
    write_atomic(target, (bom + updated.replace("\n", newline)).encode("utf-8"))


def write_new(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write `text` (UTF-8) to `path` atomically.

    Raises FileExistsError when `path` exists, unless `overwrite`, and `LinkEscape` when a
    symbolic link leads out of the project.
    """
    write_atomic(write_target(path), text.encode("utf-8"), overwrite=overwrite)


def _stamp_json(text: str, id: str | None, fingerprint: str) -> str:
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("the configuration is not a JSON object")
    stamped: dict[str, Any] = {}
    if id is not None and "csvlint" not in data and "id" not in data:
        stamped["id"] = id
    for key, value in data.items():
        stamped[key] = id if key == "id" and id is not None else value
        if id is not None and key == "csvlint" and "id" not in data:
            stamped["id"] = id
    saved = stamped.get("saved")
    if isinstance(saved, dict):
        saved["fingerprint"] = fingerprint
    else:
        stamped["saved"] = {"fingerprint": fingerprint}
    return json.dumps(stamped, indent=2, ensure_ascii=False) + "\n"


def _stamp_yaml(text: str, id: str | None, fingerprint: str) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    # never fold a long line (a flow list of items) that the file has on one line
    yaml.width = 1 << 30
    # a file that keeps to yamllint's line length (as `config init` writes them) is kept to it
    short = all(len(line) <= _LINE_LENGTH for line in text.splitlines())
    mapping, sequence, offset = guess_indent(text)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    data = yaml.load(text)
    if not isinstance(data, CommentedMap):
        raise ValueError("the configuration is not a YAML mapping")
    if id is None:
        pass  # checked, not linked: only Pigment issues an ID
    elif "id" in data:
        data["id"] = _restyled(data["id"], id)
    else:
        keys = list(data)
        data.insert(keys.index("csvlint") + 1 if "csvlint" in keys else 0, "id", id)
    saved = data.get("saved")
    if isinstance(saved, CommentedMap):
        saved["fingerprint"] = _restyled(saved.get("fingerprint"), fingerprint)
    else:
        data["saved"] = CommentedMap([("fingerprint", fingerprint)])
    out = io.StringIO()
    yaml.dump(data, out)
    dumped = _FINGERPRINT.sub(_wrapped, out.getvalue())
    return _refolded(dumped) if short else dumped


def _refolded(text: str) -> str:
    """The text with each long double-quoted value folded over lines as `config init` folds
    it: the round trip keeps the quotes, not the line breaks."""
    from csvlint.config.draft import fold_field

    lines = []
    for line in text.splitlines():
        found = _QUOTED_FIELD.match(line)
        if found is None or len(line) <= _LINE_LENGTH:
            lines.append(line)
        else:
            lines += fold_field(found.group(1), found.group(2))
    return "\n".join(lines) + "\n"


def split_preamble(text: str) -> tuple[str, str]:
    """(everything up to and including the document start `---`, the rest), or ("", text)
    when the text has no `---` line before its content. What precedes the document (comments
    such as `# yaml-language-server: $schema=...`, directives, the `---` itself) is kept as it
    is: a YAML round trip would drop or move some of it."""
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or line.startswith("%"):
            continue
        if _DOCUMENT_START.match(line):
            return "".join(lines[: index + 1]), "".join(lines[index + 1 :])
        break
    return "", text


def _wrapped(found: re.Match[str]) -> str:
    # a SHA-256 does not fit a line of 80 beside its key (yamllint's line-length): the value
    # goes on the next line, which YAML reads as the same plain scalar
    line = found.group(0)
    if len(line) <= _LINE_LENGTH:
        return line
    return f"{found.group(1)}fingerprint:\n{found.group(1)}  {found.group(2)}"


def _restyled(old: object, new: str) -> str:
    """`new` in the quoting style of the value it replaces (ruamel's str subclasses carry it)."""
    return type(old)(new) if isinstance(old, str) and type(old) is not str else new


def guess_indent(text: str) -> tuple[int, int, int]:
    """The (mapping, sequence, offset) indentation of a YAML text, as ruamel.yaml's `indent`
    takes them: the first nested mapping and block sequence found say it; the layout that
    `csvlint config init` writes (2, 4, 2) fills in what the text does not show."""
    mapping: int | None = None
    sequence: int | None = None
    offset: int | None = None
    lines = [
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    for parent, child in itertools.pairwise(lines):
        key = _KEY_ONLY.match(parent)
        if key is None:
            continue
        parent_indent = len(key.group(1))
        item = _ITEM.match(child)
        if item is not None and sequence is None:
            offset = len(item.group(1)) - parent_indent
            sequence = offset + 1 + len(item.group(2))
        elif item is None and mapping is None:
            nested = _INDENT.match(child)
            if nested is not None and len(nested.group(1)) > parent_indent:
                mapping = len(nested.group(1)) - parent_indent
        if mapping is not None and sequence is not None:
            break
    if offset is None or offset < 0 or sequence is None:
        sequence, offset = 4, 2
    return mapping or 2, sequence, offset
