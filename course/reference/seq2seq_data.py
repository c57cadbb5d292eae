"""Toy translation tasks, a vocabulary and the data loader of module 06 (reference).

Every task is generated with an explicit rng; sources and targets are lists of string
tokens of different, variable lengths. Ids: PAD = 0, BOS = 1, EOS = 2, UNK = 3.
"""

from __future__ import annotations

import datetime

import numpy as np

PAD, BOS, EOS, UNK = 0, 1, 2, 3
SPECIALS = ["<pad>", "<bos>", "<eos>", "<unk>"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


# ----------------------------------------------------------------------------- vocabulary

def make_vocab(token_lists):
    """Vocabulary of every token in `token_lists` (lists of str), specials first.

    Returns stoi {token: id} and itos [token by id]; ids 0-3 are PAD, BOS, EOS, UNK.
    """
    itos = list(SPECIALS) + sorted({t for seq in token_lists for t in seq} - set(SPECIALS))
    return {t: i for i, t in enumerate(itos)}, itos


def tokens_to_ids(tokens, stoi):
    """[str] -> [int] with EOS appended; unknown tokens become UNK."""
    return [stoi.get(t, UNK) for t in tokens] + [EOS]


def ids_to_tokens(ids, itos):
    """[int] -> [str], stopping at the first EOS and skipping PAD and BOS."""
    out = []
    for i in ids:
        i = int(i)
        if i == EOS:
            break
        if i in (PAD, BOS):
            continue
        out.append(itos[i])
    return out


# ----------------------------------------------------------------------------- toy tasks

def symbols(n):
    """The first n lower-case letters (then two-letter names): the alphabet of the toy tasks."""
    letters = [chr(ord("a") + k) for k in range(26)]
    return (letters + [a + b for a in letters for b in letters])[:n]


def _ordinal(d):
    suffix = "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return f"{d}{suffix}"


def date_source(day, fmt):
    """One written form of a datetime.date, as tokens (the year split into digits)."""
    d, m, year = day.day, day.month, list(f"{day.year:04d}")
    month = MONTHS[m - 1]
    forms = [
        [str(d), month, *year],                              # 3 March 1999
        [month, str(d), ",", *year],                         # March 3, 1999
        [month[:3], str(d), *year],                          # Mar 3 1999
        [f"{d:02d}", "/", f"{m:02d}", "/", *year],           # 03/03/1999
        ["the", _ordinal(d), "of", month, *year],            # the 3rd of March 1999
    ]
    return forms[fmt]


DATE_FORMATS = 5


def make_task(name, n, rng, min_len=3, max_len=8, n_symbols=10):
    """n examples of a toy translation task: (src, tgt), two lists of token lists.

    copy: the same sequence; reverse: reversed; sort: sorted; cipher: every symbol k
    replaced by symbol (3k + 1) mod n_symbols (a fixed token mapping); add: "a+b" with
    1 to max_len // 2 digits each -> the sum's digits; date: a date in words
    (5 formats, 1950-2049) -> "YYYY-MM-DD" as characters. Lengths are drawn uniformly.
    """
    syms = symbols(n_symbols)
    src, tgt = [], []
    if name == "date":
        lo = datetime.date(1950, 1, 1).toordinal()
        hi = datetime.date(2049, 12, 31).toordinal()
        days = rng.integers(lo, hi + 1, size=n)
        fmts = rng.integers(0, DATE_FORMATS, size=n)
        for o, f in zip(days, fmts, strict=True):
            day = datetime.date.fromordinal(int(o))
            src.append(date_source(day, int(f)))
            tgt.append(list(day.isoformat()))
        return src, tgt
    if name == "add":
        k = max(1, max_len // 2)
        for _ in range(n):
            a, b = (int(rng.integers(0, 10 ** int(rng.integers(1, k + 1)))) for _ in range(2))
            src.append(list(str(a)) + ["+"] + list(str(b)))
            tgt.append(list(str(a + b)))
        return src, tgt
    lengths = rng.integers(min_len, max_len + 1, size=n)
    for L in lengths:
        s = [int(v) for v in rng.integers(0, n_symbols, size=int(L))]
        if name == "copy":
            t = s
        elif name == "reverse":
            t = s[::-1]
        elif name == "sort":
            t = sorted(s)
        elif name == "cipher":
            t = [(3 * v + 1) % n_symbols for v in s]
        else:
            raise ValueError(f"unknown task {name!r}")
        src.append([syms[v] for v in s])
        tgt.append([syms[v] for v in t])
    return src, tgt


def encode_pairs(src, tgt, stoi, reverse_source=False):
    """Token lists -> id lists (EOS appended); optionally reverse each source (Sutskever et al.)."""
    s = [tokens_to_ids(x[::-1] if reverse_source else x, stoi) for x in src]
    return s, [tokens_to_ids(y, stoi) for y in tgt]


# ----------------------------------------------------------------------------- loader

def pad_batch(seqs, pad=PAD):
    """Pad id lists to the longest one: ids (B, T) int64, mask (B, T) bool (True on real tokens)."""
    T = max((len(s) for s in seqs), default=0)
    ids = np.full((len(seqs), T), pad, dtype=np.int64)
    mask = np.zeros((len(seqs), T), dtype=bool)
    for i, s in enumerate(seqs):
        ids[i, :len(s)] = s
        mask[i, :len(s)] = True
    return ids, mask


def make_batches(src, tgt, batch_size, rng, bucket=False):
    """One epoch of padded batches; every example exactly once, the last batch may be short.

    src, tgt: lists of id lists; rng shuffles. bucket=True: shuffle, sort by source length
    (ties stay shuffled), cut into batches and shuffle the batch order, so each batch holds
    sequences of similar length. Returns a list of dicts with "idx" (B,), "src", "src_mask",
    "tgt", "tgt_mask".
    """
    n = len(src)
    order = rng.permutation(n)
    if bucket:
        lens = np.array([len(src[i]) for i in order])
        order = order[np.argsort(lens, kind="stable")]
    chunks = [order[i:i + batch_size] for i in range(0, n, batch_size)]
    if bucket:
        chunks = [chunks[k] for k in rng.permutation(len(chunks))]
    out = []
    for idx in chunks:
        s, sm = pad_batch([src[i] for i in idx])
        t, tm = pad_batch([tgt[i] for i in idx])
        out.append({"idx": idx, "src": s, "src_mask": sm, "tgt": t, "tgt_mask": tm})
    return out


def padding_fraction(batches, key="src"):
    """Fraction of the cells of the padded `key` arrays that are padding."""
    total = sum(b[key + "_mask"].size for b in batches)
    real = sum(int(b[key + "_mask"].sum()) for b in batches)
    return 1.0 - real / max(total, 1)
