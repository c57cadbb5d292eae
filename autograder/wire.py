"""Plain data across the sandbox boundary, without pickle.

A message is a JSON document plus binary blobs: an array travels as its raw bytes, its dtype
(a plain number, string or bool kind: never object) and shape in the JSON; numpy scalars as
0-d arrays; tuples, dicts, course objects and non-finite or huge numbers as tagged JSON;
np.random.Generator as its bit generator's state.
Nothing here executes code from the data: decoding only builds numbers, strings, arrays,
containers and generators of an allowed kind, within fixed bounds (depth, count of values,
of arrays, string length; each array's bytes are used once); lone surrogates in strings
become "?". An object of a class
is built only when the decoder is given that class (`classes`, the grader passes the classes
it sent itself) or, in the worker (`trusted=True`, data from the grader), a class under
`course.`; its attributes are set directly (no __init__, no __setstate__). The grader never
imports a module by a name it received.

This file imports only the standard library and numpy: the sandbox worker loads a copy.
"""

from __future__ import annotations

import importlib
import json
import math
import re
import struct

import numpy as np

MAX_DEPTH = 32
MAX_ITEMS = 200_000             # values in one message
MAX_BLOBS = 10_000              # arrays in one message
MAX_STR = 100_000               # characters in one string
MAX_DIGITS = 400                # digits of one integer
MAX_JSON = 8 * 2**20            # the non-array part; arrays travel as blobs
OBJECT_PACKAGES = ("course.",)
BIT_GENERATORS = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")


class WireError(ValueError):
    """A value that is not plain data (or a malformed message)."""


_DTYPE = re.compile(r"[<>|=]?[biufcUS]\d{1,2}")     # plain kinds only: "<f8", "|b1", "<U12"
MAX_DIMS = 32


def _array(a: np.ndarray) -> tuple[str, list[int], bytes]:
    """(dtype string, shape, C-order bytes) of a plain-data array."""
    if a.dtype.hasobject or a.dtype.kind not in "biufcUS?" or a.dtype.fields is not None:
        raise WireError(f"an array of dtype {a.dtype} is not plain data")
    return a.dtype.str, list(a.shape), a.tobytes(order="C")


def _from_bytes(dtype: object, shape: object, b: bytes) -> np.ndarray:
    """The array (a writable copy) that _array described; WireError when it does not fit."""
    if not isinstance(dtype, str) or not _DTYPE.fullmatch(dtype) or not isinstance(shape, list) \
            or len(shape) > MAX_DIMS or not all(type(n) is int and n >= 0 for n in shape):
        raise WireError("bad array")
    try:
        dt = np.dtype(dtype)
    except TypeError:
        raise WireError("bad array") from None
    if dt.hasobject or dt.fields is not None or dt.itemsize == 0:
        raise WireError("bad array")
    if math.prod(shape) * dt.itemsize != len(b):
        raise WireError(f"bad array: {len(b)} bytes for shape {tuple(shape)} of {dtype}")
    return np.frombuffer(b, dtype=dt).reshape(tuple(shape)).copy()


def clean(s: str, limit: int = MAX_STR) -> str:
    """s cut to `limit` characters, lone surrogates replaced: safe to write as UTF-8."""
    s = str.__str__(s)[:limit]
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        s = s.encode("utf-8", "replace").decode("utf-8")
    return s


# characters that move a terminal's cursor, start a new line, colour or reorder text
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(s: str, limit: int = MAX_STR) -> str:
    """clean(s) as one line of text: each control character (newline, escape, carriage
    return, bidirectional override) becomes a space, so no text can pose as another line
    of feedback or rewrite a terminal."""
    return _UNPRINTABLE.sub(" ", clean(s, limit))


