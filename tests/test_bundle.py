"""The bundle: index, manifest, zip, byte-identical rebuilds, reuse and atomic writes."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from genkit.paths import SearchPath
from genkit.write import atomic as writer
from tests.helpers import build_town, edit

REPO = Path(__file__).resolve().parent.parent


def test_manifest_lists_every_file_with_size_and_hash(built) -> None:
    bundle = built("durham")
    manifest = json.loads((bundle / "manifest.json").read_text())
    assert manifest["jurisdiction"] == "durham"
    assert len(manifest["inputs_fingerprint"]) == 64
    listed = {f["path"]: f for f in manifest["files"]}
    on_disk = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    assert on_disk - set(listed) == {"manifest.json", "durham-bundle.zip"}
    for path, entry in listed.items():
        data = (bundle / path).read_bytes()
        assert entry["size"] == len(data)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()


def test_index_links_every_document(built) -> None:
    bundle = built("durham")
    index = (bundle / "index.html").read_text()
    for path in bundle.joinpath("worksheets").iterdir():
        assert f'href="worksheets/{path.name}"' in index
    assert 'href="durham-bundle.zip"' in index


def test_index_groups_documents_by_phase_in_use_order(built) -> None:
    index = (built("durham") / "index.html").read_text()
    phases = re.findall(r"<h2>\d\. (\w+)</h2>", index)
    assert phases == ["Plan", "Procure", "Hire", "Train", "Launch", "Evaluate"]
    part = {name: index.split(f". {name}</h2>")[1].split("<h2>")[0] for name in phases}
    assert "Request for Proposals" in part["Procure"] and "Job description" in part["Hire"]
    assert "training protocol" in part["Train"] and "field data form" in part["Launch"]
    assert "evaluation plan" in part["Evaluate"]
    # One row per document, its positions listed by title inside it: no repeated blurbs.
    assert part["Hire"].count("<tr>") == 3  # header, job descriptions, interview guides
    assert (
        'Peer Support Specialist: <a href="job_descriptions/peer-support-specialist.'
        in (part["Hire"])
    )
    assert "Advanced EMT: <a" in part["Train"]


def test_a_document_without_its_data_is_left_out_with_an_index_line(built) -> None:
    bundle = built("durham")  # Durham has no stored call analysis
    assert not (bundle / "analysis").exists()
    index = (bundle / "index.html").read_text()
    left_out = index.split("Not in this bundle yet")[1].split("</ul>")[0]
    assert "911 call analysis" in left_out and "exported from CAD" in left_out
    assert "genkit calls" not in index  # instructions go to the terminal, not the documents


def test_the_terminal_says_how_to_add_the_missing_data(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "genkit",
            "build",
            "durham",
            "--only",
            "dispatch,analysis",
            "--format",
            "html",
            "--out",
            str(tmp_path),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "analysis/call-analysis left out" in result.stdout
    assert "genkit calls durham EXPORT" in result.stdout


def test_index_lists_every_illustrative_value_at_its_profile_line(built) -> None:
    index = (built("durham") / "index.html").read_text()
    table = index.split("Illustrative values to replace")[1]
    rows = re.findall(r"<tr><td>([^<]+)</td><td><code>([^<]+):(\d+)</code>", table)
    from genkit.checks.validate import load_profile

    loaded = load_profile("durham", SearchPath.from_cwd(REPO))
    assert len(rows) == len(loaded.profile.illustrative)
    lines = (REPO / "jurisdictions/durham/profile.yaml").read_text().splitlines()
    found = {what: int(line) for what, _, line in rows}
    assert lines[found["RFP number"] - 1].strip().startswith("rfp_number:")
    assert not any(w.endswith((": fte", ": pay")) for w in found)  # names, not keys
    assert "Peer Support Specialist: positions budgeted (FTE)" in found
    assert [int(line) for _, _, line in rows] == sorted(int(line) for _, _, line in rows)


def test_zip_holds_the_bundle_with_safe_names(built) -> None:
    bundle = built("durham")
    with zipfile.ZipFile(bundle / "durham-bundle.zip") as archive:
        names = archive.namelist()
        assert "durham/manifest.json" in names
        assert "durham/worksheets/stakeholder-worksheet.pdf" in names
        assert all(not n.startswith("/") and ".." not in n for n in names)
        assert archive.read("durham/index.html") == (bundle / "index.html").read_bytes()


def _build_in_subprocess(out: Path, env_extra: dict[str, str], prefix: list[str]) -> None:
    env = {**os.environ, **env_extra}
    subprocess.run(
        [*prefix, sys.executable, "-m", "genkit", "build", "durham", "--out", str(out), "-q"],
        cwd=REPO,
        env=env,
        check=True,
    )


@pytest.mark.slow
def test_builds_are_byte_identical_across_clock_zone_locale_hash_seed_and_epoch(tmp_path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    _build_in_subprocess(first, {"TZ": "UTC", "PYTHONHASHSEED": "1", "LC_ALL": "C.UTF-8"}, [])
    faketime = shutil.which("faketime")
    prefix = [faketime, "2031-02-03 04:05:06"] if faketime else []
    _build_in_subprocess(
        second,
        {
            "TZ": "Asia/Kolkata",
            "PYTHONHASHSEED": "977",
            "LC_ALL": "C",
            "SOURCE_DATE_EPOCH": "1700000000",
        },
        prefix,
    )
    files_a = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_unchanged_rebuild_renders_nothing_and_a_change_renders_again(project: Path) -> None:
    first = build_town(project, "worksheets", ["html", "docx"])
    assert first.rendered and not first.reused
    again = build_town(project, "worksheets", ["html", "docx"])
    assert again.rendered == [] and sorted(again.reused) == sorted(first.rendered)
    edit(project, "Jordan Ellis", "Sam Rivera")
    changed = build_town(project, "worksheets", ["html", "docx"])
    assert sorted(changed.rendered) == sorted(first.rendered)


def test_failed_write_leaves_previous_bundle_whole(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_town(project, "worksheets")
    bundle = project / "build/town"
    before = {p: p.read_bytes() for p in bundle.rglob("*") if p.is_file()}

    real_replace = os.replace

    def explode(src, dst):
        if Path(dst) == bundle:
            raise OSError("disk full")
        return real_replace(src, dst)

    monkeypatch.setattr(writer.os, "replace", explode)
    edit(project, "Jordan Ellis", "Sam Rivera")
    with pytest.raises(OSError):
        build_town(project, "worksheets", force=True)
    monkeypatch.setattr(writer.os, "replace", real_replace)
    writer.sweep(bundle)  # what the next run does first
    after = {p: p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
    assert after == before
    assert not list((project / "build").glob(".town.*"))


def test_refuses_unsafe_member_names(tmp_path: Path) -> None:
    for bad in ("../x.pdf", "/etc/x", "a/../../b", "CON/x", "a\\b"):
        with pytest.raises(Exception, match="not a safe file name"):
            writer.write_bundle(tmp_path / "out", {bad: b"x"})
    assert not (tmp_path / "out").exists()
