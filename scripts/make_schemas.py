"""Writes the JSON Schemas in resources/schema/ from the pydantic models (the single source).

tests/test_schemas.py fails when a schema file is out of date: rerun this script then.
"""

from __future__ import annotations

import json
from pathlib import Path

from cemassess.domain.assessment import Assessment
from cemassess.domain.benchmark import BenchmarkPack
from cemassess.domain.framework import Framework

OUT = Path(__file__).resolve().parents[1] / "resources" / "schema"
MODELS = {
    "assessment.schema.json": (Assessment, "cemassess assessment file, format_version 1"),
    "framework.schema.json": (Framework, "cemassess framework file, format_version 1"),
    "benchmarks.schema.json": (BenchmarkPack, "cemassess benchmark pack, format_version 1"),
}


def render(model, title: str) -> str:
    schema = model.model_json_schema(mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **schema}
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (model, title) in MODELS.items():
        (OUT / name).write_text(render(model, title), encoding="utf-8")
        print("wrote", OUT / name)


if __name__ == "__main__":
    main()
