"""The typed profile model (pydantic v2). ``Profile`` is the root."""

from genkit.model.profile import Jurisdiction, Profile

__all__ = ["Jurisdiction", "Profile"]
