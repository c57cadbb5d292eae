"""Reference encoder-decoder LSTM of module 06 (Sutskever, Vinyals & Le 2014), in numpy.

Letters: N sequences in a batch, S source steps, T target steps, V_src / V_tgt vocabulary
sizes, E embedding size, H hidden size. Parameters live in a plain dict of arrays:
  E_src (V_src, E), E_tgt (V_tgt, E): embeddings;
  enc_Wx (E, 4H), enc_Wh (H, 4H), enc_b (4H,): encoder LSTM; dec_* the same for the decoder;
  W_out (H, V_tgt), b_out (V_tgt,): the output projection.
The encoder's final state (h, c) is the decoder's initial state. Ids: PAD 0, BOS 1, EOS 2.
"""

from __future__ import annotations

import numpy as np

from course.reference.rnn import (
    LSTMCache,
    clip_grad_norm,
    lstm_scan,
    lstm_scan_backward,
    lstm_step_backward,
    lstm_step_forward,
    lstm_weight_grads,
)
from course.reference.seq2seq_data import (  # noqa: F401  (re-exported for the notebook)
    BOS,
    EOS,
    PAD,
    UNK,
    encode_pairs,
    ids_to_tokens,
    make_batches,
    make_task,
    make_vocab,
    pad_batch,
    padding_fraction,
    symbols,
    tokens_to_ids,
)

__all__ = ["clip_grad_norm"]


# ----------------------------------------------------------------------------- init

def seq2seq_init(V_src, V_tgt, E, H, rng, scale=0.08, dtype=np.float64):
    """Every parameter ~ U[-scale, scale] (Sutskever et al. 2014 use 0.08).

    dtype: float64 (the default, what the checks use) or float32 for faster training: the
    loss and its gradients are computed in the parameters' dtype.
    """
    shapes = {"E_src": (V_src, E), "E_tgt": (V_tgt, E),
              "enc_Wx": (E, 4 * H), "enc_Wh": (H, 4 * H), "enc_b": (4 * H,),
              "dec_Wx": (E, 4 * H), "dec_Wh": (H, 4 * H), "dec_b": (4 * H,),
              "W_out": (H, V_tgt), "b_out": (V_tgt,)}
    return {k: rng.uniform(-scale, scale, size=s).astype(dtype, copy=False) for k, s in shapes.items()}


# ----------------------------------------------------------------------------- loss pieces

def shift_right(tgt, bos=BOS):
    """Teacher forcing: decoder input at step t is the target at t - 1, BOS at t = 0.

    tgt (N, T) int -> dec_in (N, T) int.
    """
    dec_in = np.empty_like(tgt)
    dec_in[:, 0] = bos
    dec_in[:, 1:] = tgt[:, :-1]
    return dec_in


def masked_cross_entropy(logits, targets, mask):
    """Mean cross-entropy over the real (mask True) positions.

    logits (N, T, V), targets (N, T) int, mask (N, T) bool -> loss (float), dlogits (N, T, V);
    padded positions contribute nothing to either.
    """
    z = logits - logits.max(axis=2, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=2, keepdims=True))
    m = mask.astype(np.result_type(logits, np.float32))
    count = max(m.sum(), 1.0)
    picked = np.take_along_axis(logp, targets[..., None], axis=2)[..., 0]
    loss = -float(np.sum(picked * m)) / count
    d = np.exp(logp)
    np.put_along_axis(d, targets[..., None], np.take_along_axis(d, targets[..., None], axis=2) - 1,
                      axis=2)
    return loss, d * (m / count)[..., None]


# ----------------------------------------------------------------------------- encoder

def encoder_forward(params, src, src_mask):
    """Read the padded source with a masked LSTM: padded steps leave the state unchanged.

    src (N, S) int, src_mask (N, S) bool -> h, c (N, H): the state after each sequence's
    last real token, and a cache (src, src_mask, per-step caches, E_src.shape).
    """
    N, _ = src.shape
    Wh = params["enc_Wh"]
    z = np.zeros((N, Wh.shape[0]), Wh.dtype)
    steps = lstm_scan(params["E_src"][src.T], z, z, params["enc_Wx"], Wh, params["enc_b"],
                      mask=src_mask.T)
    return steps.hs[-1].copy(), steps.cs[-1].copy(), (src, src_mask, steps, params["E_src"].shape)


