"""The A4 writer that letters and reports print through: read back with pypdf."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from desktop.documents import pdf
from desktop.views import theme

pypdf = pytest.importorskip("pypdf")

LONG = "<h1>Lang</h1>" + "".join(f"<p>Regel {i} van een lange tekst.</p>" for i in range(1, 121))


def _texts(path) -> list[str]:
    """Each page's text, words separated by one space (pypdf gives tabs or spaces)."""
    return ["\n".join(" ".join(line.split()) for line in page.extract_text().splitlines())
            for page in pypdf.PdfReader(str(path)).pages]


def test_each_text_starts_a_page_and_a_long_one_flows_over(tmp_path):
    out = tmp_path / "brieven.pdf"
    pages = pdf.write_pdf(out, ["<p>Brief aan Dorpsstraat 1</p>", "<p>Brief aan Dorpsstraat 3</p>", LONG],
                          title="Brieven", footer="Portaal · Soest")
    texts = _texts(out)
    assert pages == len(texts) >= 4                  # two letters, the long text on 2+ pages
    assert "Dorpsstraat 1" in texts[0] and "Dorpsstraat 3" not in texts[0]
    assert "Dorpsstraat 3" in texts[1]
    assert "Regel 1 " in texts[2] and "Regel 120 " in texts[-1]
    # every line of the long text printed once: nothing lost or doubled at a page break
    printed = [line for t in texts[2:] for line in t.splitlines() if line.startswith("Regel ")]
    assert [int(line.split()[1]) for line in printed] == list(range(1, 121))
    for number, text in enumerate(texts, 1):
        assert f"{number} / {pages}" in text and "Portaal · Soest" in text
    assert pypdf.PdfReader(str(out)).metadata.title == "Brieven"
    mediabox = pypdf.PdfReader(str(out)).pages[0].mediabox
    assert round(float(mediabox.width) / 72 * 25.4) == 210 and round(float(mediabox.height) / 72 * 25.4) == 297


def test_a_footer_function_gets_the_page_and_the_count(tmp_path):
    out = tmp_path / "r.pdf"
    pdf.write_pdf(out, ["<p>a</p>", "<p>b</p>"], footer=lambda p, n: f"Pagina {p} van {n} · 4-12-2026")
    assert [t.strip().splitlines()[-1] for t in _texts(out)] == [
        "Pagina 1 van 2 · 4-12-2026", "Pagina 2 van 2 · 4-12-2026"]


def test_an_image_by_name_is_printed(tmp_path):
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(theme.qcolor(theme.BAD))
    out = tmp_path / "i.pdf"
    pdf.write_pdf(out, ['<p>Grafiek</p><img src="chart" width="400">'], images={"chart": image})
    page = pypdf.PdfReader(str(out)).pages[0]
    assert len(page.images) == 1


def test_pictures_of_the_pages_match_the_pdf_layout():
    pictures = pdf.page_images(["<p>a</p>", LONG], footer="x", dpi=50)
    assert len(pictures) >= 3
    first = pictures[0]
    assert (first.width(), first.height()) == (round(210 / 25.4 * 50), round(297 / 25.4 * 50))
    assert first.pixelColor(2, 2) == theme.qcolor(theme.WHITE)       # a white margin
    assert len(pdf.page_images(["<p>a</p>", LONG], dpi=50, first=1)) == 1


def test_a_failed_write_leaves_no_file(tmp_path):
    out = tmp_path / "missing-folder" / "x.pdf"
    with pytest.raises(OSError):
        pdf.write_pdf(out, ["<p>a</p>"])
    assert not out.exists() and not out.with_name("x.pdf.part").exists()
