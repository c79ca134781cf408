"""The published JSON Schemas match the models, and files valid for the models validate."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import jsonschema

ROOT = Path(__file__).parents[1]


def _module():
    spec = importlib.util.spec_from_file_location("make_schemas", ROOT / "scripts" / "make_schemas.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_schema_files_are_up_to_date():
    mod = _module()
    for name, (model, title) in mod.MODELS.items():
        on_disk = (ROOT / "resources" / "schema" / name).read_text(encoding="utf-8")
        assert on_disk == mod.render(model, title), f"{name} is stale: run scripts/make_schemas.py"


def test_demo_and_framework_validate_against_the_published_schemas():
    from cemassess.content import framework_path
    from cemassess.demo import make_demo

    schema = json.loads((ROOT / "resources" / "schema" / "assessment.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(make_demo().model_dump(mode="json"), schema)
    schema = json.loads((ROOT / "resources" / "schema" / "framework.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(framework_path("cem-b2b").read_text(encoding="utf-8")), schema)