def encoder_backward(dh, dc, cache):
    """dh, dc (N, H) on the final state -> grads {"E_src", "enc_Wx", "enc_Wh", "enc_b"}."""
    src, src_mask, caches, e_shape = cache
    if not isinstance(caches, LSTMCache):            # a list of lstm_step_forward caches
        return _encoder_backward_steps(dh, dc, cache)
    da, _, _ = lstm_scan_backward(caches, dh_last=dh, dc_last=dc)
    dxs, dWx, dWh, db = lstm_weight_grads(caches, da)
    dE = np.zeros(e_shape, dxs.dtype)
    np.add.at(dE, src.T.ravel(), dxs)
    return {"E_src": dE, "enc_Wx": dWx, "enc_Wh": dWh, "enc_b": db}


def _encoder_backward_steps(dh, dc, cache):
    src, src_mask, caches, e_shape = cache
    dWx = np.zeros_like(caches[0][3])
    dWh = np.zeros_like(caches[0][4])
    db = np.zeros(dWh.shape[1])
    dx = np.zeros(src.shape + (dWx.shape[0],))
    for t in reversed(range(len(caches))):
        m = src_mask[:, t, None]
        dx_t, dh_prev, dc_prev, dWx_t, dWh_t, db_t = lstm_step_backward(dh * m, dc * m, caches[t])
        dx[:, t] = dx_t
        dWx += dWx_t
        dWh += dWh_t
        db += db_t
        dh = np.where(m, dh_prev, dh)
        dc = np.where(m, dc_prev, dc)
    dE = np.zeros(e_shape)
    np.add.at(dE, src, dx)
    return {"E_src": dE, "enc_Wx": dWx, "enc_Wh": dWh, "enc_b": db}


# ----------------------------------------------------------------------------- whole model

def seq2seq_loss(params, src, src_mask, tgt, tgt_mask):
    """Teacher-forced masked cross-entropy of the whole model and its gradient.

    src (N, S), tgt (N, T) int ids padded with PAD; masks bool. Returns loss (float) and
    grads, a dict with one array per parameter, shaped like it. Computed in the parameters'
    dtype; the decoder runs time-major (T, N, ...), so every time step is a contiguous slice.
    """
    h0, c0, enc_cache = encoder_forward(params, src, src_mask)
    dec_in = shift_right(tgt, BOS).T                 # (T, N)
    T, N = dec_in.shape
    H, V = params["W_out"].shape
    dec = lstm_scan(params["E_tgt"][dec_in], h0, c0, params["dec_Wx"], params["dec_Wh"],
                    params["dec_b"])
    h = dec.hs[1:].reshape(T * N, H)
    logits = h @ params["W_out"] + params["b_out"]
    loss, dlogits = masked_cross_entropy(logits.reshape(T, N, V), tgt.T, tgt_mask.T)
    dl = dlogits.reshape(T * N, V)
    grads = {"W_out": h.T @ dl, "b_out": dl.sum(axis=0)}
    dh = (dl @ params["W_out"].T).reshape(T, N, H)
    da, dh0, dc0 = lstm_scan_backward(dec, dh)
    dxs, grads["dec_Wx"], grads["dec_Wh"], grads["dec_b"] = lstm_weight_grads(dec, da)
    dE = np.zeros_like(params["E_tgt"])
    np.add.at(dE, dec_in.ravel(), dxs)
    grads["E_tgt"] = dE
    grads.update(encoder_backward(dh0, dc0, enc_cache))
    return loss, grads


# ----------------------------------------------------------------------------- decoding