def encode(value: object, classes: dict | None = None) -> bytes:
    """value -> bytes (raises WireError for anything that is not plain data).

    classes: filled with {"module:qualname": class} of the objects encoded (the classes a
    reply may contain)."""
    blobs: list[bytes] = []
    count = [0]

    def enc(v, depth):
        count[0] += 1
        if depth > MAX_DEPTH or count[0] > MAX_ITEMS or len(blobs) > MAX_BLOBS:
            raise WireError("value nested too deeply or too large")
        if v is None or type(v) in (bool, str):
            return v
        if type(v) is float and math.isfinite(v):
            return v                     # a JSON number with a point or exponent: a float
        if type(v) is int and -2**53 < v < 2**53:
            return v
        if isinstance(v, bool):
            return bool(v)
        if isinstance(v, int) and not isinstance(v, np.generic):
            return {"int": int.__repr__(v)}
        if isinstance(v, float) and not isinstance(v, np.generic):
            return {"float": float.__repr__(v)}
        if isinstance(v, str):
            return str.__str__(v)
        if isinstance(v, (np.ndarray, np.generic)):
            dtype, shape, data = _array(np.asarray(v))
            blobs.append(data)
            return {"nd" if isinstance(v, np.ndarray) else "sc": [len(blobs) - 1, dtype, shape]}
        if isinstance(v, complex):
            return {"complex": [float(v.real), float(v.imag)]}
        if isinstance(v, tuple):
            return {"tuple": [enc(x, depth + 1) for x in v]}
        if isinstance(v, list):
            return [enc(x, depth + 1) for x in v]
        if isinstance(v, dict):
            return {"dict": [[enc(k, depth + 1), enc(x, depth + 1)] for k, x in v.items()]}
        if isinstance(v, np.random.Generator):
            bg = v.bit_generator
            name = type(bg).__name__
            if name not in BIT_GENERATORS:
                raise WireError(f"a Generator over {name} is not supported")
            return {"rng": enc(bg.state, depth + 1)}
        cls = type(v)
        mod = getattr(cls, "__module__", "") or ""
        if mod.startswith(OBJECT_PACKAGES) and isinstance(getattr(v, "__dict__", None), dict):
            path = f"{mod}:{cls.__qualname__}"
            if classes is not None:
                classes[path] = cls
            return {"obj": path, "attrs": enc(dict(v.__dict__), depth + 1)}
        raise WireError(f"a {cls.__name__} is not plain data (numbers, strings, arrays, "
                        "lists, tuples, dicts)")

    doc = json.dumps(enc(value, 0), allow_nan=False).encode()
    parts = [struct.pack("<QQ", len(doc), len(blobs)), doc]
    for b in blobs:
        parts += [struct.pack("<Q", len(b)), b]
    return b"".join(parts)


def _resolve_class(path: str) -> type:
    mod, _, qual = path.partition(":")
    if not mod.startswith(OBJECT_PACKAGES) or not qual.isidentifier() or qual.startswith("_"):
        raise WireError(f"class {path} is not allowed")
    try:
        cls = getattr(importlib.import_module(mod), qual, None)
    except ImportError:
        cls = None
    if not isinstance(cls, type) or cls.__module__ != mod:
        raise WireError(f"no class {path}")
    return cls


