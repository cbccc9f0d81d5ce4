"""Shared building blocks of the profile model: strict config and YAML-friendly scalar types.

Profiles arrive with every scalar as a string (see yamlload), so the types here decide what a
string may become. Booleans accept only ``true``/``false``: ``yes``/``no``/``on``/``off`` are
refused rather than guessed.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

# Characters that cannot appear in XML (so not in DOCX or HTML): refuse them at load time with a
# location instead of letting a writer drop them silently.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _no_control_chars(value: str) -> str:
    match = _XML_FORBIDDEN.search(value)
    if match:
        raise ValueError(
            f"contains the control character U+{ord(match.group()):04X}, which no document "
            "format can hold; delete it"
        )
    return value


def _strict_bool(value: object) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "false"}:
        return value.strip().lower() == "true"
    raise ValueError("must be true or false")


Text = Annotated[str, AfterValidator(_no_control_chars)]
"""Any free text from a profile."""

ShortText = Annotated[Text, Field(min_length=1, max_length=300)]
LongText = Annotated[Text, Field(min_length=1, max_length=20_000)]
Flag = Annotated[bool, BeforeValidator(_strict_bool)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")]
"""A lowercase identifier used in file names and cross references."""

Url = Annotated[str, Field(pattern=r"^https?://[^\s<>\"]+$", max_length=2000)]
Clock = Annotated[str, Field(pattern=r"^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$")]
"""A time of day as HH:MM on the 24-hour clock; ``24:00`` means midnight at the end of a day."""


class Model(BaseModel):
    """Every profile section refuses unknown keys, so a typo is reported, never ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
