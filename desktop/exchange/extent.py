"""The extent of each worksheet of an xlsx file, read from the zip without building it.

python-calamine allocates a dense grid from the top-left to the bottom-right cell that
holds a value (``Range::from_sparse``) before Python sees a cell, and aborts the process
when that allocation fails: one value typed at XFD1048576 asks for 16,384 × 1,048,576
cells (512 GB).  The reader therefore measures each sheet first, streaming its XML in
chunks (bounded memory) and taking the largest cell reference, and refuses a sheet whose
grid would exceed the cell limit.  The ``<dimension>`` element is not trusted: calamine
ignores it, and Excel counts formatted empty cells in it.

A cell counts when calamine would keep it: cells without a value (``<c r="A9" s="1"/>``,
``<c r="A9"><v></v></c>``, a formula without a cached value) are skipped by calamine and
do not widen its grid, so stray formatting far below the data does not refuse a sheet.

Fast path: one regex pass collecting the references of the cells that are not
self-closing (an upper bound of the grid).  When some cell has no ``r`` attribute (its
place then follows from the cells before it) or the bound exceeds the limit, a token-by-
token pass repeats calamine's placement and looks at each cell's value.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

CHUNK = 4 * 1024 * 1024

_WS = bytes.maketrans(b"\t\n\r", b"   ")
# the column and the row of a reference on a cell that is not self-closing (a row's
# reference has digits only: no match); two passes of these cost less than one with two
# groups, whose 2-tuples must be taken apart again in Python
_REF_COLUMN = re.compile(rb' r="([A-Z]+)\d+"[^>]*(?<!/)>')
_REF_ROW = re.compile(rb' r="[A-Z]+(\d+)"[^>]*(?<!/)>')
_SELF_CLOSING = re.compile(rb'<c [^>]*/>')
_TAG = re.compile(rb'<(/?)(?:[\w.-]+:)?(\w+)([^>]*?)(/?)>')
_ATTR_R = re.compile(rb' r="([A-Z]*)(\d*)"')
_ATTR_T = re.compile(rb' t="(\w*)"')



def col_number(letters: bytes | str) -> int:
    if isinstance(letters, str):
        letters = letters.encode()
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def col_letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


@dataclass(frozen=True)
class Extent:
    """The grid calamine would allocate for a sheet: ``rows`` from row 1 (its row
    iterator also yields the empty rows above the data) × ``columns`` from the leftmost
    to the rightmost filled column; ``far`` names the cell that makes it large."""
    rows: int
    columns: int
    far: str

    @property
    def cells(self) -> int:
        return self.rows * self.columns


EMPTY = Extent(0, 0, "")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def sheet_parts(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """``(sheet name, zip member)`` of each worksheet, in workbook order (sheets whose
    part is missing are left out: calamine reports those itself).  Elements are matched
    by local name, so transitional and strict namespaces both work."""
    names = set(zf.namelist())
    book = ElementTree.fromstring(_read_small(zf, "xl/workbook.xml"))
    rels_path = "xl/_rels/workbook.xml.rels"
    targets: dict[str, str] = {}
    if rels_path in names:
        for rel in ElementTree.fromstring(_read_small(zf, rels_path)).iter():
            if _local(rel.tag) != "Relationship":
                continue
            target = rel.get("Target") or ""
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))
            targets[rel.get("Id") or ""] = target
    out = []
    for sheet in book.iter():
        if _local(sheet.tag) != "sheet":
            continue
        rid = next((v for k, v in sheet.attrib.items() if _local(k) == "id"), "")
        part = targets.get(rid)
        if part in names:
            out.append((sheet.get("name") or "", part))
    return out


def _read_small(zf: zipfile.ZipFile, member: str, limit: int = 16 * 1024 * 1024) -> bytes:
    with zf.open(member) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"{member} is larger than {limit} bytes")
    return data


def _chunks(zf: zipfile.ZipFile, member: str):
    """The member's text in pieces that each end just before a ``<`` (no tag is cut),
    tabs and line breaks turned into spaces."""
    rest = b""
    with zf.open(member) as fh:
        while True:
            block = fh.read(CHUNK)
            if not block:
                break
            buf = rest + block.translate(_WS)
            cut = buf.rfind(b"<")
            if cut < 0 or (cut == 0 and len(buf) > 4 * CHUNK):
                rest = b""         # text without a tag (or one absurd tag): cut anywhere
                yield buf
                continue
            if cut == 0:
                rest = buf
                continue
            rest = buf[cut:]
            yield buf[:cut]
    if rest:
        yield rest


def _unplaced_cells(chunk: bytes, refs: int) -> bool:
    """Whether some cell of the chunk may lack an ``r`` attribute, or be one the fast
    pass does not see (a prefixed ``<x:c>``): counted with substring counts (fast).
    Self-closing cells have no value and need no reference."""
    if b":c " in chunk or b":c>" in chunk:
        return True
    cells = chunk.count(b"<c ") + chunk.count(b"<c>")
    if cells <= refs:
        return False
    # a self-closing cell has no value: whether it has a reference does not matter
    return cells - len(_SELF_CLOSING.findall(chunk)) > refs


def sheet_extent(zf: zipfile.ZipFile, member: str, max_cells: int) -> Extent:
    """The sheet's grid as calamine would allocate it (see the module text)."""
    max_row = 0
    letters: set[bytes] = set()
    exact = False
    for chunk in _chunks(zf, member):
        cols = _REF_COLUMN.findall(chunk)
        if _unplaced_cells(chunk, len(cols)):
            exact = True
            break
        if cols:
            letters.update(cols)
            max_row = max(max_row, max(map(int, set(_REF_ROW.findall(chunk)))))
    if not exact:
        if not letters:
            return EMPTY
        numbers = sorted(col_number(c) for c in letters)
        bound = Extent(max_row, numbers[-1] - numbers[0] + 1, "")
        if bound.cells <= max_cells:
            return bound
    return _exact_extent(zf, member)