def decode(data: bytes, classes: dict | None = None, trusted: bool = False) -> object:
    """bytes -> value; builds only plain data (see the module docstring).

    classes: {"module:qualname": class} that objects may have; trusted: also resolve classes
    under `course.` by import (the worker, reading what the grader sent)."""
    try:
        njson, nblobs = struct.unpack_from("<QQ", data, 0)
        if njson > MAX_JSON or nblobs > MAX_BLOBS:
            raise WireError(f"message too large ({njson} bytes of JSON, {nblobs} arrays)")
        pos = 16
        doc = json.loads(data[pos:pos + njson])
        pos += njson
        blobs = []
        for _ in range(nblobs):
            (n,) = struct.unpack_from("<Q", data, pos)
            pos += 8
            blobs.append(data[pos:pos + n])
            pos += n
    except (struct.error, ValueError, RecursionError) as e:
        raise WireError(f"malformed message: {str(e)[:200]}") from None
    count = [0]
    used: set[int] = set()

    def blob(x):
        # each array once: a message never decodes to more bytes than it carries
        if not isinstance(x, list) or len(x) != 3 or type(x[0]) is not int or \
                not 0 <= x[0] < len(blobs) or x[0] in used:
            raise WireError("bad array index")
        used.add(x[0])
        return _from_bytes(x[1], x[2], blobs[x[0]])

    def dec(v, depth):
        count[0] += 1
        if depth > MAX_DEPTH or count[0] > MAX_ITEMS:
            raise WireError("value nested too deeply or too large")
        if isinstance(v, str):
            return clean(v)
        if v is None or isinstance(v, (bool, float)):
            return v
        if type(v) is int:
            if v.bit_length() > 1300:
                raise WireError("bad integer")
            return v
        if isinstance(v, list):
            return [dec(x, depth + 1) for x in v]
        if not isinstance(v, dict) or len(v) not in (1, 2):
            raise WireError("malformed value")
        (tag, x), *rest = v.items()
        if tag == "int":
            if not isinstance(x, str) or len(x) > MAX_DIGITS:
                raise WireError("bad integer")
            return int(x)
        if tag == "float":
            return float(x)
        if tag == "complex":
            return complex(float(x[0]), float(x[1]))
        if tag == "nd":
            return blob(x)
        if tag == "sc":
            return blob(x)[()]
        if not isinstance(x, list) and tag in ("tuple", "dict"):
            raise WireError("malformed value")
        if tag == "tuple":
            return tuple(dec(y, depth + 1) for y in x)
        if tag == "dict":
            out = {}
            for k, y in x:
                k = dec(k, depth + 1)
                if isinstance(k, (list, dict, np.ndarray)):
                    raise WireError("unhashable dict key")
                out[k] = dec(y, depth + 1)
            return out
        if tag == "rng":
            state = dec(x, depth + 1)
            name = state.get("bit_generator") if isinstance(state, dict) else None
            if name not in BIT_GENERATORS:
                raise WireError(f"bit generator {name!r} is not allowed")
            bg = getattr(np.random, name)()
            bg.state = state
            return np.random.Generator(bg)
        if tag == "obj":
            path = clean(str(x), 300)
            cls = (classes or {}).get(path) or (_resolve_class(path) if trusted else None)
            if cls is None:
                raise WireError(f"an object of class {path} is not plain data")
            attrs = dec(rest[0][1], depth + 1) if rest else {}
            if not isinstance(attrs, dict) or not all(isinstance(k, str) for k in attrs):
                raise WireError("malformed object")
            obj = cls.__new__(cls)
            obj.__dict__.update(attrs)
            return obj
        raise WireError(f"unknown tag {clean(str(tag), 40)!r}")

    try:
        return dec(doc, 0)
    except WireError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError,
            OverflowError) as e:
        raise WireError(f"malformed value: {type(e).__name__}") from None


def sync(orig: object, new: object) -> object:
    """Copy what a call did to its arguments (`new`, decoded) into the caller's `orig`, in place.

    Arrays are overwritten element by element, dicts and lists updated, generators take
    the new state; returns the object the caller should hold (orig when it could be kept).
    """
    if isinstance(orig, np.ndarray) and isinstance(new, np.ndarray):
        if orig.shape == new.shape and orig.flags.writeable and not np.array_equal(orig, new,
                                                                                   equal_nan=False):
            try:
                np.copyto(orig, new, casting="unsafe")
            except (TypeError, ValueError):
                pass
        return orig
    if isinstance(orig, np.random.Generator) and isinstance(new, np.random.Generator):
        if type(orig.bit_generator) is type(new.bit_generator):
            orig.bit_generator.state = new.bit_generator.state
        return orig
    if isinstance(orig, dict) and isinstance(new, dict):
        for k in list(orig):
            if k not in new:
                del orig[k]
        for k, v in new.items():
            orig[k] = sync(orig[k], v) if k in orig else v
        return orig
    if isinstance(orig, list) and isinstance(new, list):
        if len(orig) == len(new):
            for i, v in enumerate(new):
                orig[i] = sync(orig[i], v)
        else:
            orig[:] = new
        return orig
    if isinstance(orig, tuple) and isinstance(new, tuple) and len(orig) == len(new):
        for a, b in zip(orig, new):
            sync(a, b)
        return orig
    mod = getattr(type(orig), "__module__", "") or ""
    if mod.startswith(OBJECT_PACKAGES) and type(orig) is type(new) and hasattr(orig, "__dict__"):
        sync(orig.__dict__, new.__dict__)
        return orig
    return new
