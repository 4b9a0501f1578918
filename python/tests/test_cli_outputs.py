"""The CLI's analyst tables in pandas and openpyxl: the README's
walk-through run on the 004 tracker (December 2023 and January 2024
statuses), with facts checked by hand in
fixtures/text/004_74a441625af668df.txt:

- OC.A2.3 (lines 113-140): Director Lead "Chief Executive", due Jul-23;
  December "On Track- little or no slippage", January "Complete";
- OC.E2.4 (lines 398-430): due Oct-23, January "Significant issues /
  actual/projected slippage- more than 2 months": overdue on 1 Feb 2024;
- OC.C4.2 (lines 241-270): due Nov-23, January "Medium Progress": overdue.

Needs only the CLI binary (the ``cli`` fixture), pandas and openpyxl.
"""

import subprocess

import pytest

from conftest import REPO

pd = pytest.importorskip("pandas")

TRACKER = REPO / "fixtures" / "text" / "004_74a441625af668df.txt"
DONE = ["delivered", "complete", "closed", "cancelled"]


@pytest.fixture(scope="module")
def out(cli, tmp_path_factory):
    d = tmp_path_factory.mktemp("analyst")
    for fmt in ["csv", "xlsx"]:
        subprocess.run(
            [str(cli), "extract", "-q", "--format", fmt, "-o", str(d), str(TRACKER)],
            check=True,
        )
    return d


def test_readme_walk_through(out):
    rec = pd.read_csv(out / "records.csv", parse_dates=["due_end"])
    st = pd.read_csv(out / "statuses.csv")
    assert len(rec) == 118
    # Statuses per document (each record's latest).
    counts = rec.groupby("source_path").status_code.value_counts()
    assert counts.sum() == rec.status_code.notna().sum()
    # Overdue on 1 February 2024, after the January update.
    late = rec[(rec.due_end < pd.Timestamp("2024-02-01")) & ~rec.status_code.isin(DONE)]
    assert {"OC.E2.4", "OC.C4.2"} <= set(late.id)
    assert "OC.A2.3" not in set(late.id)
    # Month on month: each status beside the one before it.
    st = st.sort_values(["source_path", "table", "row", "entry"])
    st["previous"] = st.groupby(["source_path", "table", "row"]).code.shift()
    changed = st[st.previous.notna() & (st.code != st.previous)]
    a23 = changed[changed.id == "OC.A2.3"]
    assert a23[["period", "previous", "code"]].values.tolist() == [
        ["2024-01", "on_track", "complete"]
    ]
    assert (st.period == "2024-01").sum() == 110
    r = rec[rec.id == "OC.A2.3"].iloc[0]
    assert (r.owner, r.owner_field, r.due_raw) == ("Chief Executive", "director_lead", "Jul-23")


def test_workbook_sheets(out):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(out / "plantab.xlsx")
    assert wb.sheetnames == ["documents", "records", "statuses"]
    records = wb["records"]
    assert records.max_row == 1 + 118
    assert records.freeze_panes == "A2"
    assert records["A1"].font.b
    header = [c.value for c in records[1]]
    assert header == pd.read_csv(out / "records.csv", nrows=0).columns.tolist()
    row = next(
        [c.value for c in r] for r in records.iter_rows(min_row=2) if r[header.index("id")].value == "OC.A2.3"
    )
    assert row[header.index("owner")] == "Chief Executive"
    # Numbers and dates as such, not text.
    assert row[header.index("status_count")] == 2
    assert row[header.index("due_end")].date().isoformat() == "2023-07-31"
    assert wb["statuses"].max_row == 1 + 226
