"""The tenant letters read back from the PDF with pypdf (issue 22.1): one letter per let
dwelling, each on its own pages with its own figures (the affordability model's), the
reply slip on its last page, no English in the Dutch letter; the ``letters`` command's
exit codes."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from desktop.__main__ import main
from desktop.models import affordability, letter_templates as T, letters as L, support
from desktop.sample import build_sample, create_sample_workspace

pypdf = pytest.importorskip("pypdf")

TODAY = dt.date(2026, 3, 1)
PROJECT = "P-26-001"          # 120 dwellings, 4 vacant; 85 of 116 agreed


@pytest.fixture(scope="module")
def ds():
    return build_sample()[0]


@pytest.fixture(scope="module")
def offers(qapp, ds, tmp_path_factory):
    from desktop.documents.letters import write_letters_pdf

    batch = L.letters(ds, PROJECT, today=TODAY)
    out = {}
    for lang in ("nl", "en"):
        path = tmp_path_factory.mktemp("letters") / f"letters-{lang}.pdf"
        pages = write_letters_pdf(batch, path, lang=lang, templates=ds)
        out[lang] = (path, pages)
    return batch, out


def _texts(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(path)).pages]


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}


def _nl_money(cents: int) -> str:
    return L.money(cents, "nl").replace("\u00a0", " ")


def test_one_letter_per_let_dwelling_each_from_a_new_page(offers, ds):
    batch, out = offers
    path, pages = out["nl"]
    texts = _texts(path)
    t = support.project_tally(ds, PROJECT)
    assert len(batch) == t.tenants == 116
    assert len(texts) == pages == t.tenants        # the reply slip fits below the letter
    for i, dwelling in enumerate(batch.dwellings["dwelling"]):
        page = texts[i]
        assert page.startswith("Portaal 1 maart 2026")    # a letter starts its own page
        assert page.endswith(f"project {PROJECT} · woning {dwelling} 1 / 1")
        letter, slip = page.split("hier afknippen")
        assert "Met vriendelijke groet, Portaal" in letter and "Antwoordstrook" not in letter
        assert slip.strip(" -").startswith("Antwoordstrook") and f"Woning {dwelling}" in slip
        assert "Ja, ik ga akkoord" in slip and "Nee, ik ga niet akkoord" in slip
        assert "Handtekening:" in slip
    reader = pypdf.PdfReader(str(path))
    box = reader.pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 210 and round(float(box.height) / 72 * 25.4) == 297
    assert reader.metadata.title == f"Bewonersbrieven project {PROJECT}"


def test_vacant_dwellings_get_no_letter(offers, ds):
    batch, out = offers
    text = " ".join(_texts(out["nl"][0]))
    d = ds.dwellings[ds.dwellings["complex"] == batch.complex]
    vacant = d.loc[~d["let"].fillna(True).astype(bool), "dwelling"].tolist()
    assert len(vacant) == 4
    for dwelling in vacant:
        assert dwelling not in text
    for dwelling in batch.dwellings["dwelling"]:
        assert dwelling in text


def test_each_letter_shows_its_dwellings_figures_from_the_affordability_model(offers, ds):
    batch, out = offers
    texts = _texts(out["nl"][0])
    frame, _ = affordability.project_table(ds)
    a = frame[frame["project"] == PROJECT].iloc[0]
    rents = ds.dwellings.set_index("dwelling")["rent_cents"]
    for i, dwelling in enumerate(batch.dwellings["dwelling"]):
        letter, slip = texts[i].split("hier afknippen")
        rent = int(rents[dwelling])
        before = rent + int(a["energy_cost_before_cents"])
        after = rent + int(a["rent_increase_cents"]) + int(a["energy_cost_after_cents"])
        assert f"Uw woning {dwelling}" in letter
        assert f"Kale huur per maand nu {_nl_money(rent)}" in letter
        assert f"Huurverhoging per maand {_nl_money(int(a['rent_increase_cents']))}" in letter
        assert f"besparing op energie per maand {_nl_money(int(a['energy_saving_cents']))}" in letter
        assert f"Woonlasten per maand nu (huur en energie) {_nl_money(before)}" in letter
        assert f"Woonlasten per maand na de renovatie {_nl_money(after)}" in letter
        assert f"energietarieven van {int(a['tariff_source_year'])}" in letter
        assert "uiterlijk 15 maart 2026" in letter
        address = ds.dwellings.set_index("dwelling").at[dwelling, "address"]
        assert address in letter and address in slip


def test_the_dutch_letter_holds_no_english_and_the_english_no_dutch(offers, ds):
    batch, out = offers
    data_nl = set().union(*(_words(" ".join(L.values(batch, i, "nl").values())) for i in range(len(batch))))
    data_en = set().union(*(_words(" ".join(L.values(batch, i, "en").values())) for i in range(len(batch))))

    def template_words(lang):
        return set().union(*(_words(re.sub(r"\{\w+\}", " ", T.DEFAULTS[(k, lang)]))
                             for k in ("offer", "reply")))

    english_only = template_words("en") - template_words("nl") - data_nl
    dutch_only = template_words("nl") - template_words("en") - data_en
    assert {"the", "tenants", "rent", "reply", "agree", "home", "please"} <= english_only
    nl_text = _words(" ".join(_texts(out["nl"][0])))
    en_text = _words(" ".join(_texts(out["en"][0])))
    assert not nl_text & english_only, sorted(nl_text & english_only)
    assert not en_text & dutch_only, sorted(en_text & dutch_only)
    assert "€0.00" in _texts(out["en"][0])[0] and "1 March 2026" in _texts(out["en"][0])[0]


def test_the_notification_has_the_deadline_and_no_reply_slip(qapp, ds, tmp_path):
    from desktop.documents.letters import write_letters_pdf

    batch = L.letters(ds, PROJECT, "notification", today=TODAY)
    path = tmp_path / "notification.pdf"
    pages = write_letters_pdf(batch, path, lang="nl", templates=ds)
    texts = _texts(path)
    assert pages == len(texts) == len(batch) == 116
    for i, dwelling in enumerate(batch.dwellings["dwelling"]):
        assert f"woning {dwelling} 1 / 1" in texts[i]
        assert "binnen 8 weken na deze schriftelijke kennisgeving" in texts[i]
        assert "loopt tot en met 26 april 2026" in texts[i]
        assert "Van alle 116 huurders hebben er 85 ingestemd, dat is 73,3 %" in texts[i]
        assert "Antwoordstrook" not in texts[i]


def test_a_user_template_is_used_and_a_long_letter_has_the_slip_on_its_last_page(qapp, ds, tmp_path):
    import dataclasses

    import pandas as pd

    from desktop.documents.letters import write_letters_pdf

    long_offer = "{tenant}\n{address}\n\n" + "\n\n".join(
        f"Alinea {n} over de renovatie van {{complex_name}}, met {{measures}}." for n in range(40))
    own = pd.DataFrame({"kind": ["reply", "offer"], "language": ["nl", "nl"], "row_version": [1, 1],
                        "text": ["# Strookje\n\nWoning | {dwelling}\n\n[ ] Ja   [ ] Nee", long_offer]})
    mine = dataclasses.replace(ds, letter_templates=own)
    batch = L.letters(mine, PROJECT, today=TODAY)
    path = tmp_path / "own.pdf"
    pages = write_letters_pdf(batch, path, lang="nl", templates=mine)
    texts = _texts(path)
    assert pages == len(texts) == 2 * len(batch)
    for i, dwelling in enumerate(batch.dwellings["dwelling"]):
        assert texts[2 * i].startswith("De bewoner") and "Alinea 39" not in texts[2 * i]
        assert "Strookje" not in texts[2 * i] and f"woning {dwelling} 1 / 2" in texts[2 * i]
        assert "Alinea 39" in texts[2 * i + 1]
        assert f"Strookje Woning {dwelling} ☐ Ja ☐ Nee" in texts[2 * i + 1]
        assert texts[2 * i + 1].endswith(f"woning {dwelling} 2 / 2")


def test_write_documents_takes_the_fallback_only_when_it_is_no_longer(qapp, tmp_path):
    from desktop.documents import pdf

    long = "".join(f"<p>regel {n}</p>" for n in range(80))
    short = "<p>kort</p>"
    n_long = pdf.write_documents(tmp_path / "long.pdf", [(long, "x")])
    assert n_long > 1
    pages = pdf.write_documents(tmp_path / "a.pdf", [(long, "a", short), (short, "b", long),
                                                     (long, "c", long + long)])
    texts = _texts(tmp_path / "a.pdf")
    assert pages == 1 + 1 + n_long == len(texts)
    assert texts[0].startswith("kort") and texts[1].startswith("kort")
    assert texts[2].startswith("regel 0") and "regel 79" in texts[-1] and texts[-1].count("regel 0") == 0


def test_cancelling_leaves_no_file(qapp, ds, tmp_path):
    from desktop.documents.letters import write_letters_pdf
    from desktop.exchange.progress import Cancelled

    batch = L.letters(ds, PROJECT, today=TODAY)
    seen = []

    def progress(fraction):
        seen.append(fraction)
        return fraction < 0.3

    with pytest.raises(Cancelled):
        write_letters_pdf(batch, tmp_path / "x.pdf", lang="nl", progress=progress)
    assert not list(tmp_path.iterdir())
    assert seen[0] == 0.0 and 0.3 <= seen[-1] < 1.0


# ----------------------------------------------------------------------------- command
@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    path = tmp_path_factory.mktemp("ws") / "soest.rpw"
    create_sample_workspace(path).close()
    return path


def test_command_writes_the_letters(qapp, workspace, tmp_path, capsys):
    out = tmp_path / "brieven.pdf"
    code = main(["letters", "--workspace", str(workspace), "--project", PROJECT, "--out", str(out),
                 "--date", "2026-03-01"])
    assert code == 0, capsys.readouterr().err
    assert f"{out} (116 brieven, 116 pagina's)" in capsys.readouterr().out
    texts = _texts(out)
    assert len(texts) == 116 and texts[0].startswith("Portaal 1 maart 2026")
    code = main(["letters", "--workspace", str(workspace), "--project", PROJECT, "--out", str(out),
                 "--kind", "notification", "--lang", "en", "--date", "2026-03-01"])
    assert code == 0
    assert "That period ends on 26 April 2026" in _texts(out)[0]


@pytest.mark.parametrize("args, code, message", [
    (["--project", "X-1"], 1, "Onbekend project 'X-1'"),
    (["--project", "A-25-001", "--kind", "notification"], 1, "nog geen 70 % van alle huurders"),
    (["--project", "P-24-003", "--lang", "en"], 1, "since 1 January 2023"),
    (["--project", PROJECT, "--out", "brieven.docx"], 2, "must end in .pdf"),
])
def test_command_exit_codes(qapp, workspace, tmp_path, capsys, args, code, message):
    args = [a if a != "brieven.docx" else str(tmp_path / a) for a in args]
    assert main(["letters", "--workspace", str(workspace), *args]) == code
    err = capsys.readouterr().err
    assert err.startswith("letters: ") and message in err and "Traceback" not in err
    assert not list(tmp_path.glob("*.pdf"))


def test_command_cannot_run_without_a_readable_workspace(tmp_path, capsys):
    assert main(["letters", "--workspace", str(tmp_path / "none.rpw"), "--project", PROJECT]) == 2
    assert "workspace not found" in capsys.readouterr().err
    junk = tmp_path / "junk.rpw"
    junk.write_text("not a database")
    assert main(["letters", "--workspace", str(junk), "--project", PROJECT,
                 "--out", str(tmp_path / "x.pdf")]) == 2
    assert capsys.readouterr().err.strip()
    assert not (tmp_path / "x.pdf").exists()


def test_command_refuses_a_stored_text_with_an_unknown_placeholder(qapp, tmp_path, capsys):
    from desktop.store.commands import Upsert

    ws = create_sample_workspace(tmp_path / "ws.rpw")
    ws.apply(Upsert("letter_templates", {"kind": "offer", "language": "nl"}, {"text": "Beste {huurdernaam}"}))
    ws.close()
    assert main(["letters", "--workspace", str(tmp_path / "ws.rpw"), "--project", PROJECT,
                 "--out", str(tmp_path / "x.pdf")]) == 1
    assert "Onbekende plaatshouder in de aanbiedingsbrief (nl): {huurdernaam}" in capsys.readouterr().err
