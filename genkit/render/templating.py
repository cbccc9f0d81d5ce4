"""The sandboxed Jinja environment and the template search path.

Templates come from, in order: the jurisdiction's own ``templates/`` folder, the working
folder's ``templates/``, then the built-in ones. ``builtin/<name>`` always means the built-in
file, so an override can ``{% extends "builtin/worksheets/x.md.j2" %}`` and replace one block.
Profiles and per-jurisdiction templates are untrusted: the environment is immutable-sandboxed,
undefined names are errors, and every printed value is escaped for its output format.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2
import jinja2.bccache
from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from genkit.limits import check_binop
from genkit.render.text import filters
from genkit.render.text.escaping import markdown_value
from genkit.render.tracking.fact_templates import TrackingContext, unwrapping, unwrapping_binop
from genkit.render.tracking.facts import Tracked, TrackedMethod, unwrap

BUILTIN_PREFIX = "builtin"


class SafeSandbox(ImmutableSandboxedEnvironment):
    """Sandbox that also refuses every attribute starting with an underscore.

    Jinja's sandbox already blocks ``__class__``-style escapes; refusing all private names
    keeps pydantic internals (``_abc_impl``, ``__pydantic_fields__``) out of reach too.
    """

    intercepted_binops = frozenset({"*", "**", "+"})
    context_class = TrackingContext
    # Methods that allocate as much memory as their argument asks for.
    _SIZED_METHODS = frozenset({"ljust", "rjust", "center", "zfill", "expandtabs"})

    @unwrapping_binop
    def call_binop(self, context, operator: str, left: object, right: object) -> object:
        check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(self, __context, __obj, *args, **kwargs):
        if getattr(__obj, "__name__", "") in self._SIZED_METHODS and any(
            isinstance(a, int) and a > 10_000 for a in args
        ):
            from genkit.limits import RenderLimitExceeded

            raise RenderLimitExceeded(f"{__obj.__name__}() with a width over 10,000")
        if isinstance(__obj, TrackedMethod):
            args, kwargs = __obj.call_args(args, kwargs)
            return super().call(__context, __obj.method, *args, **kwargs)
        if not isinstance(__obj, jinja2.runtime.Macro):  # macros are templates: tracked inside
            args = tuple(unwrap(a) for a in args)
            kwargs = {k: unwrap(v) for k, v in kwargs.items()}
        return super().call(__context, __obj, *args, **kwargs)

    # Reachable in plain Jinja (format is even wrapped safely), but no document needs them, and
    # each has been a step in a published sandbox escape: refuse them outright.
    _BLOCKED = frozenset(
        {
            "format",
            "format_map",
            "mro",
            "model_construct",
            "model_copy",
            "model_validate",
            "model_validate_json",
            "model_validate_strings",
            "model_rebuild",
            "model_post_init",
            "copy",
            "construct",
            "parse_obj",
            "parse_raw",
            "parse_file",
            "update_forward_refs",
        }
    )

    def _blocked(self, name: object) -> bool:
        return isinstance(name, str) and (name.startswith("_") or name in self._BLOCKED)

    def getattr(self, obj: object, attribute: str) -> object:
        return self._lookup(obj, attribute, super().getattr)

    def getitem(self, obj: object, argument: object) -> object:
        return self._lookup(obj, unwrap(argument), super().getitem)

    def _lookup(
        self, obj: object, key: object, fetch: Callable[[object, object], object]
    ) -> object:
        """One attribute or item: blocked names refused, reads of profile containers recorded."""
        if isinstance(obj, Tracked):  # a profile container: look at the real one, record the read
            from genkit.render.tracking.facts import child

            real = object.__getattribute__(obj, "_value")
            if self._blocked(key):
                return self.unsafe_undefined(real, key)
            return child(obj, key, fetch(real, key))
        if self._blocked(key):
            return self.unsafe_undefined(obj, key)
        return fetch(obj, key)

    def is_safe_attribute(self, obj: object, attr: str, value: object) -> bool:
        if self._blocked(attr):
            return False
        return super().is_safe_attribute(obj, attr, value)


def make_loader(dirs: list[Path], builtin_dir: Path) -> jinja2.BaseLoader:
    return jinja2.ChoiceLoader(
        [
            jinja2.PrefixLoader({BUILTIN_PREFIX: jinja2.FileSystemLoader(str(builtin_dir))}),
            jinja2.FileSystemLoader([str(d) for d in dirs]),
        ]
    )


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory, so each file compiles once per process, not per build.

    Jinja keys a bucket by template name and file, and drops it when the source's checksum
    changes, so an edited template is compiled again. The code a template compiles to depends
    on the environment's settings; every environment from ``make_env`` shares them except
    ``finalize``, so there is one cache per ``finalize``.
    """

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


_COMPILED: dict[object, _CompiledTemplates] = {}


def make_env(
    loader: jinja2.BaseLoader, finalize: Callable[[object], object] | None = markdown_value
) -> SafeSandbox:
    """Environment for Markdown templates (default) or, with ``finalize=None``, Word XML."""
    env = SafeSandbox(
        loader=loader,
        bytecode_cache=_COMPILED.setdefault(finalize, _CompiledTemplates()),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=unwrapping(finalize) if finalize is not None else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(filters.FILTERS)
    for name in ("center", "indent", "wordwrap"):  # unbounded padding; documents do not need them
        env.filters.pop(name, None)
    # Filters and tests are Python: they get real values, and what they get counts as read.
    env.filters = {name: unwrapping(f, name) for name, f in env.filters.items()}
    env.tests = {name: unwrapping(f, name) for name, f in env.tests.items()}
    return env


def which(name: str, dirs: list[Path]) -> Path | None:
    """The file a template name resolves to: the first folder on the search path that has it."""
    for folder in dirs:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None
