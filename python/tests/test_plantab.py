"""The Python package against hand-checked facts and against the CLI.

Facts of fixtures/own/ documents were checked on their page images
(fixtures/own/*.facts.json, and by this package's author on
ie-rural-connectivity page 1-2 at 50 dpi: the table header cells
No. / Action / Lead / Timeline / Status / Update Q2 2024).
"""

import io
import json
import subprocess
import sys
import threading

import pytest

import plantab
from conftest import IE_PLAN, NZ_PLAN, PASSWORD_PDF, SEEDS

pd = pytest.importorskip("pandas")

IE_HEADER = ["No.", "Action", "Lead", "Timeline", "Status", "Update Q2 2024"]


# ---- extract / tables: path, bytes, file object ---------------------------


def test_extract_path_gives_the_contract_document():
    doc = plantab.extract(IE_PLAN)
    assert set(doc) >= {"source", "document", "tables", "records", "warnings"}
    assert doc["source"]["path"] == str(IE_PLAN)
    assert doc["source"]["format"] == "pdf"
    assert doc["source"]["pages"] == 2
    assert len(doc["records"]) == 12


def test_extract_bytes_and_file_object_give_the_same_records():
    data = IE_PLAN.read_bytes()
    from_path = plantab.extract(str(IE_PLAN))
    from_bytes = plantab.extract(data)
    with open(IE_PLAN, "rb") as f:
        from_file = plantab.extract(f)
    from_stream = plantab.extract(io.BytesIO(data))
    assert from_bytes["source"]["path"] == "<bytes>"
    assert from_file["source"]["path"] == str(IE_PLAN)  # the file object's name
    assert from_stream["source"]["path"] == "<bytes>"
    for d in (from_bytes, from_file, from_stream):
        assert d["records"] == from_path["records"]
        assert d["source"]["sha256"] == from_path["source"]["sha256"]


def test_text_file_object_is_refused_with_a_reason():
    with open(IE_PLAN, encoding="latin-1") as f:
        with pytest.raises(TypeError, match="'rb'"):
            plantab.extract(f)


def test_extract_pages_keeps_only_those_pages():
    # Page 2 holds Action 8-12 (page image).
    doc = plantab.extract(IE_PLAN, pages="2")
    assert len(doc["records"]) == 5
    assert all(r["provenance"]["pages"] == [2] for r in doc["records"])
    assert plantab.extract(IE_PLAN, pages=[2])["records"] == doc["records"]
    assert plantab.extract(IE_PLAN, pages=2)["records"] == doc["records"]


def test_tables_keeps_header_rows_and_has_no_records():
    doc = plantab.tables(IE_PLAN)
    assert doc["records"] == []
    assert len(doc["tables"]) == 2
    first = doc["tables"][0]
    assert first["header_rows"] >= 1
    assert first["rows"][0] == IE_HEADER


def test_extract_matches_the_cli_json(cli):
    out = subprocess.run([str(cli), "extract", str(NZ_PLAN)], capture_output=True, check=True)
    assert plantab.extract(str(NZ_PLAN)) == json.loads(out.stdout)
    out = subprocess.run([str(cli), "tables", str(NZ_PLAN)], capture_output=True, check=True)
    assert plantab.tables(str(NZ_PLAN)) == json.loads(out.stdout)


# ---- errors ---------------------------------------------------------------


def test_encrypted_pdf_raises_a_typed_error():
    with pytest.raises(plantab.PlantabError) as e:
        plantab.extract(PASSWORD_PDF)
    assert e.value.code == "encrypted"
    assert e.value.path == str(PASSWORD_PDF)
    assert "password" in e.value.message
    assert str(PASSWORD_PDF) in str(e.value)