def decoder_step(params, tokens, h, c):
    """One decoder step: tokens (B,) int, h, c (B, H) -> logp (B, V_tgt) log-probabilities, h, c."""
    h, c, _ = lstm_step_forward(params["E_tgt"][tokens], h, c, params["dec_Wx"],
                                params["dec_Wh"], params["dec_b"])
    z = h @ params["W_out"] + params["b_out"]
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True)), h, c


def greedy_decode(params, src, src_mask, max_len):
    """Pick the most probable token at every step until EOS or max_len tokens.

    src (N, S), src_mask (N, S) -> out (N, max_len) int (PAD after each EOS), logp (N,): the
    log-probability of each emitted sequence, EOS included.
    """
    h, c, _ = encoder_forward(params, src, src_mask)
    N = src.shape[0]
    out = np.full((N, max_len), PAD, dtype=np.int64)
    logp = np.zeros(N)
    tok = np.full(N, BOS, dtype=np.int64)
    done = np.zeros(N, dtype=bool)
    for t in range(max_len):
        lp, h, c = decoder_step(params, tok, h, c)
        tok = lp.argmax(axis=1)
        live = ~done
        out[live, t] = tok[live]
        logp[live] += lp[np.arange(N), tok][live]
        done |= tok == EOS
        if done.all():
            break
    return out, logp


def beam_search(params, src, beam_width, max_len, normalise=True):
    """Beam search for one source (S,) int without padding -> (tokens, logp).

    Keep the beam_width most probable unfinished prefixes; a prefix that picks EOS is
    finished. Stop when no prefix is left unfinished or after max_len tokens (then the
    unfinished ones count as finished). Among finished sequences return the one with the
    highest length-normalised score logp / len (EOS counted), with its total logp.
    """
    src = np.asarray(src)[None, :]
    h, c, _ = encoder_forward(params, src, np.ones(src.shape, dtype=bool))
    alive = [([], 0.0, h[0], c[0])]
    finished = []
    for _ in range(max_len):
        toks = np.array([s[-1] if s else BOS for s, _, _, _ in alive])
        lp, hs, cs = decoder_step(params, toks, np.stack([a[2] for a in alive]),
                                  np.stack([a[3] for a in alive]))
        total = np.array([a[1] for a in alive])[:, None] + lp
        flat = np.argsort(-total, axis=None, kind="stable")[:beam_width]
        new = []
        for f in flat:
            b, v = divmod(int(f), lp.shape[1])
            hyp = (alive[b][0] + [v], float(total[b, v]), hs[b], cs[b])
            (finished if v == EOS else new).append(hyp)
        alive = new
        if not alive:
            break
    finished += alive
    # normalise=False ranks by total logp: the classic mistake that favours short outputs
    best = max(finished, key=(lambda a: a[1] / len(a[0])) if normalise else (lambda a: a[1]))
    return best[0], best[1]


def score_sequence(params, src, tokens):
    """Log-probability the model gives `tokens` (a list ending with EOS, or cut) after `src` (S,)."""
    src = np.asarray(src)[None, :]
    h, c, _ = encoder_forward(params, src, np.ones(src.shape, dtype=bool))
    total, prev = 0.0, BOS
    for v in tokens:
        lp, h, c = decoder_step(params, np.array([prev]), h, c)
        total += float(lp[0, v])
        prev = v
    return total


# ----------------------------------------------------------------------------- evaluation

def sequence_accuracy(pred, tgt, tgt_mask):
    """Exact match and token accuracy of predictions against padded targets.

    pred (N, P) int (PAD after EOS), tgt (N, T) int, tgt_mask (N, T) bool -> (exact, token):
    exact = fraction of sequences right at every real target position (EOS included),
    token = fraction of real target positions right. Padding is never counted.
    """
    N, T = tgt.shape
    p = np.full((N, T), PAD, dtype=np.int64)
    k = min(T, pred.shape[1])
    p[:, :k] = pred[:, :k]
    right = (p == tgt) & tgt_mask
    exact = float(np.mean(right.sum(axis=1) == tgt_mask.sum(axis=1)))
    token = float(right.sum() / tgt_mask.sum())
    return exact, token


