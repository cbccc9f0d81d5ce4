"""Every exhibit the RFP names is a document of the bundle, lettered the same way everywhere."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from genkit.checks.validate import load_profile
from genkit.load.profiles import LoadedProfile
from genkit.paths import SearchPath, search_dirs
from genkit.plan.catalog import discover
from genkit.plan.jobs import attachment_letters
from tests.test_rfp import html_rows

REPO = Path(__file__).resolve().parent.parent


def letters(loaded: LoadedProfile) -> dict[str, str]:
    dirs = search_dirs(loaded.templates_dir, SearchPath.from_cwd(REPO).template_dirs())
    return {k: v["letter"] for k, v in attachment_letters(loaded, discover(dirs)).items()}


def test_the_workload_annex_is_attached_only_when_a_call_analysis_is_stored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loaded = load_profile("durham", SearchPath.from_cwd(REPO))
    monkeypatch.setattr(LoadedProfile, "calls_analysis", property(lambda self: None))
    without = letters(loaded)
    assert "analysis/workload-annex" not in without
    assert without["dispatch/decision-tree"] == "A"
    monkeypatch.setattr(LoadedProfile, "calls_analysis", property(lambda self: object()))
    with_annex = letters(loaded)
    assert with_annex["analysis/workload-annex"] == "D"
    assert with_annex["rfp/price-proposal"] == "E"  # the letters after it move up one
    assert list(with_annex.values()) == sorted(with_annex.values())


def test_every_attachment_the_rfp_lists_is_in_the_bundle_index_and_zip(built) -> None:
    bundle = built("durham")
    rows = [
        r
        for r in html_rows(bundle / "rfp" / "rfp.html")
        if len(r) == 3 and re.fullmatch(r"[A-Z]", r[0])
    ]
    assert [r[0] for r in rows] == list("ABCDEFG")[: len(rows)] and len(rows) >= 6
    index = (bundle / "index.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(bundle / "durham-bundle.zip") as archive:
        names = set(archive.namelist())
    for letter, title, files in rows:
        stem, _, formats = files.partition(" (")
        for ext in formats.rstrip(")").split(", "):
            assert (bundle / f"{stem}{ext}").is_file(), f"{letter}: {stem}{ext}"
            assert any(n.endswith(f"{stem}{ext}") for n in names), f"zip lacks {stem}{ext}"
        assert f"RFP attachment {letter}: " in index and title.split(" ")[0] in index
        base = stem.rsplit("/", 1)[-1]
        assert any(
            n.endswith(f"/rfp-packet/{letter}-{base}.pdf")
            or n.endswith(f"/rfp-packet/{letter}-{base}.xlsx")
            for n in names
        ), letter
    rfp = (bundle / "rfp" / "rfp.html").read_text(encoding="utf-8")
    assert (
        "decision tree (Attachment A)" in re.sub(r"<[^>]+>|-", " ", rfp).replace("  ", " ")
        or "(Attachment A)" in rfp
    )
    assert "business associate exhibit (Attachment C)" in rfp