def test_missing_file_and_empty_bytes_raise_typed_errors(tmp_path):
    with pytest.raises(plantab.PlantabError) as e:
        plantab.extract(tmp_path / "nowhere.pdf")
    assert e.value.code == "io"
    assert e.value.path == str(tmp_path / "nowhere.pdf")
    with pytest.raises(plantab.PlantabError) as e:
        plantab.extract(b"")
    assert (e.value.code, e.value.path) == ("empty", "<bytes>")
    with pytest.raises(plantab.PlantabError) as e:
        plantab.extract(b"%PDF-1.7\n this is not a PDF body")
    assert e.value.code == "malformed"


def test_bad_pages_value_is_invalid_option():
    with pytest.raises(plantab.PlantabError) as e:
        plantab.extract(IE_PLAN, pages="x")
    assert e.value.code == "invalid_option"
    assert e.value.path is None
    with pytest.raises(TypeError):
        plantab.extract(IE_PLAN, pages=[True])


def test_password_opens_the_encrypted_pdf():
    # pdfplumber's password-example.pdf, password "test" (checked by hand
    # with `qpdf --password=test --decrypt`): one page once opened; a
    # wrong password is its own code, as on the CLI.
    doc = plantab.extract(PASSWORD_PDF, password="test")
    assert doc["source"]["pages"] >= 1
    with pytest.raises(plantab.PlantabError) as e:
        plantab.extract(PASSWORD_PDF, password="wrong")
    assert e.value.code == "wrong_password"


# A made-up plan that does not say when its financial year starts: by
# default (April) "Q3 2024/25" is October-December 2024; with years
# starting in July it is January-March 2025.
FY_PLAN = (
    b"# Housing Delivery Plan 2024/25\n\n"
    b"| Ref | Action | Due | Status |\n"
    b"| --- | --- | --- | --- |\n"
    b"| H1 | Publish the allocations policy | Q3 2024/25 | On track |\n"
    b"| H2 | Open the new depot | 2024/25 | Complete |\n"
)


def _due(doc, rid):
    r = next(r for r in doc["records"] if r["id"] == rid)
    return (r["due"]["start"], r["due"]["end"])


def test_fiscal_year_start_is_checked_then_passed():
    for bad in (13, 0, "Smarch", True, 7.0):
        with pytest.raises(plantab.PlantabError) as e:
            plantab.extract(NZ_PLAN, fiscal_year_start=bad)
        assert e.value.code == "invalid_option", bad
    doc = plantab.extract(NZ_PLAN, fiscal_year_start="July")
    assert len(doc["records"]) == 8
    assert doc["document"]["fiscal_year_start"] == 7
    default = plantab.extract(FY_PLAN)
    assert "fiscal_year_start" not in default["document"]
    assert _due(default, "H1") == ("2024-10-01", "2024-12-31")
    assert _due(default, "H2") == ("2024-04-01", "2025-03-31")
    for month in (7, "July", "jul"):
        doc = plantab.extract(FY_PLAN, fiscal_year_start=month)
        assert doc["document"]["fiscal_year_start"] == 7, month
        assert _due(doc, "H1") == ("2025-01-01", "2025-03-31"), month
        assert _due(doc, "H2") == ("2024-07-01", "2025-06-30"), month
    # The frames take it for every source.
    df = plantab.records([FY_PLAN], fiscal_year_start=7)
    assert [str(d)[:10] for d in df.due_start] == ["2025-01-01", "2024-07-01"]


# ---- DataFrames -----------------------------------------------------------


