"""Where the tests' documents are.

- ``fixtures/own/`` in the repository: documents made for plantab whose
  facts were checked by hand on page images (``*.facts.json``).
- ``tests/data/password-example.pdf``: pdfplumber's test file (MIT
  licence), encrypted with the password ``test``.
- ``../shared/corpus/seed-pdf/`` beside the repository: the five seed
  PDFs; tests over them skip visibly (the reason is printed with ``-rs``)
  where the folder is absent, and fail where it is there but incomplete.
- The CLI binary, for the tests that compare the package's output with
  it: ``$PLANTAB_BIN``, else ``target/debug/plantab`` or
  ``target/release/plantab``; skipped visibly when none is built.
"""

import os
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
OWN = REPO / "fixtures" / "own"
DATA = HERE / "data"
SEEDS = REPO.parent / "shared" / "corpus" / "seed-pdf"

#: Hand-checked on the page image: 12 actions, Action 1-7 on page 1 under
#: "Goal 1", Action 8-12 on page 2 under the header printed again.
IE_PLAN = OWN / "ie-rural-connectivity-action-plan-q2-2024.pdf"
#: One page, 8 work-programme items (WP1.1 ...), RAG column.
NZ_PLAN = OWN / "nz-regional-development-work-programme-q2-2024-25.pdf"
PASSWORD_PDF = DATA / "password-example.pdf"


@pytest.fixture(scope="session")
def seed_pdfs():
    if not SEEDS.is_dir():
        pytest.skip(f"seed PDFs not found at {SEEDS} (the shared corpus is absent)")
    pdfs = sorted(SEEDS.glob("*.pdf"))
    assert len(pdfs) == 5, f"{SEEDS} is there but holds {len(pdfs)} PDFs, not the five seeds"
    return pdfs


@pytest.fixture(scope="session")
def cli():
    env = os.environ.get("PLANTAB_BIN")
    candidates = [Path(env)] if env else []
    candidates += [REPO / "target" / "debug" / "plantab", REPO / "target" / "release" / "plantab"]
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return c
    pytest.skip("no plantab CLI binary built (set PLANTAB_BIN or cargo build -p plantab-cli)")