def _exact_extent(zf: zipfile.ZipFile, member: str) -> Extent:
    """Calamine's placement, cell by cell: a cell without ``r`` follows the cell before
    it, a row without ``r`` the row before it; only cells with a value count."""
    row = -1            # 0-based, as calamine counts
    col = -1
    cell: tuple[int, int] | None = None
    cell_type = b""
    in_v = False
    v_text = False
    has_value = False
    top = bottom = left = right = None
    far_row: tuple[int, int] | None = None
    far_col: tuple[int, int] | None = None
    for chunk in _chunks(zf, member):
        pos = 0
        for m in _TAG.finditer(chunk):
            if in_v and m.start() > pos:
                v_text = True
            pos = m.end()
            closing, name, attrs, selfclosing = m.groups()
            if name == b"row" and not closing:
                r = _ATTR_R.search(attrs)
                row = int(r[2]) - 1 if r and r[2] and not r[1] else row + 1
                col = -1
            elif name == b"c":
                if closing:
                    if cell is not None and has_value:
                        top = cell[0] if top is None else min(top, cell[0])
                        left = cell[1] if left is None else min(left, cell[1])
                        if bottom is None or cell[0] > bottom:
                            bottom, far_row = cell[0], cell
                        if right is None or cell[1] > right:
                            right, far_col = cell[1], cell
                    cell = None
                    continue
                r = _ATTR_R.search(attrs)
                if r and r[1] and r[2]:
                    row, col = int(r[2]) - 1, col_number(r[1]) - 1
                else:
                    col += 1
                if selfclosing:
                    cell = None
                    continue
                cell = (row, col)
                t = _ATTR_T.search(attrs)
                cell_type = t[1] if t else b""
                has_value = False
            elif cell is not None and name == b"v":
                if closing:
                    # an empty <v></v> is no value unless the type makes it text
                    if v_text or cell_type not in (b"", b"n"):
                        has_value = True
                    in_v = False
                elif selfclosing:
                    if cell_type not in (b"", b"n"):
                        has_value = True
                else:
                    in_v, v_text = True, False
            elif cell is not None and name == b"is" and not closing:
                has_value = True
        if in_v and len(chunk) > pos:
            v_text = True
    if bottom is None or right is None:
        return EMPTY
    rows = bottom + 1
    columns = right - left + 1
    far = far_row if rows >= columns else far_col
    return Extent(rows, columns, f"{col_letters(far[1] + 1)}{far[0] + 1}")