def test_records_frame_columns_and_rows():
    df = plantab.records([IE_PLAN, NZ_PLAN])
    assert len(df) == 12 + 8
    assert list(df.source_path.unique()) == [str(IE_PLAN), str(NZ_PLAN)]  # input order
    # records.csv's columns (plantab_output::RECORD_COLUMNS), then field_<key>.
    fixed = [c for c in df.columns if not c.startswith("field_")]
    assert fixed[:7] == [
        "source_path", "document_kind", "document_title", "document_owner",
        "document_period", "page_first", "page_last",
    ]
    for col in ("table", "row", "id", "title", "owner", "owner_field", "due_raw",
                "due_kind", "due_start", "due_end", "status_code", "status_raw"):
        assert col in fixed
    assert "field_lead_department" in df.columns
    assert df.columns.is_unique
    assert all("." not in c and c == c.lower() for c in df.columns)  # df.status_code works
    for col in ("page_first", "page_last", "table", "row", "status_count"):
        assert str(df[col].dtype) == "Int64", col
    for col in ("due_start", "due_end", "status_revised_due_end"):
        assert df[col].dtype.kind == "M", col  # datetime64, even with no value
    ie = df[df.source_path == str(IE_PLAN)]
    assert ie.page_first.tolist() == [1] * 7 + [2] * 5  # Action 1-7 on page 1
    # The page's summary: "4 are complete, 5 are on track ... 1 has been deferred".
    counts = ie.status_code.value_counts()
    assert counts.get("complete") == 4
    assert counts.get("on_track") == 5
    assert counts.get("deferred") == 1
    assert ie.owner.iloc[0] == "DECC"  # Action 1's Lead cell
    nz = df[df.source_path == str(NZ_PLAN)]
    assert nz.id.iloc[0] == "WP1.1"  # the first item printed
    # The frame holds the JSON document's records, in order.
    doc = plantab.extract(NZ_PLAN)
    assert nz.id.fillna("").tolist() == [r["id"] or "" for r in doc["records"]]
    assert nz.row.tolist() == [r["provenance"]["row"] for r in doc["records"]]
    assert df.attrs["errors"] == []


def test_records_frame_is_the_cli_csv(cli):
    out = subprocess.run(
        [str(cli), "extract", "--format", "csv", str(IE_PLAN), str(NZ_PLAN)],
        capture_output=True,
        check=True,
    )
    header = out.stdout.split(b"\r\n", 1)[0].decode()
    assert header.split(",")[:2] == ["source_path", "document_kind"], header
    assert "field_" in header, header
    from_cli = plantab._read_csv(out.stdout)
    ours = plantab.records([IE_PLAN, NZ_PLAN], jobs=1)
    assert list(ours.columns) == list(from_cli.columns)
    assert ours.astype(str).equals(plantab.records([IE_PLAN, NZ_PLAN]).astype(str))
    pd.testing.assert_frame_equal(
        ours.astype(str).replace({"<NA>": "nan", "NaT": "nan", "None": "nan"}),
        from_cli.astype(str).replace({"<NA>": "nan", "None": "nan"}),
        check_dtype=False,
    )


def test_records_bytes_and_file_object_sources():
    data = NZ_PLAN.read_bytes()
    with open(NZ_PLAN, "rb") as f:
        df = plantab.records([data, f])
    assert list(df.source_path.unique()) == ["<bytes>", str(NZ_PLAN)]
    assert len(df) == 16
    one = plantab.records(NZ_PLAN)  # a single source is accepted as well
    assert len(one) == 8


def test_records_reports_a_bad_source_and_keeps_the_others(tmp_path):
    missing = tmp_path / "gone.pdf"
    with pytest.warns(plantab.PlantabWarning) as caught:
        df = plantab.records([IE_PLAN, PASSWORD_PDF, missing, NZ_PLAN])
    assert [str(w.message).split(": ")[:2] for w in caught] == [
        [str(PASSWORD_PDF), "encrypted"],
        [str(missing), "io"],
    ]
    assert len(df) == 20
    assert [(e["path"], e["code"]) for e in df.attrs["errors"]] == [
        (str(PASSWORD_PDF), "encrypted"),
        (str(missing), "io"),
    ]
    with pytest.raises(plantab.PlantabError) as e:
        plantab.records([IE_PLAN, PASSWORD_PDF], errors="raise")
    assert e.value.code == "encrypted"


