"""The fast paths of the references (issue 17) against plain step-by-step float64 code.

lstm_forward / lstm_backward, the masked encoder and seq2seq_loss compute whole sequences at
once, time first; the checks compare students' float64 answers with them, so they must give
the numbers of lstm_step_forward / lstm_step_backward applied step after step, and keep their
cache usable step by step. The float32 options must stay float32 and close to float64.
"""

import numpy as np
import pytest

from course.reference import nn
from course.reference import rnn as ref
from course.reference import seq2seq as S
from course.reference.gradcheck import numerical_gradient


def _lstm_args(rng, N, T, D, H):
    return (rng.normal(size=(N, T, D)), rng.normal(size=(N, H)), rng.normal(size=(N, H)),
            rng.normal(size=(D, 4 * H)) / np.sqrt(D), rng.normal(size=(H, 4 * H)) / np.sqrt(H),
            rng.normal(size=4 * H))


def _steps_forward(x, h0, c0, Wx, Wh, b, mask=None):
    """lstm_step_forward at every step; where mask (N, T) is False the state is carried."""
    h, c, hs, caches = h0, c0, [], []
    for t in range(x.shape[1]):
        hn, cn, cache = ref.lstm_step_forward(x[:, t], h, c, Wx, Wh, b)
        m = np.ones((x.shape[0], 1), bool) if mask is None else mask[:, t, None]
        h, c = np.where(m, hn, h), np.where(m, cn, c)
        hs.append(h)
        caches.append(cache)
    return np.stack(hs, axis=1), h, c, caches


def _close(a, b, rtol=1e-12):
    np.testing.assert_allclose(a, b, rtol=rtol, atol=rtol * max(1.0, float(np.abs(b).max())))


@pytest.mark.parametrize("N,T,D,H", [(3, 5, 4, 6), (16, 9, 8, 32), (2, 1, 3, 2)])
def test_lstm_forward_backward_equal_the_step_by_step_reference(N, T, D, H):
    rng = np.random.default_rng(N * 100 + H)
    x, h0, c0, Wx, Wh, b = _lstm_args(rng, N, T, D, H)
    h, c, cache = ref.lstm_forward(x, h0, c0, Wx, Wh, b)
    h_steps, h_last, c_last, step_caches = _steps_forward(x, h0, c0, Wx, Wh, b)
    _close(h, h_steps)
    _close(c[:, -1], c_last)
    assert h.flags.c_contiguous and h.dtype == np.float64 and len(cache) == T
    for t in (0, T - 1, -1):                         # the cache still walks step by step
        for got, exp in zip(cache[t], step_caches[t], strict=True):
            _close(got, exp)
    assert len(cache[:2]) == min(2, T)
    with pytest.raises(IndexError):
        cache[T]
    dh, dc_last = rng.normal(size=(N, T, H)), rng.normal(size=(N, H))
    fast = ref.lstm_backward(dh, cache, dc_last)
    plain = ref.lstm_backward(dh, step_caches, dc_last)   # the step-by-step loop
    for got, exp in zip(fast, plain, strict=True):
        assert got.shape == exp.shape
        _close(got, exp)


def _encoder_steps(params, src, mask):
    x = params["E_src"][src]
    z = np.zeros((src.shape[0], params["enc_Wh"].shape[0]))
    _, h, c, caches = _steps_forward(x, z, z, params["enc_Wx"], params["enc_Wh"], params["enc_b"],
                                     mask)
    return h, c, (src, mask, caches, params["E_src"].shape)


def _padded(rng, n, lo, hi, V):
    return S.pad_batch([list(rng.integers(3, V, size=rng.integers(lo, hi + 1))) for _ in range(n)])


def test_masked_encoder_equals_the_step_by_step_reference():
    rng = np.random.default_rng(7)
    params = S.seq2seq_init(11, 11, 5, 6, rng, scale=0.5)
    src, mask = _padded(rng, 7, 1, 6, 11)
    mask[2, 0] = False                               # a hole inside a sequence, not only at its end
    h, c, cache = S.encoder_forward(params, src, mask)
    eh, ec, ecache = _encoder_steps(params, src, mask)
    _close(h, eh)
    _close(c, ec)
    dh, dc = rng.normal(size=h.shape), rng.normal(size=c.shape)
    got, exp = S.encoder_backward(dh, dc, cache), S.encoder_backward(dh, dc, ecache)
    assert set(got) == set(exp)
    for k in exp:
        _close(got[k], exp[k])


