"""The price proposal form as an Excel workbook (XlsxWriter), opened in Excel or LibreOffice.

Proposers type into the yellow cells only (the sheet is protected without a password, so the
formulas are not overwritten by accident but can be unlocked); every total is a formula, so the
workbook stays right whatever the proposer changes. Profile text is written with
``write_string``, never as a formula, so a position title starting with ``=`` cannot run.

Bytes are fixed for fixed input: the document properties take the profile's ``as_of`` date
(XlsxWriter would otherwise stamp the current time) and the zip is rewritten with pinned member
dates and order (``zipnorm``).
"""

from __future__ import annotations

import datetime as dt
import io

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from genkit.packet.price_form import PriceForm
from genkit.render.formats.zipnorm import normalize_docx

FIELDS = ("FTE", "Salary per FTE ($)", "Benefits (% of salary)", "Cost ($)")
WIDTHS = (8, 14, 12, 14)


def _cell(row: int, col: int, absolute: bool = False) -> str:
    return xl_rowcol_to_cell(row, col, row_abs=absolute, col_abs=absolute)


class _Sheet:
    """Writes the form top to bottom, remembering where each subtotal landed."""

    def __init__(self, book: xlsxwriter.Workbook, form: PriceForm) -> None:
        self.form = form
        self.ws = book.add_worksheet("Price proposal")
        self.row = 0
        base = {"font_name": "Arial", "font_size": 10, "valign": "top"}
        self.f = {
            "title": book.add_format({**base, "bold": True, "font_size": 14}),
            "head": book.add_format(
                {**base, "bold": True, "bg_color": "#D9E2F3", "text_wrap": True, "border": 1}
            ),
            "section": book.add_format({**base, "bold": True, "font_size": 11}),
            "text": book.add_format({**base, "text_wrap": True}),
            "label": book.add_format({**base, "border": 1}),
            "total_label": book.add_format({**base, "border": 1, "bold": True}),
            "input": book.add_format({**base, "border": 1, "bg_color": "#FFF2CC", "locked": False}),
            "input_money": book.add_format(
                {
                    **base,
                    "border": 1,
                    "bg_color": "#FFF2CC",
                    "num_format": "$#,##0",
                    "locked": False,
                }
            ),
            "input_pct": book.add_format(
                {**base, "border": 1, "bg_color": "#FFF2CC", "num_format": "0.0%", "locked": False}
            ),
            "input_num": book.add_format(
                {**base, "border": 1, "bg_color": "#FFF2CC", "num_format": "0.00", "locked": False}
            ),
            "money": book.add_format({**base, "border": 1, "num_format": "$#,##0"}),
            "total": book.add_format({**base, "border": 1, "bold": True, "num_format": "$#,##0"}),
            "pct": book.add_format({**base, "border": 1, "num_format": "0.0%"}),
            "grey": book.add_format({**base, "border": 1, "bg_color": "#EDEDED"}),
            "check": book.add_format({**base, "border": 1, "bold": True}),
        }

    def cost_col(self, year_index: int) -> int:
        return 4 + 4 * year_index

    def write(self) -> None:
        ws, form, f = self.ws, self.form, self.f
        ws.set_column(0, 0, 60)
        for y in range(len(form.years)):
            for k, width in enumerate(WIDTHS):
                ws.set_column(1 + 4 * y + k, 1 + 4 * y + k, width)
        ws.write_string(0, 0, f"Price proposal form: {form.rfp_number}", f["title"])
        ws.write_string(1, 0, form.title, f["text"])
        ws.write_string(2, 0, "Proposer (legal name)", f["label"])
        ws.merge_range(2, 1, 2, 4, "", f["input"])
        ws.write_string(
            3,
            0,
            "Fill in the yellow cells only; every total is calculated. "
            "Enter benefits and the indirect rate as percentages.",
            f["text"],
        )
        self.row = 5
        personnel = self._personnel()
        startup = (
            self._lines("2. Start-up costs (year 1 only)", "Start-up", form.startup)
            if form.startup
            else None
        )
        number = 3 if form.startup else 2
        other = self._lines(f"{number}. Other direct costs", "Other direct", form.other)
        self._totals(personnel, startup, other, number + 1)
        ws.protect("", {"format_columns": True, "format_rows": True})
        ws.set_landscape()
        ws.fit_to_pages(1, 0)

    def _header(self, title: str, fields: tuple[str, ...]) -> None:
        """A section title, a row of year labels (each over its four columns), a row of fields."""
        ws, f = self.ws, self.f
        ws.write_string(self.row, 0, title, f["section"])
        self.row += 1
        ws.write_blank(self.row, 0, None, f["head"])
        for y, year in enumerate(self.form.years):
            ws.merge_range(self.row, 1 + 4 * y, self.row, 4 + 4 * y, year.label, f["head"])
        self.row += 1
        ws.write_string(self.row, 0, "Item", f["head"])
        for y in range(len(self.form.years)):
            for k, name in enumerate(fields):
                if name:
                    ws.write_string(self.row, 1 + 4 * y + k, name, f["head"])
                else:
                    ws.write_blank(self.row, 1 + 4 * y + k, None, f["head"])
        ws.set_row(self.row, 28)
        self.row += 1

    def _personnel(self) -> int:
        """Position rows; returns the row of the personnel subtotal."""
        ws, f, form = self.ws, self.f, self.form
        self._header("1. Personnel", FIELDS)
        first = self.row
        rows = [(title, False) for title in form.positions]
        rows += [("", True)] * form.blank_positions
        for title, blank in rows:
            if blank:
                ws.write_blank(self.row, 0, None, f["input"])
            else:
                ws.write_string(self.row, 0, title, f["label"])
            for y in range(len(form.years)):
                c = 1 + 4 * y
                ws.write_blank(self.row, c, None, f["input_num"])
                ws.write_blank(self.row, c + 1, None, f["input_money"])
                ws.write_blank(self.row, c + 2, None, f["input_pct"])
                ws.write_formula(
                    self.row,
                    c + 3,
                    f"={_cell(self.row, c)}*{_cell(self.row, c + 1)}*(1+{_cell(self.row, c + 2)})",
                    f["money"],
                    0,
                )
            self.row += 1
        return self._subtotal("Personnel subtotal", first, self.row - 1)

    def _lines(self, title: str, short: str, lines: list) -> int:
        ws, f = self.ws, self.f
        self.row += 1
        self._header(title, ("", "", "", "Amount ($)"))
        first = self.row
        for line in lines:
            label = f"{line.label} ({line.note})" if line.note else line.label
            ws.write_string(self.row, 0, label, f["label"])
            for y in range(len(self.form.years)):
                for k in range(3):
                    ws.write_blank(self.row, 1 + 4 * y + k, None, f["grey"])
                if line.first_year_only and y > 0:
                    ws.write_number(self.row, self.cost_col(y), 0, f["money"])
                else:
                    ws.write_blank(self.row, self.cost_col(y), None, f["input_money"])
            self.row += 1
        return self._subtotal(f"{short} subtotal", first, self.row - 1)

    def _subtotal(self, label: str, first: int, last: int) -> int:
        ws, f = self.ws, self.f
        ws.write_string(self.row, 0, label, f["total_label"])
        for y in range(len(self.form.years)):
            c = self.cost_col(y)
            ws.write_formula(
                self.row, c, f"=SUM({_cell(first, c)}:{_cell(last, c)})", f["total"], 0
            )
        self.row += 1
        return self.row - 1

    def _totals(self, personnel: int, startup: int | None, other: int, number: int) -> None:
        ws, f, form = self.ws, self.f, self.form
        years = range(len(form.years))
        self.row += 1
        self._header(f"{number}. Totals", ("", "", "", "Amount ($)"))
        direct = self.row
        ws.write_string(direct, 0, "Total direct costs", f["total_label"])
        for y in years:
            c = self.cost_col(y)
            parts = [_cell(personnel, c), _cell(other, c)] + (
                [_cell(startup, c)] if startup is not None else []
            )
            ws.write_formula(direct, c, "=" + "+".join(parts), f["total"], 0)
        rate = direct + 1
        ws.write_string(rate, 0, "Indirect rate (% of total direct costs)", f["label"])
        for y in years:
            ws.write_blank(rate, self.cost_col(y), None, f["input_pct"])
        indirect = rate + 1
        ws.write_string(indirect, 0, "Indirect costs", f["label"])
        total = indirect + 1
        ws.write_string(total, 0, "Total price", f["total_label"])
        for y in years:
            c = self.cost_col(y)
            ws.write_formula(indirect, c, f"={_cell(direct, c)}*{_cell(rate, c)}", f["money"], 0)
            ws.write_formula(total, c, f"={_cell(direct, c)}+{_cell(indirect, c)}", f["total"], 0)
        self.row = total + 1
        if form.unit:  # a unit rate is the year's price over the units the proposer prices
            units = self.row
            ws.write_string(units, 0, f"{form.unit[:1].upper()}{form.unit[1:]}s priced", f["label"])
            ws.write_string(units + 1, 0, f"Rate per {form.unit}", f["total_label"])
            for y in years:
                c = self.cost_col(y)
                ws.write_blank(units, c, None, f["input_num"])
                ws.write_formula(
                    units + 1,
                    c,
                    f"=IF({_cell(units, c)}>0,{_cell(total, c)}/{_cell(units, c)},0)",
                    f["total"],
                    0,
                )
            self.row = units + 2
        self.row += 1
        grand = self.row
        ws.write_string(grand, 0, "Total price for the initial term", f["total_label"])
        cells = ",".join(_cell(total, self.cost_col(y)) for y in years)
        ws.write_formula(grand, 1, f"=SUM({cells})", f["total"], 0)
        ceiling = grand + 1
        basis = "a year" if form.ceiling_per_year else "for the initial term"
        ws.write_string(ceiling, 0, f"Budget ceiling ({basis})", f["label"])
        ws.write_number(ceiling, 1, form.ceiling, f["money"])
        self.row = ceiling + 1
        if form.ceiling_per_year:
            worst = f"MAX({cells})"
            self._check("Every year within the ceiling", f"{worst}<={_cell(ceiling, 1)}")
        else:
            self._check("Within the ceiling", f"{_cell(grand, 1)}<={_cell(ceiling, 1)}")
        if startup is not None and form.startup_limit is not None:
            ws.write_string(self.row, 0, "Most payable for start-up costs", f["label"])
            ws.write_number(self.row, 1, form.startup_limit, f["money"])
            self.row += 1
            self._check(
                "Start-up costs within their limit",
                f"{_cell(startup, self.cost_col(0))}<={_cell(self.row - 1, 1)}",
            )
        if form.indirect_cap is not None:
            ws.write_string(self.row, 0, "Highest indirect rate allowed", f["label"])
            ws.write_number(self.row, 1, form.indirect_cap, f["pct"])
            cap = _cell(self.row, 1)
            self.row += 1
            worst_rate = f"MAX({','.join(_cell(rate, self.cost_col(y)) for y in years)})"
            self._check("Indirect rate within the cap", f"{worst_rate}<={cap}")

    def _check(self, label: str, condition: str) -> None:
        self.ws.write_string(self.row, 0, f"Check: {label}", self.f["total_label"])
        self.ws.write_formula(
            self.row, 1, f'=IF({condition},"Yes","NO: revise the price")', self.f["check"], "Yes"
        )
        self.row += 1


def price_workbook(form: PriceForm, as_of: dt.date, title: str) -> bytes:
    """The workbook's bytes: the same form and date always give the same bytes."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    stamp = dt.datetime(as_of.year, as_of.month, as_of.day)
    book.set_properties({"title": title, "created": stamp, "author": "", "company": ""})
    _Sheet(book, form).write()
    book.close()
    return normalize_docx(buffer.getvalue())
