"""The price proposal form: a real spreadsheet whose totals are formulas, and its PDF/web view."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from genkit.checks.validate import load_profile
from genkit.packet.price_form import price_form
from genkit.paths import SearchPath
from genkit.render.formats.xlsx_price import price_workbook
from tests.helpers import html_text, squash

REPO = Path(__file__).resolve().parent.parent
SAMPLES = ["durham", "harris-county", "long-beach", "philadelphia", "phoenix"]


def workbook(name: str) -> tuple[bytes, object]:
    profile = load_profile(name, SearchPath.from_cwd(REPO)).profile
    form = price_form(profile)
    assert form is not None
    return price_workbook(form, profile.as_of, "Price proposal form"), form


def rows_by_label(sheet) -> dict[str, int]:
    return {row[0].value: row[0].row for row in sheet.iter_rows() if row[0].value}


@pytest.mark.parametrize("name", SAMPLES)
def test_the_workbook_lists_every_year_and_position_and_totals_by_formula(name: str) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    data, form = workbook(name)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    labels = rows_by_label(sheet)
    for title in form.positions:
        assert title in labels, title
    first = labels[form.positions[0]]
    years = [c.value for c in sheet[first - 2] if c.value]
    assert years == [y.label for y in form.years]
    fields = [c.value for c in sheet[first - 1] if c.value]
    assert fields.count("Cost ($)") == len(form.years) and fields[0] == "Item"
    total = sheet.cell(labels["Total price for the initial term"], 2).value
    assert str(total).startswith("=SUM(")
    assert (
        sheet.cell(labels[next(k for k in labels if str(k).startswith("Budget ceiling"))], 2).value
        == form.ceiling
    )
    assert sheet.protection.sheet  # formulas cannot be typed over by accident


def test_the_workbook_bytes_do_not_depend_on_the_clock() -> None:
    first, _ = workbook("durham")
    second, _ = workbook("durham")
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        core = archive.read("docProps/core.xml").decode()
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert "2025-04-26T00:00:00Z" in core  # durham's as_of, not today


def test_a_profile_value_is_never_written_as_a_formula(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    profile = load_profile("durham", SearchPath.from_cwd(REPO)).profile
    form = price_form(profile)
    form.positions[0] = '=HYPERLINK("http://example.invalid","x")'
    sheet = openpyxl.load_workbook(io.BytesIO(price_workbook(form, profile.as_of, "t"))).active
    cell = sheet.cell(rows_by_label(sheet)[form.positions[0]], 1)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def _fill(path: Path, out: Path) -> float:
    """Fill every yellow cell of a sample form; return the total the formulas must give."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(path)
    sheet = book.active
    labels = rows_by_label(sheet)
    first_position = next(row[0].row for row in sheet.iter_rows() if row[0].value == "Item") + 1
    years = sum(1 for c in sheet[first_position - 1] if c.value == "Cost ($)")
    expected = 0.0
    rate_row = labels["Indirect rate (% of total direct costs)"]
    for y in range(years):
        c = 2 + 4 * y  # FTE column of year y (1-based)
        direct = 0.0
        for r in range(first_position, labels["Personnel subtotal"]):
            fte, pay, benefits = 1 + (r % 3), 50000 + 1000 * r + 500 * y, 0.25
            for col, value in ((c, fte), (c + 1, pay), (c + 2, benefits)):
                sheet.cell(r, col, value)
            direct += fte * pay * (1 + benefits)
        for label, row in labels.items():
            cost = sheet.cell(row, c + 3)
            if cost.protection.locked or label.endswith("subtotal") or row <= first_position:
                continue
            if row == rate_row or label.endswith(" priced"):  # rates, not costs
                continue
            if row < labels["Personnel subtotal"]:
                continue
            cost.value = 1000 + row
            direct += 1000 + row
        sheet.cell(rate_row, c + 3, 0.1)
        expected += direct * 1.1
    book.save(out)
    return expected


def _soffice(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", *args],
        capture_output=True,
        text=True,
        timeout=180,
    )


def _needs_calc(tmp_path: Path) -> None:
    """Writer-only LibreOffice installs cannot open a spreadsheet at all: say so, not fail."""
    probe = tmp_path / "probe.csv"
    probe.write_text("1,2\n", encoding="utf-8")
    _soffice(tmp_path, "--convert-to", "xlsx", "--outdir", str(tmp_path), str(probe))
    if not (tmp_path / "probe.xlsx").is_file():
        pytest.skip("LibreOffice Calc is not installed (Debian: libreoffice-calc-nogui)")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("name", ["durham", "phoenix"])
def test_libreoffice_recalculates_the_totals_and_the_ceiling_check(
    name: str, tmp_path: Path
) -> None:
    _needs_calc(tmp_path)
    data, form = workbook(name)
    source = tmp_path / "form.xlsx"
    source.write_bytes(data)
    expected = _fill(source, tmp_path / "filled.xlsx")
    result = _soffice(
        tmp_path, "--convert-to", "csv", "--outdir", str(tmp_path), str(tmp_path / "filled.xlsx")
    )
    assert result.returncode == 0 and (tmp_path / "filled.csv").is_file(), result.stderr
    rows = {r[0]: r for r in csv.reader((tmp_path / "filled.csv").open(encoding="utf-8")) if r}
    total = float(rows["Total price for the initial term"][1])
    assert total == pytest.approx(expected, rel=1e-9)
    within = "Yes" if (not form.ceiling_per_year and expected <= form.ceiling) else None
    if within:
        assert rows["Check: Within the ceiling"][1] == "Yes"


@pytest.mark.parametrize("name", ["phoenix"])
def test_the_bundle_holds_the_form_and_its_view_shows_the_same_rows(built, name: str) -> None:
    folder = built(name, "rfp") / "rfp"
    assert (folder / "price-proposal.xlsx").is_file()
    _, form = workbook(name)
    text = squash(html_text(folder / "price-proposal.html"))
    for title in form.positions:
        assert title in text
    for year in form.years:
        assert year.label in text


def test_a_unit_rate_contract_derives_its_rate_per_unit() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    data, form = workbook("harris-county")  # paid per staffed team-hour
    assert form.unit == "staffed team-hour"
    labels = rows_by_label(openpyxl.load_workbook(io.BytesIO(data)).active)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    rate = labels["Rate per staffed team-hour"]
    assert labels["Staffed team-hours priced"] == rate - 1
    assert sheet.cell(rate, 5).value == f"=IF(E{rate - 1}>0,E{labels['Total price']}/E{rate - 1},0)"
    assert workbook("durham")[1].unit is None  # cost reimbursement: no rate row