def test_seq2seq_loss_matches_central_differences_and_float32_stays_float32():
    rng = np.random.default_rng(3)
    V, E, H = 9, 3, 4
    params = S.seq2seq_init(V, V, E, H, rng, scale=0.5)
    src, sm = _padded(rng, 4, 1, 5, V)
    tgt, tm = _padded(rng, 4, 1, 4, V)
    loss, grads = S.seq2seq_loss(params, src, sm, tgt, tm)
    assert set(grads) == set(params) and isinstance(loss, float)
    for k in ("enc_Wh", "E_src", "dec_Wx", "W_out"):
        num = numerical_gradient(lambda w, k=k: S.seq2seq_loss({**params, k: w}, src, sm, tgt, tm)[0],
                                 params[k].copy())
        _close(grads[k], num, rtol=1e-6)
    p32 = {k: v.astype(np.float32) for k, v in params.items()}
    loss32, g32 = S.seq2seq_loss(p32, src, sm, tgt, tm)
    assert abs(loss32 - loss) < 1e-5 * abs(loss)
    for k in params:
        assert g32[k].dtype == np.float32, k
        np.testing.assert_allclose(g32[k], grads[k], rtol=1e-3, atol=1e-5)


def test_adam_step_in_place_gives_the_textbook_update():
    rng = np.random.default_rng(0)
    p = {"w": rng.normal(size=(3, 4))}
    state = S.adam_init(p)
    m, v, w = np.zeros((3, 4)), np.zeros((3, 4)), p["w"].copy()
    for t in range(1, 4):
        g = rng.normal(size=(3, 4))
        S.adam_step(p, {"w": g}, state, 0.01)
        m = 0.9 * m + (1 - 0.9) * g
        v = 0.999 * v + (1 - 0.999) * g**2
        w -= 0.01 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        np.testing.assert_array_equal(p["w"], w)
    assert state["t"] == 3


def test_train_seq2seq_float32_trains_in_float32():
    (s, t), _, V = _reverse_task()
    params, losses = S.train_seq2seq(s, t, V, np.random.default_rng(0), steps=40, E=8, H=16,
                                     dtype=np.float32)
    assert all(p.dtype == np.float32 for p in params.values())
    assert np.mean(losses[-5:]) < 0.8 * np.mean(losses[:5])


def _reverse_task():
    src, tgt = S.make_task("reverse", 200, np.random.default_rng(0), min_len=2, max_len=4,
                           n_symbols=5)
    stoi, itos = S.make_vocab(src + tgt)
    return S.encode_pairs(src, tgt, stoi), None, len(itos)


@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_mlp_backward_equals_layer_by_layer_and_float32_stays_float32(activation):
    rng = np.random.default_rng(1)
    params = nn.mlp_init([5, 7, 6, 3], rng)
    x, y = rng.normal(size=(8, 5)), rng.integers(0, 3, size=8)
    scores, caches = nn.mlp_forward(params, x, activation)
    _, d = nn.softmax_cross_entropy(scores, y)
    grads = nn.mlp_backward(d, caches, activation)
    act_back = nn.ACTIVATIONS[activation][1]
    for i in range(3, 0, -1):                        # every layer through linear_backward
        lin, a = caches[i - 1]
        d = act_back(d, a) if i < 3 else d
        d, gW, gb = nn.linear_backward(d, lin)
        np.testing.assert_array_equal(grads[f"W{i}"], gW)
        np.testing.assert_array_equal(grads[f"b{i}"], gb)
    p32 = nn.mlp_init([5, 7, 6, 3], np.random.default_rng(1), dtype=np.float32)
    for k in params:
        assert p32[k].dtype == np.float32
        np.testing.assert_allclose(p32[k], params[k], rtol=1e-6)
    s32, c32 = nn.mlp_forward(p32, x.astype(np.float32), activation)
    g32 = nn.mlp_backward(nn.softmax_cross_entropy(s32, y)[1], c32, activation)
    for k in grads:
        assert g32[k].dtype == np.float32
        np.testing.assert_allclose(g32[k], grads[k], rtol=1e-4, atol=1e-6)