def test_records_of_no_sources_has_the_columns_and_no_rows():
    empty = plantab.records([])
    full = plantab.records([NZ_PLAN])
    assert len(empty) == 0
    # The same leading columns whatever the inputs (the contract's keys).
    assert list(empty.columns) == list(full.columns)[: len(empty.columns)]
    assert "field_lead_department" in empty.columns
    assert empty.due_end.dtype.kind == "M"


def test_records_jobs_must_be_positive():
    with pytest.raises(ValueError, match="jobs"):
        plantab.records([NZ_PLAN], jobs=0)
    a = plantab.records([IE_PLAN, NZ_PLAN, IE_PLAN], jobs=1)
    b = plantab.records([IE_PLAN, NZ_PLAN, IE_PLAN], jobs=3)
    pd.testing.assert_frame_equal(a, b)  # rows in input order whatever jobs


def test_records_refuses_unknown_options():
    with pytest.raises(TypeError, match="colour"):
        plantab.records([IE_PLAN], colour=True)


def test_statuses_frame_one_row_per_status_entry():
    doc = plantab.extract(IE_PLAN)
    entries = sum(len(r["status"]) for r in doc["records"])
    df = plantab.statuses([IE_PLAN])
    assert len(df) == entries == 12  # one Status cell per action
    assert list(df.columns)[:7] == ["source_path", "table", "row", "id", "title", "entry", "latest"]
    for col in ("period", "label", "code", "raw", "commentary"):
        assert col in df.columns
    assert str(df["entry"].dtype) == "Int64"
    assert str(df["latest"].dtype) == "boolean"
    assert df.latest.all()
    assert df.raw.iloc[0] == "Complete"  # Action 1
    assert df.code.iloc[0] == "complete"


def test_table_frames_header_rows_as_column_names():
    frames = plantab.table_frames(IE_PLAN)
    assert len(frames) == 2
    assert [list(f.columns) for f in frames] == [IE_HEADER, IE_HEADER]
    assert [len(f) for f in frames] == [7, 5]  # Action 1-7, Action 8-12
    assert frames[0].iloc[0]["No."] == "Action 1"
    assert frames[0].iloc[0]["Lead"] == "DECC"
    assert frames[1].iloc[0]["No."] == "Action 8"
    assert frames[1].attrs == {"table": 1, "pages": [2]}


def test_gil_is_released_while_rust_works():
    # Another Python thread keeps running while extract works.
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.001)

    t = threading.Thread(target=tick)
    t.start()
    before = len(ticks)
    plantab.extract(IE_PLAN)
    during = len(ticks) - before
    stop.set()
    t.join()
    assert during > 5


def test_missing_pandas_says_pip_install_pandas(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas -> ImportError
    with pytest.raises(ImportError, match="pip install pandas"):
        plantab.records([IE_PLAN])
    with pytest.raises(ImportError, match="pip install pandas"):
        plantab.table_frames(IE_PLAN)
    assert len(plantab.extract(IE_PLAN)["records"]) == 12  # dicts need no pandas


# ---- the seed PDFs (the done-means) ------------------------------


def test_seed_000_has_46_records(seed_pdfs):
    doc = plantab.extract(SEEDS / "000_10d08a98e15f6a96.pdf")
    assert len(doc["records"]) == 46


def test_seed_records_frame_has_274_rows(seed_pdfs):
    df = plantab.records(seed_pdfs)
    assert len(df) == 274
    assert df.attrs["errors"] == []
    assert df.source_path.nunique() == 5
    assert df.due_end.dtype.kind == "M" and df.due_end.notna().any()


def test_seed_statuses_keep_every_period(seed_pdfs):
    # The 004 tracker prints a December and a January status for its
    # actions: statuses keeps both where records keeps the latest.
    df = plantab.statuses(seed_pdfs)
    assert (df.entry > 1).any()
    assert df.groupby(["source_path", "table", "row"]).latest.sum().eq(1).all()
