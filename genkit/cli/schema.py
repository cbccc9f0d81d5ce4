"""The profile's JSON Schema, for editors (YAML language servers) and other tools."""

from __future__ import annotations

import json

from genkit.model import Profile


def schema_json() -> str:
    schema = Profile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "genkit jurisdiction profile"
    return json.dumps(schema, indent=2, sort_keys=True)