def evaluate(params, src, tgt, max_len=None, batch_size=256):
    """Greedy exact match and token accuracy on id lists src, tgt. Returns (exact, token)."""
    max_len = max_len or max(len(t) for t in tgt) + 2
    right, exact, count = 0.0, 0.0, 0
    for i in range(0, len(src), batch_size):
        s, sm = pad_batch(src[i:i + batch_size])
        t, tm = pad_batch(tgt[i:i + batch_size])
        out, _ = greedy_decode(params, s, sm, max_len)
        e, tok = sequence_accuracy(out, t, tm)
        exact += e * len(s)
        right += tok * tm.sum()
        count += tm.sum()
    return exact / len(src), right / count


def accuracy_by_length(params, src, tgt, key="src"):
    """{length: exact-match accuracy} grouped by source (or target) length, EOS included."""
    lens = np.array([len(s if key == "src" else t) for s, t in zip(src, tgt, strict=True)])
    out = {}
    for L in np.unique(lens):
        idx = np.flatnonzero(lens == L)
        out[int(L)] = evaluate(params, [src[i] for i in idx], [tgt[i] for i in idx])[0]
    return out


# ----------------------------------------------------------------------------- training

def adam_init(params):
    """Adam state {"t": 0, "m": zeros, "v": zeros} (plain data)."""
    return {"t": 0, "m": {k: np.zeros_like(v) for k, v in params.items()},
            "v": {k: np.zeros_like(v) for k, v in params.items()}}


def adam_step(params, grads, state, lr, b1=0.9, b2=0.999, eps=1e-8):
    """One Adam update (Kingma & Ba 2015), in place on params and state."""
    state["t"] += 1
    t = state["t"]
    for k in params:
        m, v, g = state["m"][k], state["v"][k], grads[k]
        m *= b1                                      # in place: m = b1 * m + (1 - b1) * g
        m += (1 - b1) * g
        v *= b2
        v += (1 - b2) * g**2
        params[k] -= lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)


def train_seq2seq(src, tgt, V, rng, steps=300, batch_size=32, E=16, H=32, lr=0.01, clip=5.0,
                  bucket=True, callback=None, every=100, dtype=np.float64):
    """Train an encoder-decoder on id lists src, tgt (vocabulary size V) with Adam and clipping.

    Epochs of make_batches until `steps` updates; callback(step, params) every `every` steps.
    dtype: of the parameters and the arithmetic (np.float32 trains about twice as fast).
    Returns params and the per-step losses.
    """
    params = seq2seq_init(V, V, E, H, rng, dtype=dtype)
    state = adam_init(params)
    losses, step = [], 0
    while step < steps:
        for b in make_batches(src, tgt, batch_size, rng, bucket=bucket):
            loss, grads = seq2seq_loss(params, b["src"], b["src_mask"], b["tgt"], b["tgt_mask"])
            grads, _ = clip_grad_norm(grads, clip)
            adam_step(params, grads, state, lr)
            losses.append(loss)
            step += 1
            if callback is not None and step % every == 0:
                callback(step, params)
            if step >= steps:
                break
    return params, losses


# ----------------------------------------------------------------------------- plots

def plot_curves(curves, ylabel="accuracy", ax=None, ylim=(0, 1.02)):
    """curves: {label: [(step, value), ...]} -> one line per label against training steps."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(5.5, 3.5))
    for label, pts in curves.items():
        pts = np.asarray(pts, dtype=float)
        ax.plot(pts[:, 0], pts[:, 1], marker="o", ms=3, label=label)
    ax.set_xlabel("training step")
    ax.set_ylabel(ylabel)
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.legend(fontsize=8)
    return ax


def plot_accuracy_by_length(acc, ax=None, label=None):
    """acc: {length: exact-match accuracy} -> bar chart against sequence length."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(5, 3.5))
    ks = sorted(acc)
    ax.bar(ks, [acc[k] for k in ks], label=label)
    ax.set_xlabel("source length (tokens, without EOS)")
    ax.set_ylabel("held-out exact match")
    ax.set_ylim(0, 1.02)
    return ax
