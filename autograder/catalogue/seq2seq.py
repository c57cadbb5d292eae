"""Mistakes students make in module 06, each an edit of solutions/06_seq2seq/06_seq2seq.py,
and correct variants (task "") that must pass every task."""

from autograder.catalogue import Scenario, as_variants, named
from autograder.catalogue.design3_seq2seq import SCENARIOS as DESIGN3
from autograder.catalogue.design3_seq2seq import VARIANTS as VARIANTS3
from autograder.catalogue.heldout2_seq2seq import SCENARIOS as HELD_OUT2
from autograder.catalogue.heldout3_seq2seq import SCENARIOS as HELD_OUT3
from autograder.catalogue.heldout4_seq2seq import SCENARIOS as HELD_OUT4
from autograder.catalogue.heldout4_seq2seq import VARIANTS as VARIANTS4
from autograder.catalogue.heldout5_seq2seq import SCENARIOS as HELD_OUT5
from autograder.catalogue.heldout5_seq2seq import VARIANTS as VARIANTS5
from autograder.catalogue.heldout6_seq2seq import SCENARIOS as HELD_OUT6
from autograder.catalogue.heldout6_seq2seq import VARIANTS as VARIANTS6
from autograder.catalogue.heldout7_seq2seq import SCENARIOS as HELD_OUT7
from autograder.catalogue.heldout7_seq2seq import VARIANTS as VARIANTS7
from autograder.catalogue.heldout8_seq2seq import SCENARIOS as HELD_OUT8
from autograder.catalogue.heldout8_seq2seq import VARIANTS as VARIANTS8
from autograder.catalogue.heldout9_seq2seq import SCENARIOS as HELD_OUT9
from autograder.catalogue.heldout9_seq2seq import VARIANTS as VARIANTS9
from autograder.catalogue.heldout10_seq2seq import SCENARIOS as HELD_OUT10
from autograder.catalogue.heldout10_seq2seq import VARIANTS as VARIANTS10
from autograder.catalogue.heldout11_seq2seq import SCENARIOS as HELD_OUT11
from autograder.catalogue.heldout11_seq2seq import VARIANTS as VARIANTS11
from autograder.catalogue.heldout12_seq2seq import SCENARIOS as HELD_OUT12
from autograder.catalogue.heldout12_seq2seq import VARIANTS as VARIANTS12
from autograder.catalogue.heldout13_seq2seq import SCENARIOS as HELD_OUT13
from autograder.catalogue.heldout13_seq2seq import VARIANTS as VARIANTS13
from autograder.catalogue.heldout14_seq2seq import SCENARIOS as HELD_OUT14
from autograder.catalogue.heldout14_seq2seq import VARIANTS as VARIANTS14
from autograder.catalogue.heldout15_seq2seq import SCENARIOS as HELD_OUT15
from autograder.catalogue.heldout15_seq2seq import VARIANTS as VARIANTS15
from autograder.catalogue.heldout16_seq2seq import SCENARIOS as HELD_OUT16
from autograder.catalogue.heldout16_seq2seq import VARIANTS as VARIANTS16
from autograder.catalogue.heldout17_seq2seq import SCENARIOS as HELD_OUT17
from autograder.catalogue.heldout17_seq2seq import VARIANTS as VARIANTS17
from autograder.catalogue.heldout18_seq2seq import SCENARIOS as HELD_OUT18
from autograder.catalogue.heldout18_seq2seq import VARIANTS as VARIANTS18
from autograder.catalogue.heldout19_seq2seq import SCENARIOS as HELD_OUT19
from autograder.catalogue.heldout19_seq2seq import VARIANTS as VARIANTS19
from autograder.catalogue.heldout20_seq2seq import SCENARIOS as HELD_OUT20
from autograder.catalogue.heldout20_seq2seq import VARIANTS as VARIANTS20
from autograder.catalogue.heldout21_seq2seq import SCENARIOS as HELD_OUT21
from autograder.catalogue.heldout21_seq2seq import VARIANTS as VARIANTS21
from autograder.catalogue.heldout22_seq2seq import SCENARIOS as HELD_OUT22
from autograder.catalogue.heldout22_seq2seq import VARIANTS as VARIANTS22
from autograder.catalogue.heldout23_seq2seq import SCENARIOS as HELD_OUT23
from autograder.catalogue.heldout23_seq2seq import VARIANTS as VARIANTS23
from autograder.catalogue.heldout_seq2seq import SCENARIOS as HELD_OUT

SCENARIOS = [
    Scenario("unknown-token-not-unk", "6.1",
             {"ids = [stoi.get(t, UNK) for t in tokens] + [EOS]":
              "ids = [stoi[t] for t in tokens] + [EOS]"}, "stoi.get(t, UNK)"),
    Scenario("no-eos-appended", "6.1",
             {"ids = [stoi.get(t, UNK) for t in tokens] + [EOS]":
              "ids = [stoi.get(t, UNK) for t in tokens]"}, "append EOS"),
    Scenario("mask-inverted", "6.2",
             {"mask = np.zeros((len(seqs), T), dtype=bool)":
              "mask = np.ones((len(seqs), T), dtype=bool)",
              "mask[i, :len(s)] = True": "mask[i, :len(s)] = False"}, "True on real tokens"),
    Scenario("loader-drops-last-short-batch", "6.3",
             {"for i in range(0, len(order), batch_size)]":
              "for i in range(0, len(order) - batch_size + 1, batch_size)]"},
             "the last, short batch was dropped"),
    Scenario("loader-uses-global-rng", "6.3",
             {"order = rng.permutation(len(src))": "order = np.random.permutation(len(src))"},
             "never np.random"),
    Scenario("teacher-forcing-off-by-one", "6.4",
             {"dec_in[:, 1:] = tgt[:, :-1]": "dec_in[:, 1:] = tgt[:, 1:]"},
             "must be target t-1"),
    Scenario("loss-not-masked", "6.5",
             {"m = mask.astype(np.float64)\n    count": "m = np.ones(mask.shape)\n    count"},
             "padded positions count in your loss"),
    Scenario("encoder-ignores-mask", "6.6",
             {"h = np.where(m, h_new, h)\n        c = np.where(m, c_new, c)":
              "h, c = h_new, c_new"}, "keep the state unchanged"),
    Scenario("encoder-state-not-passed", "6.7",
             {"lstm_forward(x, h0, c0, params[\"dec_Wx\"]":
              "lstm_forward(x, 0 * h0, 0 * c0, params[\"dec_Wx\"]"},
             "does not start from the encoder's final state"),
    Scenario("no-gradient-into-encoder", "6.7",
             {"grads.update(encoder_backward(dh0, dc0, enc_cache))":
              "grads.update(encoder_backward(0 * dh0, 0 * dc0, enc_cache))"},
             "send the decoder's dh0, dc0 back"),
    Scenario("greedy-does-not-stop-at-eos", "6.8",
             {"out[:, t] = np.where(done, PAD, prev)": "out[:, t] = prev"},
             "write PAD after it"),
    Scenario("beam-compares-unnormalised-scores", "6.9",
             {"key=lambda f: f[1] / len(f[0]))": "key=lambda f: f[1])"},
             "compare logp / len"),
    Scenario("pad-counted-in-accuracy", "6.10",
             {"token = right.sum() / tgt_mask.sum()": "token = np.mean(p == tgt)"},
             "PAD positions count as correct"),
    Scenario("update-never-applied", "6.11",
             {"            adam_step(params, grads, state, lr)\n":
              "            pass\n"}, "is each step's gradient applied"),
]

VARIANTS = [
    Scenario("pad-batch-vectorised", "", {
        """    T = max(len(s) for s in seqs)
    ids = np.full((len(seqs), T), pad, dtype=np.int64)
    mask = np.zeros((len(seqs), T), dtype=bool)
    for i, s in enumerate(seqs):
        ids[i, :len(s)] = s
        mask[i, :len(s)] = True
""": """    lengths = np.array([len(s) for s in seqs])
    mask = np.arange(lengths.max())[None, :] < lengths[:, None]
    ids = np.full(mask.shape, pad, dtype=np.int64)
    ids[mask] = np.concatenate([np.asarray(s, dtype=np.int64) for s in seqs])
"""}),
    Scenario("loader-shuffle-in-place-python-sort", "", {
        """    order = rng.permutation(len(src))
    if bucket:
        lengths = np.array([len(src[i]) for i in order])
        order = order[np.argsort(lengths, kind="stable")]
    chunks = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    if bucket:
        chunks = [chunks[k] for k in rng.permutation(len(chunks))]
""": """    perm = np.arange(len(src))
    rng.shuffle(perm)
    if bucket:
        perm = np.array(sorted(perm, key=lambda j: len(src[j])), dtype=np.int64)
    n_batches = -(-len(perm) // batch_size)
    chunks = [perm[k * batch_size:(k + 1) * batch_size] for k in range(n_batches)]
    if bucket:
        rng.shuffle(chunks)
"""}),
    Scenario("masked-ce-take-along-axis", "", {
        """    n_idx, t_idx = np.indices(targets.shape)
    loss = -np.sum(logp[n_idx, t_idx, targets] * m) / count
    dlogits = np.exp(logp)
    dlogits[n_idx, t_idx, targets] -= 1
    dlogits *= (m / count)[:, :, None]
""": """    picked = np.take_along_axis(logp, targets[..., None], axis=-1)[..., 0]
    loss = float(-(picked * m).sum() / count)
    onehot = np.eye(logits.shape[-1])[targets]
    dlogits = np.einsum("ntv,nt->ntv", np.exp(logp) - onehot, m) / count
"""}),
    Scenario("encoder-arithmetic-mask-own-cache", "", {
        """        h = np.where(m, h_new, h)
        c = np.where(m, c_new, c)
        steps.append(step)
    cache = (src, src_mask, steps, params)""": """        keep = m.astype(float)
        h = keep * h_new + (1.0 - keep) * h
        c = keep * c_new + (1.0 - keep) * c
        steps.append((step, keep))
    cache = {"src": src, "steps": steps, "params": params}""",
        """    src, src_mask, steps, params = cache
    grads = {k: np.zeros_like(params[k]) for k in ("E_src", "enc_Wx", "enc_Wh", "enc_b")}
    for t in reversed(range(src.shape[1])):
        m = src_mask[:, t, None]
        dx, dh_prev, dc_prev, dWx, dWh, db = lstm_step_backward(dh * m, dc * m, steps[t])
        grads["enc_Wx"] += dWx
        grads["enc_Wh"] += dWh
        grads["enc_b"] += db
        np.add.at(grads["E_src"], src[:, t], dx)
        dh = np.where(m, dh_prev, dh)
        dc = np.where(m, dc_prev, dc)
""": """    src, params = cache["src"], cache["params"]
    dWx, dWh, db = 0.0, 0.0, 0.0
    dE = np.zeros_like(params["E_src"])
    for t, (step, keep) in reversed(list(enumerate(cache["steps"]))):
        dx, dh_prev, dc_prev, a, b_, c_ = lstm_step_backward(keep * dh, keep * dc, step)
        dWx, dWh, db = dWx + a, dWh + b_, db + c_
        for n in range(src.shape[0]):
            dE[src[n, t]] += dx[n]
        dh = keep * dh_prev + (1.0 - keep) * dh
        dc = keep * dc_prev + (1.0 - keep) * dc
    grads = {"E_src": dE, "enc_Wx": dWx, "enc_Wh": dWh, "enc_b": db}
"""}),
    Scenario("loss-tensordot-and-loops", "", {
        'grads = {"W_out": np.einsum("nth,ntv->hv", h, dlogits),':
        'grads = {"W_out": np.tensordot(h, dlogits, axes=([0, 1], [0, 1])),',
        'dh = dlogits @ params["W_out"].T': 'dh = np.einsum("ntv,hv->nth", dlogits, params["W_out"])',
        """    grads["E_tgt"] = np.zeros_like(params["E_tgt"])
    np.add.at(grads["E_tgt"], dec_in, dx)""": """    dE_tgt = np.zeros(params["E_tgt"].shape)
    for v in np.unique(dec_in):
        dE_tgt[v] = dx[dec_in == v].sum(axis=0)
    grads["E_tgt"] = dE_tgt"""}),
    Scenario("greedy-per-example-loop", "", {
        """    N = src.shape[0]
    out = np.full((N, max_len), PAD, dtype=np.int64)
    logp = np.zeros(N)
    prev = np.full(N, BOS)
    done = np.zeros(N, dtype=bool)
    for t in range(max_len):
        lp, h, c = decoder_step(params, prev, h, c)
        prev = lp.argmax(axis=1)
        out[:, t] = np.where(done, PAD, prev)
        logp += np.where(done, 0.0, lp[np.arange(N), prev])
        done = done | (prev == EOS)
        if done.all():
            break
""": """    N = src.shape[0]
    out = np.zeros((N, max_len), dtype=np.int64)
    logp = np.zeros(N)
    for n in range(N):
        hn, cn, token = h[n:n + 1], c[n:n + 1], BOS
        for t in range(max_len):
            scores, hn, cn = decoder_step(params, np.array([token]), hn, cn)
            token = int(np.argmax(scores[0]))
            out[n, t] = token
            logp[n] += scores[0].max()
            if token == EOS:
                break
"""}),
    Scenario("beam-python-sorted-candidates", "", {
        """        total = np.array([b[1] for b in live])[:, None] + lp
        best = np.argsort(-total, axis=None, kind="stable")[:beam_width]
        new = []
        for k in best:
            b, v = divmod(int(k), total.shape[1])
            cand = (live[b][0] + [v], float(total[b, v]), hs[b], cs[b])
""": """        cands = [(live[b][1] + float(lp[b, v]), b, v) for b in range(len(live))
                 for v in range(lp.shape[1])]
        cands.sort(key=lambda x: -x[0])
        new = []
        for score, b, v in cands[:beam_width]:
            cand = (live[b][0] + [v], score, hs[b], cs[b])
"""}),
    Scenario("accuracy-loops", "", {
        """    N, T = tgt.shape
    p = np.full((N, T), PAD)
    k = min(T, pred.shape[1])
    p[:, :k] = pred[:, :k]
    right = (p == tgt) & tgt_mask
    exact = np.mean(np.all(right | ~tgt_mask, axis=1))
    token = right.sum() / tgt_mask.sum()
""": """    n_right, n_tokens, n_exact = 0, 0, 0
    for i in range(tgt.shape[0]):
        ok = True
        for t in range(tgt.shape[1]):
            if not tgt_mask[i, t]:
                continue
            hit = t < pred.shape[1] and pred[i, t] == tgt[i, t]
            n_right += hit
            n_tokens += 1
            ok = ok and hit
        n_exact += ok
    exact = n_exact / tgt.shape[0]
    token = n_right / n_tokens
"""}),
]

# New mistakes (issue 14), the half the diagnosers were designed on.
SCENARIOS += [
    Scenario('beam-length-without-eos', '6.9', {
        'key=lambda f: f[1] / len(f[0]))':
            'key=lambda f: f[1] / max(1, len(f[0]) - (f[0][-1] == EOS)))',
    }, 'counts EOS'),
    Scenario('beam-finished-stay-live', '6.9', {
        '            if v == EOS:\n                finished.append(cand)\n'
        '            else:\n                new.append(cand)':
            '            if v == EOS:\n                finished.append(cand)\n'
            '            new.append(cand)',
    }, 'it leaves the beam'),
    Scenario('loader-bucket-batches-in-length-order', '6.3', {
        '        chunks = [chunks[k] for k in rng.permutation(len(chunks))]':
            '        chunks = list(chunks)',
    }, 'random order'),
    Scenario('ids-to-tokens-continues-after-eos', '6.1', {
        'if i == EOS:\n            break':
            'if i == EOS:\n            continue',
    }, 'stop at the first EOS'),
    Scenario('greedy-logp-grows-after-eos', '6.8', {
        'logp += np.where(done, 0.0, lp[np.arange(N), prev])':
            'logp += lp[np.arange(N), prev]',
    }, 'stop adding once a sequence is finished'),
    Scenario('loader-buckets-by-target-length', '6.3', {
        'lengths = np.array([len(src[i]) for i in order])':
            'lengths = np.array([len(tgt[i]) for i in order])',
    }, 'source length'),
]

# New correct variants (issue 14).
VARIANTS += [
    Scenario('ids-to-tokens-index-of-eos', '', {
        '    tokens = []\n    for i in ids:\n        if i == EOS:\n'
        '            break\n        if i != PAD and i != BOS:\n'
        '            tokens.append(itos[i])':
            '    ids = [int(i) for i in ids]\n'
            '    end = ids.index(EOS) if EOS in ids else len(ids)\n'
            '    tokens = [itos[i] for i in ids[:end] if i not in (PAD, BOS)]',
    }),
    Scenario('shift-right-concatenate', '', {
        '    dec_in = np.empty_like(tgt)\n    dec_in[:, 0] = bos\n'
        '    dec_in[:, 1:] = tgt[:, :-1]':
            '    dec_in = np.concatenate([np.full((tgt.shape[0], 1), bos, dtype=tgt'
            '.dtype), tgt[:, :-1]], axis=1)',
    }),
    Scenario('train-step-counter-loop', '', {
        '    while len(losses) < steps:\n        for batch in make_batches':
            '    for _epoch in range(10**6):\n        if len(losses) >= steps:\n'
            '            break\n        for batch in make_batches',
    }),
]

# The held-out half of the new mistakes (issue 14), measured before it was merged here.
SCENARIOS += HELD_OUT

# Issue 14, second batch: the design half (the held-out half is in heldout2_seq2seq.py).
SCENARIOS += [
    Scenario('mask-one-short', '6.2', {
        'mask[i, :len(s)] = True':
            'mask[i, :len(s) - 1] = True',
    }, '1 fewer 1s'),
    Scenario('shift-right-global-bos', '6.4', {
        'dec_in[:, 0] = bos\n    dec_in[:, 1:]':
            'dec_in[:, 0] = BOS\n    dec_in[:, 1:]',
    }, 'the argument bos'),
    Scenario('masked-ce-grad-not-divided', '6.5', {
        'dlogits *= (m / count)[:, :, None]':
            'dlogits *= m[:, :, None]',
    }, 'M (the number of real tokens)'),
    Scenario('encoder-embedding-grad-fancy-index', '6.6', {
        'np.add.at(grads["E_src"], src[:, t], dx)':
            'grads["E_src"][src[:, t]] += dx',
    }, 'np.add.at(E_src'),
    Scenario('loss-embedding-grad-unshifted', '6.7', {
        'np.add.at(grads["E_tgt"], dec_in, dx)':
            'np.add.at(grads["E_tgt"], tgt, dx)',
    }, 'row of the target token'),
    Scenario('greedy-starts-with-eos', '6.8', {
        'prev = np.full(N, BOS)':
            'prev = np.full(N, EOS)',
    }, 'first decoder input is EOS'),
    Scenario('accuracy-exact-wrong-axis', '6.10', {
        'np.all(right | ~tgt_mask, axis=1)':
            'np.all(right | ~tgt_mask, axis=0)',
    }, 'np.all over the wrong axis'),
]

VARIANTS += [
    Scenario('bias-grad-summed-twice', "", {
        '"b_out": dlogits.sum(axis=(0, 1))':
            '"b_out": dlogits.sum(axis=0).sum(axis=0)',
    }),
    Scenario('greedy-logp-from-max', "", {
        'logp += np.where(done, 0.0, lp[np.arange(N), prev])':
            'logp += np.where(done, 0.0, lp.max(axis=1))',
    }),
]

# The second held-out half (issue 14), measured before it was merged: those whose
# feedback now names the cause.
SCENARIOS += [s for s in HELD_OUT2 if s.hint]

# Third batch (issue 14, third session): written blind by another author, half measured as
# held out (heldout3_*.py) after the design half (design3_*.py). The mistakes whose feedback
# names the cause are merged with the phrase it shows; no notebook forbids a function to
# change an argument in place, so those edits are correct variants.
HINTS3 = {
    'shift-right-keeps-last-token':
        "dec_in keeps the target's length T: drop the last target token",
    'greedy-source-mask-ignored':
        'ignoring the argument `src_mask` (as if it were all ones or True)',
    'encoder-backward-forward-order':
        'with `reversed(range(src.shape[1]))` written as `range(src.shape[1])`',
    'masked-ce-grad-not-masked':
        'dlogits is not zero at padded positions: multiply it by the mask',
    'pad-batch-ignores-pad-argument':
        'ignoring the argument `pad` (its default PAD used instead)',
    'loss-output-weight-grad-transposed':
        "with `np.einsum('nth,ntv->hv', h, dlogits)` written as `np.einsum('nth",
    'loss-output-bias-grad-averaged':
        'with `dlogits.sum(axis=(0, 1))` written as `dlogits.mean(axis=(0, 1))`',
    'greedy-state-not-advanced':
        'with `h`, `c` not updated by `decoder_step(params, prev, h, c)`',
    'loss-decoder-reads-targets':
        "with `params['E_tgt'][dec_in]` written as `params['E_tgt'][tgt]`",
    'pad-batch-left-padding':
        'pad on the right: the sequence starts at column 0',
    'greedy-done-before-write':
        'with `logp += np.where(done, 0.0, lp[np.ara...` and `done = done | (pr',
    'tokens-eos-first':
        'with `[stoi.get(t, UNK) for t in tokens] + [EOS]` written as `[EOS] + ',
    'encoder-backward-gradient-through-padding':
        'without the factor `m` at its 2 places',
}
IN_PLACE3: set[str] = set()
SCENARIOS += named(DESIGN3 + HELD_OUT3, HINTS3)
VARIANTS += as_variants(VARIANTS3) + as_variants(DESIGN3 + HELD_OUT3, IN_PLACE3)

# Fourth batch: written blind, held out whole, measured once, merged like the third.
HINTS4 = {
    'ids-to-tokens-keeps-eos':
        'stop at the first EOS: what follows it is not part of the sequence',
    'bucket-shuffles-inside-batches':
        'after cutting the length-sorted order into batches, shuffle the list o',
    'masked-ce-loss-mean-over-all-positions':
        'you divide the loss by all N*T = 16 cells',
    'encoder-uses-decoder-weights':
        'with every `enc_...` entry read as `dec_...`',
    'greedy-done-not-carried':
        'with `done | (prev == EOS)` written as `prev == EOS`',
    'beam-keeps-lowest-scores':
        "with `np.argsort(-total, axis=None, kind='stable')` written as `np.arg",
}
SCENARIOS += named(HELD_OUT4, HINTS4)
VARIANTS += as_variants(VARIANTS4)

# Fifth batch: the same, measured once with the final diagnoser.
HINTS5 = {
    'ids-to-tokens-or-for-and':
        'with `i != PAD and i != BOS` written as `i != PAD or i != BOS`',
    'bucket-lengths-not-permuted':
        'with bucket=True sort the shuffled order by source length before cutti',
    'encoder-mask-zeroes-state':
        'with `np.where(m, h_new, h)` written as `np.where(m, h_new, m)`',
    'loss-encoder-gets-dh-as-dc':
        'with `encoder_backward(dh0, dc0, enc_cache)` written as `encoder_backw',
    'greedy-stops-when-any-done':
        'with `done.all()` written as `done.any()`',
}
SCENARIOS += named(HELD_OUT5, HINTS5)
VARIANTS += as_variants(VARIANTS5)

# Sixth batch (issue 14, fourth session): written blind, measured once; the mistakes
# whose feedback names the cause, with the phrase it shows (after the design that
# followed the measurement).
HINTS6 = {
    'pad-batch-extra-column':
        'with `max((len(s) for s in seqs))` written as `max((len(s) for s in seqs)) + 1`',
    'bucket-sorted-lengths-as-indices':
        "with `order[np.argsort(lengths, kind='stable')]` written as `order[np.sort(lengths",
    'masked-ce-unshifted-logits-in-normaliser':
        'with `np.exp(z).sum(axis=2, keepdims=True)` written as `np.exp(logits).sum(axis=2, keepdims=True)`',
    'encoder-backward-no-embedding-grad':
        "without `np.add.at(grads['E_src'], src[:, t], dx)`",
    'loss-decoder-embeds-with-source-table':
        "with `params['E_tgt'][dec_in]` written as `params['E_src'][dec_in]`",
    'greedy-eos-logp-not-counted':
        'with `logp += np.where(done, 0.0, lp[np.ara...` and `done = done | (prev == EOS)`',
    'accuracy-token-mean-of-sequence-rates':
        'with `right.sum() / tgt_mask.sum()` written as `np.mean(right.sum(axis=1) / tgt_mask.sum(axis=1))`',
    'train-batches-built-once':
        'computed once, before the loop `while len(losses) < steps:`',
}
SCENARIOS += named(HELD_OUT6, HINTS6)
VARIANTS += as_variants(VARIANTS6)

# Seventh batch (issue 14, fourth session): written blind, measured once; the mistakes
# whose feedback names the cause, with the phrase it shows (after the design that
# followed the measurement).
HINTS7 = {
    'pad-batch-mask-default-float':
        'mask = ids-array-shaped bools',
    'loader-target-padded-from-source':
        'with `pad_batch([tgt[i] for i in idx])` written as `pad_batch([src[i] for i in idx])`',
    'masked-ce-grad-subtracts-at-every-target-id':
        'with `dlogits[n_idx, t_idx, targets]` written as `dlogits[:, :, targets]`',
    'encoder-backward-bias-grad-not-accumulated':
        "without the step that sets `grads['enc_b']` there",
    'loss-scored-against-decoder-inputs':
        'with `masked_cross_entropy(logits, tgt, tgt_mask)` written as `masked_cross_entropy(logits, dec_in',
    'greedy-prediction-not-fed-back':
        'with `prev = np.full(N, BOS)` redone at every step of the loop',
    'accuracy-token-over-all-positions':
        'with `right.sum() / tgt_mask.sum()` written as `right.sum() / tgt_mask.size`',
    'train-adam-state-reset-each-epoch':
        'with `state = adam_init(params)` redone at every step of the loop',
}
SCENARIOS += named(HELD_OUT7, HINTS7)
VARIANTS += as_variants(VARIANTS7)

# Eighth batch (issue 14, fourth session): written blind, measured once; the mistakes
# whose feedback names the cause, with the phrase it shows (after the design that
# followed the measurement).
HINTS8 = {
    'loader-bucket-flag-inverted':
        'with bucket=True sort the shuffled order by source length',
    'masked-ce-targets-gathered-with-slices':
        'with `logp[n_idx, t_idx, targets] * m` written as `logp[:, :, targets] * m`',
    'encoder-mask-without-state-axis':
        'with `~np.asarray(mask, dtype=bool)[..., None]` written as',
    'loss-output-bias-grad-summed-over-batch-only':
        'with `dlogits.sum(axis=(0, 1))` written as `dlogits.sum(axis=0)`',
    'greedy-tokens-written-after-eos':
        'write PAD after it',
    'accuracy-prediction-length-not-capped':
        'raises the same error as the correct code would with `min(T, pred.shape[1])` written as',
    'train-steps-overshoot-to-epoch-end':
        'without `if len(losses) == steps:`',
}
SCENARIOS += named(HELD_OUT8, HINTS8)
VARIANTS += as_variants(VARIANTS8)

# Batch 6: named since the fifth session by the line where the function goes wrong
# (autograder/locate.py), designed on after its measurement.
LOCATED6 = {
    'unknown-token-mapped-to-pad':
        'never computes is `[stoi.get(t, PAD) for t in tokens] + [EOS]',
}
SCENARIOS += named(HELD_OUT6, LOCATED6)

# Batch 7: named since the fifth session by the line where the function goes wrong
# (autograder/locate.py), designed on after its measurement.
LOCATED7 = {
    'shift-right-along-batch-axis':
        'never computes is `tgt[:-1]',
    'beam-appends-to-parent-token-list':
        'never computes is `live[b][0]',
}
SCENARIOS += named(HELD_OUT7, LOCATED7)

# Batch 8: named since the fifth session by the line where the function goes wrong
# (autograder/locate.py), designed on after its measurement.
LOCATED8 = {
    'tokens-to-ids-eos-looked-up-as-token':
        'never computes is `ids',
}
SCENARIOS += named(HELD_OUT8, LOCATED8)

# Ninth batch (issue 14, fifth session): written blind, measured once; the mistakes whose
# feedback names the cause, with the phrase it shows.
HINTS9 = {
    'masked-ce-loss-sign-dropped':
        'with `-np.sum(logp[n_idx, t_idx, targets] * m) / count` writ',
    'loss-output-weight-grad-last-step-only':
        'never computes is `h[:, -1].T',
    'greedy-decoder-state-unpacked-c-then-h':
        'with `h` and `c` swapped where they are unpacked: values unp',
    'beam-feeds-first-token':
        'with `[toks[-1] if toks else BOS for toks, _, _, _ in live]`',
    'accuracy-exact-any-position':
        'never computes is `np.mean(np.any(right | ~tgt_mask, axis=1))',
    'train-targets-shifted-before-loss':
        "never computes is `shift_right(batch['tgt'])",
}
SCENARIOS += named(HELD_OUT9, HINTS9)
VARIANTS += as_variants(VARIANTS9)

# Tenth batch (issue 14, fifth session): written blind, measured once after the second
# design round; the mistakes whose feedback names the cause, with the phrase it shows.
HINTS10 = {
    'pad-batch-mask-one-past-end':
        'with `mask[i, :len(s)]` written as `mask[i, :len(s) + 1]`: a',
    'loader-order-never-shuffled':
        'shuffle the examples (and, with bucketing, the order of the batches)',
    'shift-right-bos-at-end':
        'you shifted left: the decoder input at step t must be target t-1, not',
    'masked-ce-max-shift-over-time':
        'axis=1 where axis=2 belongs: reduced over the wrong axis',
    'encoder-backward-padding-blocks-gradient':
        'at a padded step the gradient must pass through to the previous state',
    'loss-decoder-initial-states-swapped':
        "with `lstm_forward(x, h0, c0, params['dec_Wx'], params['dec_",
    'greedy-fills-eos-after-end':
        'with `np.where(done, PAD, prev)` written as `np.where(done,',
    'beam-returns-length-normalised-score':
        'never computes is `best[1] / len(best[0])',
    'accuracy-token-over-predicted-tokens':
        'never computes is `p != PAD',
}
SCENARIOS += named(HELD_OUT10, HINTS10)
VARIANTS += as_variants(VARIANTS10)

# Eleventh batch (issue 14, fifth session): written blind, measured once on the tree batch
# 10 was measured on (a confirmation); the mistakes whose feedback names the cause.
HINTS11 = {
    'pad-batch-ids-recreated-for-each-row':
        'with `ids = np.full((len(seqs), T), pad, dtype=np.int64)` re',
    'masked-ce-grad-from-unnormalised-exponentials':
        'with `np.exp(logp)` written as `np.exp(z)`: `logp` is `z - n',
    'encoder-padded-step-keeps-hidden-as-cell':
        'with `np.where(m, c_new, c)` written as `np.where(m, c_new,',
    'loss-logits-without-output-bias':
        "with `h @ params['W_out'] + params['b_out']` written as `h @",
    'greedy-log-taken-of-log-probabilities':
        'never computes is `np.log(lp[np.arange(N), prev])',
    'accuracy-exact-count-not-fraction':
        'with `np.mean(np.all(right | ~tgt_mask, axis=1))` written as',
}
SCENARIOS += named(HELD_OUT11, HINTS11)
VARIANTS += as_variants(VARIANTS11)

# Batches 10 and 11 again: the mistakes whose feedback names the cause only after the
# sixth session's design round, which was designed on them (so no part of a measure).
DESIGNED10 = {
    'train-loss-overwritten-by-clip-norm':
        'with `loss` where `_` is unpacked from `clip_grad_norm(grads, clip)`',
}
SCENARIOS += named(HELD_OUT10, DESIGNED10)
DESIGNED11 = {
    'tokens-to-ids-returns-result-of-append':
        'keeps the result of `.append(...)`',
    'loader-source-and-target-masks-swapped':
        'the values of `src_mask` and `tgt_mask` are swapped',
    'beam-strips-final-eos':
        '`tokens = tokens[:-1]` (its first value the correct code never computes is `tokens[:-1]`',
}
SCENARIOS += named(HELD_OUT11, DESIGNED11)

# Twelfth batch (issue 14, sixth session): written blind, measured once after the sixth
# session's first design round; the mistakes whose feedback named the cause then.
HINTS12 = {
    'masked-ce-mask-applied-before-one-hot':
        'goes wrong in line 13: `dlogits = np.exp(logp) * m[:, :, None]',
    'loss-encoder-gets-first-decoder-output-gradient':
        'goes wrong in line 18: `grads.update(encoder_backward(dh[:, 0]',
    'greedy-logp-scored-before-argmax':
        'goes wrong in line 16: `logp += np.where(done, 0.0, lp[np.aran',
    'train-adam-state-fresh-every-step':
        'goes wrong in line 15: `adam_step(params, grads, adam_init(par',
}
SCENARIOS += named(HELD_OUT12, HINTS12)
VARIANTS += as_variants(VARIANTS12)
# ... and those named only after the second design round, which was designed on them.
DESIGNED12 = {
    'tokens-to-ids-adds-unknown-to-vocab':
        'to its argument `stoi`, which the correct code leaves as it is',
    'accuracy-exact-over-whole-batch':
        'or an `all` or `==` over too much',
}
SCENARIOS += named(HELD_OUT12, DESIGNED12)
# ... and those named only after the seventh session's design round, also designed on them.
DESIGNED12B = {
    'pad-batch-rows-sorted-by-length':
        'ids has the right rows in another order',
    'encoder-where-branches-reversed':
        'is not the one the correct code gives it at that pass',
}
SCENARIOS += named(HELD_OUT12, DESIGNED12B)

# Thirteenth batch (issue 14, seventh session): written blind, measured once after the seventh
# session's first design round; the mistakes whose feedback named the cause then.
HINTS13 = {
    'shift-right-bos-never-written':
        'your shift_right behaves like the correct code without the step ',
    'masked-ce-grad-from-log-probabilities':
        'your masked_cross_entropy behaves like the correct code with `np',
    'encoder-backward-carry-never-updated':
        'your encoder_backward behaves like the correct code with the loo',
    'loss-target-embedding-grad-by-fancy-index':
        'dE_tgt: a token that occurs twice in one step gets its gradient ',
    'greedy-loop-one-step-short':
        'your greedy_decode behaves like the correct code with `range(max',
    'beam-scores-multiplied':
        'your beam_search behaves like the correct code with `+` written ',
    'train-batch-size-hard-coded':
        'your train_seq2seq behaves like the correct code ignoring the ar',
}
SCENARIOS += named(HELD_OUT13, HINTS13)
VARIANTS += as_variants(VARIANTS13)
# ... and those named only after the second design round, which was designed on them.
DESIGNED13 = {
    'ids-to-tokens-skips-first-id-as-bos':
        'your tokens miss the first one: ids need not start with BOS (a d',
    'pad-batch-mask-from-default-pad-id':
        'the mask marks the real tokens whatever the padding value: build',
    'loader-order-drawn-with-replacement':
        'some examples come twice and others never, as when the order is ',
}
SCENARIOS += named(HELD_OUT13, DESIGNED13)

# Fourteenth batch (issue 14, seventh session): written blind, measured once after the seventh
# session's second design round; the mistakes whose feedback named the cause then.
HINTS14 = {
    'tokens-to-ids-drops-unknown-tokens':
        'your tokens_to_ids goes wrong in line 4: `ids = [stoi[t] for t i',
    'pad-batch-mask-built-before-filling':
        'your pad_batch goes wrong in line 7: `mask = ids != pad` (the va',
    'bucket-sorts-within-random-batches':
        'with bucket=True sort the shuffled order by source length before',
    'shift-right-rolls-left':
        'your shift_right goes wrong in line 4: `dec_in = np.roll(tgt, -1',
    'masked-ce-gradient-of-log-likelihood':
        'your masked_cross_entropy goes wrong in line 13: `dlogits = -np.',
    'encoder-mask-one-step-behind':
        'your encoder_forward behaves like the correct code with `src_mas',
    'loss-decoder-starts-from-eos':
        'with `shift_right(tgt, BOS)` written as `shift_right(tgt, EOS)`',
    'greedy-logp-overwritten-each-step':
        'your greedy_decode behaves like the correct code with `logp += .',
    'beam-stores-step-log-prob':
        'your beam_search behaves like the correct code with `float(total',
    'accuracy-exact-mask-not-negated':
        'your sequence_accuracy goes wrong in line 12: `exact = np.mean(n',
}
SCENARIOS += named(HELD_OUT14, HINTS14)
VARIANTS += as_variants(VARIANTS14)
# ... and those named only after the third design round, which was designed on them.
DESIGNED14 = {
}
SCENARIOS += named(HELD_OUT14, DESIGNED14)

# Fifteenth batch (issue 14, seventh session): written blind, measured once after the seventh
# session's third design round; the mistakes whose feedback named the cause then.
HINTS15 = {
    'loader-batches-sliced-by-position-not-idx':
        'your make_batches goes wrong in line 18: `s, s_mask = pad_batch(',
    'shift-right-insert-then-drops-bos':
        'your shift_right behaves like the correct code with `dec_in` wri',
    'masked-ce-grad-times-softmax-derivative':
        'your masked_cross_entropy goes wrong in line 13: `dlogits = np.e',
    'encoder-backward-loops-over-batch-axis':
        'your encoder_backward behaves like the correct code with `range(',
    'loss-decoder-cell-starts-at-zero':
        'your seq2seq_loss behaves like the correct code ignoring the arg',
    'accuracy-exact-over-token-count':
        'your sequence_accuracy goes wrong in line 12: `exact = np.all(ri',
    'train-stop-test-before-recording-loss':
        'your train_seq2seq behaves like the correct code with `losses.ap',
}
SCENARIOS += named(HELD_OUT15, HINTS15)
VARIANTS += as_variants(VARIANTS15)
# ... and those named only after the fourth design round, which was designed on them.
DESIGNED15 = {
    'ids-to-tokens-returns-joined-string':
        'return the list of tokens itself; joining them into one string l',
}
SCENARIOS += named(HELD_OUT15, DESIGNED15)

# Sixteenth batch (issue 14, eighth session): written blind, measured once after the eighth
# session's first design round; the mistakes whose feedback named the cause then.
HINTS16 = {
    'pad-batch-ids-float-array':
        'ids should be an integer array',
    'loader-chunk-end-one-short':
        'your make_batches passes this check with one change (line 14): `',
    'masked-ce-grad-adds-one-hot':
        'your masked_cross_entropy passes this check with one change (lin',
    'encoder-backward-stops-before-first-step':
        'your encoder_backward passes this check with one change (line 30',
    'loss-final-cell-state-passed-as-its-gradient':
        'your seq2seq_loss passes this check with one change (line 15): `',
    'greedy-logp-length-normalised':
        'your greedy_decode passes this check with one change (line 22): ',
    'beam-initial-score-one':
        'your beam_search behaves like the correct code with `[([], 0.0, ',
    'accuracy-exact-is-error-rate':
        'your sequence_accuracy goes wrong in line 12: `exact = np.mean(n',
    'train-seq2seq-stop-test-one-late':
        'your train_seq2seq passes this check with one change (line 17): ',
}
SCENARIOS += named(HELD_OUT16, HINTS16)
VARIANTS += as_variants(VARIANTS16)
# ... and those named only after the eighth session's last design round, designed on them.
DESIGNED16 = {
    'shift-right-eos-replaced-by-pad':
        'your shift_right passes this check with one change (line 6): `np',
}
SCENARIOS += named(HELD_OUT16, DESIGNED16)

# Seventeenth batch (issue 14, eighth session): written blind, measured once after the eighth
# session's second design round; the mistakes whose feedback named the cause then.
HINTS17 = {
    'bucket-batches-permuted-as-array':
        'your make_batches raises it in line 16: `chunks = list(rng.permu',
    'shift-right-bos-written-to-first-row':
        'the first decoder input must be BOS; your shift_right goes wrong',
    'loss-tanh-derivative-on-projection-gradient':
        'your seq2seq_loss passes this check with one change (line 14): `',
    'greedy-argmax-over-batch-axis':
        'your greedy_decode passes this check with one change (line 16): ',
    'beam-winner-by-lowest-normalised-score':
        'your beam_search behaves like the correct code with `max(finishe',
    'accuracy-prediction-not-padded-to-target-length':
        'your sequence_accuracy raises it in line 8: `right = (pred[:, :T',
}
SCENARIOS += named(HELD_OUT17, HINTS17)
VARIANTS += as_variants(VARIANTS17)
# ... and those named only after the eighth session's last design round, designed on them.
DESIGNED17 = {
    'ids-to-tokens-list-reset-inside-loop':
        'your ids_to_tokens passes this check with one change (line 13): ',
    'masked-ce-softmax-without-max-shift':
        'exp of a large logit overflows: subtract the max over the vocabu',
    'encoder-backward-zeros-for-every-parameter':
        'a gradient the encoder does not compute is not zero, it is someo',
}
SCENARIOS += named(HELD_OUT17, DESIGNED17)

# Mistakes of earlier batches named only once the eighth session's fix search existed.
DESIGNED15_FIX = {
    'greedy-done-when-pad-emitted':
        'your greedy_decode passes this check with one change (line 19)',
    'beam-length-penalty-exponent':
        'your beam_search passes this check with one change (line 26)',
}
SCENARIOS += named(HELD_OUT15, DESIGNED15_FIX)

# Issue 14, AUD-3: promises no check exercised (a BOS inside the ids; a padding value that is
# also a real token; equal lengths left unshuffled by bucketing; tgt shifted in place; the PAD
# id read where the mask decides; the lr argument left at its default).
SCENARIOS += [
    Scenario("ids-to-tokens-drops-only-a-leading-bos", "6.1", {
        "    tokens = []\n    for i in ids:": "    tokens = []\n    if len(ids) and ids[0] == BOS:\n"
        "        ids = ids[1:]\n    for i in ids:",
        "if i != PAD and i != BOS:": "if i != PAD:"},
        "skip BOS wherever it appears"),
    Scenario("pad-batch-mask-from-ids", "6.2", {
        "        mask[i, :len(s)] = True\n": "",
        "    ### END SOLUTION\n    return ids, mask": "    mask = ids != pad\n    ### END SOLUTION\n"
        "    return ids, mask"},
        "not by comparing ids with the padding value"),
    Scenario("bucket-sorts-the-unshuffled-indices", "6.3", {
        '        lengths = np.array([len(src[i]) for i in order])\n'
        '        order = order[np.argsort(lengths, kind="stable")]':
        '        order = np.argsort([len(s) for s in src], kind="stable")'},
        "equal lengths must stay shuffled"),
    Scenario("shift-right-in-place", "6.4", {
        "    dec_in = np.empty_like(tgt)\n    dec_in[:, 0] = bos\n    dec_in[:, 1:] = tgt[:, :-1]":
        "    tgt[:, 1:] = tgt[:, :-1].copy()\n    tgt[:, 0] = bos\n    dec_in = tgt"},
        "shift_right changed its argument tgt"),
    Scenario("masked-loss-mask-from-targets", "6.5", {
        "m = mask.astype(np.float64)": "m = (targets != PAD).astype(np.float64)"},
        "weight by mask, not by targets != PAD"),
    Scenario("seq2seq-loss-target-mask-from-pad", "6.7", {
        "loss, dlogits = masked_cross_entropy(logits, tgt, tgt_mask)":
        "loss, dlogits = masked_cross_entropy(logits, tgt, tgt != PAD)"},
        "never src != PAD or tgt != PAD"),
    Scenario("seq2seq-loss-source-mask-from-pad", "6.7", {
        "h0, c0, enc_cache = encoder_forward(params, src, src_mask)":
        "h0, c0, enc_cache = encoder_forward(params, src, src != PAD)"},
        "never src != PAD or tgt != PAD"),
    Scenario("greedy-source-mask-from-pad", "6.8", {
        "h, c, _ = encoder_forward(params, src, src_mask)\n    N = src.shape[0]":
        "h, c, _ = encoder_forward(params, src, src != PAD)\n    N = src.shape[0]"},
        "pass src_mask to the encoder, never src != PAD"),
    Scenario("train-lr-at-its-default", "6.11", {
        "adam_step(params, grads, state, lr)": "adam_step(params, grads, state, 0.01)"},
        "pass the argument lr to adam_step"),
]
VARIANTS += [
    Scenario("bucket-batches-shuffled-in-place", "", {
        "chunks = [chunks[k] for k in rng.permutation(len(chunks))]": "rng.shuffle(chunks)"}),
    Scenario("exact-match-by-counting-right-tokens", "", {
        "exact = np.mean(np.all(right | ~tgt_mask, axis=1))":
        "exact = np.mean(right.sum(axis=1) == tgt_mask.sum(axis=1))"}),
]

# Eighteenth batch (issue 14, ninth session): written blind, measured once after the ninth
# session's first design round; the mistakes whose feedback named the cause then.
HINTS18 = {
    'loader-batches-list-reset-in-loop':
        'your make_batches passes this check with one change (line 18): w',
    'masked-ce-log-taken-before-sum':
        'your masked_cross_entropy goes wrong in line 8: `logp = z - np.l',
    'encoder-backward-embedding-grad-after-loop':
        'your encoder_backward passes this check with one change (line 38',
    'loss-grads-replaced-by-encoder-grads':
        'grads has no entry for E_tgt, W_out, b_out, dec_Wh, dec_Wx, dec_',
    'loss-encoder-state-gradients-swapped':
        'your seq2seq_loss passes this check with one change (line 18): `',
    'greedy-output-where-branches-reversed':
        'your greedy_decode passes this check with one change (line 17): ',
    'accuracy-token-excludes-eos':
        'your sequence_accuracy goes wrong in line 13: `token = (right & ',
    'train-clip-threshold-is-learning-rate':
        'your train_seq2seq behaves like the correct code with `clip_grad',
}
SCENARIOS += named(HELD_OUT18, HINTS18)
VARIANTS += as_variants(VARIANTS18)
# ... and those named only after the ninth session's last design round, designed on them.
DESIGNED18 = {
    'pad-batch-length-from-first-sequence':
        'written as `len(seqs[0])`: the first item\'s value where the largest',
}
SCENARIOS += named(HELD_OUT18, DESIGNED18)
# The nineteenth held-out batch (written blind, measured once on 33bfb1e): those whose
# feedback named the cause at that measurement ...
HINTS19 = {
    'loader-short-last-batch-dropped':
        'the last, short batch was dropped: keep it',
    'shift-right-writes-into-target':
        'your shift_right passes this check with one change (line 4): `tg',
    'masked-ce-normaliser-counts-padding':
        'you divide by all N*T = 16 cells; divide by the 8 real tokens',
    'encoder-cell-advances-on-padding':
        'your encoder_forward behaves like the correct code with `np.wher',
    'loss-target-embedding-grad-indexed-by-targets':
        'your seq2seq_loss passes this check with one change (line 17): `',
    'greedy-decoder-starts-from-zero-state':
        'your greedy_decode passes this check with one change (line 9): w',
    'beam-winner-by-total-logp':
        'your beam_search behaves like the correct code with `lambda f: f',
    'train-clipped-grads-unused':
        "your run is the loop without clipping: clip the gradient's globa",
}
SCENARIOS += named(HELD_OUT19, HINTS19)
VARIANTS += as_variants(VARIANTS19)
# ... and those detected or named only after the tenth session's design round on them.
DESIGNED19 = {
    'ids-to-tokens-bos-kept':
        'your ids_to_tokens behaves like the correct code with `i != PAD ',
    'pad-batch-ids-int32':
        'create ids with dtype=np.int64 (np.full(..., dtype=np.int64)): a',
}
SCENARIOS += named(HELD_OUT19, DESIGNED19)
# The twentieth held-out batch (written blind, measured once on 4559d66): those whose
# feedback named the cause at that measurement ...
HINTS20 = {
    'ids-to-tokens-eos-skipped-not-stopped':
        'stop at the first EOS: what follows it is not part of the sequen',
    'pad-batch-fills-with-default-pad-id':
        'your pad_batch behaves like the correct code ignoring the argume',
    'bucket-sorted-by-target-length':
        'your make_batches passes this check with one change (line 12): `',
    'masked-ce-gradient-not-masked':
        'dlogits is not zero at padded positions: multiply it by the mask',
    'encoder-backward-walks-forward-in-time':
        'your encoder_backward passes this check with one change (line 30',
    'loss-output-bias-grad-averaged-over-positions':
        'your seq2seq_loss passes this check with one change (line 13): `',
    'greedy-logp-keeps-growing-after-eos':
        'logp keeps adding after EOS: stop adding once a sequence is fini',
    'beam-live-prefixes-finished-at-every-step':
        'your beam_search passes this check with one change (line 23): `f',
    'accuracy-exact-padded-positions-count-as-wrong':
        'your sequence_accuracy goes wrong in line 12: `exact = np.mean(np.all(right,',
    'train-gradients-clipped-per-parameter':
        'your train_seq2seq goes wrong in line 14: `grads = {k: clip_grad_norm({k',
}
SCENARIOS += named(HELD_OUT20, HINTS20)
VARIANTS += as_variants(VARIANTS20)
# ... and those detected or named only after the tenth session's design round on them.
DESIGNED20 = {
}
SCENARIOS += named(HELD_OUT20, DESIGNED20)
# The twenty-first held-out batch (written blind, measured once on bf711f5): those whose
# feedback named the cause at that measurement ...
HINTS21 = {
    'pad-batch-pads-on-the-left':
        'pad on the right: the sequence starts at column 0; your pad_batc',
    'bucket-sorts-unshuffled-indices':
        'sort the shuffled order by length (a stable sort), not the examp',
    'shift-right-copies-target-unshifted':
        'the decoder input at step t must be target t-1, not target t; yo',
    'masked-ce-normalised-by-batch-size':
        'you divide by N = 4 sequences; divide by the 8 real tokens',
    'encoder-backward-cell-gradient-enters-padded-steps':
        'your encoder_backward behaves like the correct code with `lstm_s',
    'loss-encoder-cell-gradient-dropped':
        'your seq2seq_loss passes this check with one change (line 18): `',
    'greedy-stops-when-any-finished':
        'your greedy_decode passes this check with one change (line 20):',
    'beam-eos-extension-kept-live':
        'an extension ending in EOS is finished: it leaves the beam (and',
    'accuracy-exact-ignores-eos-position':
        'your sequence_accuracy passes this check with one change (line 1',
    'train-batches-not-bucketed':
        'your run is the loop without bucketing: the text asks for make_b',
}
SCENARIOS += named(HELD_OUT21, HINTS21)
VARIANTS += as_variants(VARIANTS21)
# ... and those detected or named only after the twelfth session's design round on them.
DESIGNED21 = {
}
SCENARIOS += named(HELD_OUT21, DESIGNED21)
# The twenty-second held-out batch (written blind, measured once on d21b67a) ...
HINTS22 = {
    'ids-to-tokens-cut-at-index-of-eos':
        'without an EOS every id belongs to the sequence: stop at the fir',
    'pad-batch-mask-marks-padding':
        'the mask is True on real tokens, False on padding; your pad_batc',
    'bucket-batch-order-from-global-rng':
        'shuffle with the rng you are given (rng.permutation), never np.r',
    'masked-ce-loss-mean-of-sequence-means':
        'your masked_cross_entropy goes wrong in line 12: `loss = -np.mea',
    'encoder-backward-carry-added-to-old-gradient':
        'E_src is wrong only in rows 4-7 (of 0-7); your encoder_backward',
    'loss-output-weight-einsum-time-letters-differ':
        'your seq2seq_loss goes wrong in line 13: `grads = {"W_out": np.e',
    'greedy-encodes-padding-as-tokens':
        'your greedy_decode passes this check with one change (line 8): `',
    'train-clips-after-update':
        "your run is the loop without clipping: clip the gradient's globa",
}
SCENARIOS += named(HELD_OUT22, HINTS22)
VARIANTS += as_variants(VARIANTS22)
# ... and those detected or named only after the twelfth session's design round on them.
DESIGNED22 = {
    'beam-stops-at-first-finished':
        'the search ended when the first sequence finished: it goes on wh',
    'accuracy-missing-positions-filled-with-eos':
        'with `np.full((N, T), PAD)` written as `np.full((N, T), EOS)`',
}
SCENARIOS += named(HELD_OUT22, DESIGNED22)
# The twenty-third held-out batch (written blind, measured once on 1b8e805) ...
HINTS23 = {
    'ids-to-tokens-stops-at-pad':
        'your ids_to_tokens passes this check with one change (line 15):',
    'pad-batch-mask-leaves-out-final-token':
        'your pad_batch passes this check with one change (line 10): `mas',
    'shift-right-global-bos-for-argument':
        'your shift_right behaves like the correct code ignoring the argu',
    'masked-ce-real-positions-from-pad-id':
        'your masked_cross_entropy passes this check with one change (lin',
    'encoder-embedding-grad-by-fancy-index':
        'E_src: a token that occurs twice in one step gets its gradient o',
    'loss-masked-with-source-mask':
        'your seq2seq_loss passes this check with one change (line 12): `',
    'accuracy-returned-token-then-exact':
        'your sequence_accuracy passes this check with one change (line 1',
    'train-clip-threshold-fixed-at-five':
        'your train_seq2seq passes this check with one change (line 14):',
}
SCENARIOS += named(HELD_OUT23, HINTS23)
VARIANTS += as_variants(VARIANTS23)
# ... and those detected or named only after the thirteenth session's design round on them.
DESIGNED23 = {
    'greedy-never-picks-pad-or-bos':
        'take the most probable token at every step, whatever it is',
}
SCENARIOS += named(HELD_OUT23, DESIGNED23)
# written as mistakes, but correct by the notebook's text
VARIANTS += as_variants(HELD_OUT23, {'beam-descending-by-reversed-ascending-sort'})

# --- promise audit, session 10 (AUD5)
# Promises of the text and docstrings no check held: each mistake below passed every check.
AUD5_TTI = "    ids = [stoi.get(t, UNK) for t in tokens] + [EOS]\n"
AUD5_ITT = ("    tokens = []\n    for i in ids:\n        if i == EOS:\n            break\n"
            "        if i != PAD and i != BOS:\n            tokens.append(itos[i])\n")
AUD5_BUCKET = "    if bucket:\n        lengths"
AUD5_CHUNKS = "        chunks = [chunks[k] for k in rng.permutation(len(chunks))]\n"
AUD5_ENC_M = "        m = src_mask[:, t, None]\n        h_new, c_new, step"
AUD5_ENC_BACK_M = "        m = src_mask[:, t, None]\n        dx, dh_prev"
AUD5_BEAM_END = "    tokens, logp, _, _ = max(finished, key=lambda f: f[1] / len(f[0]))\n"
SCENARIOS += [
    # tokens_to_ids: "Returns a list of int ids ending with EOS"
    Scenario('vocab-ids-converted-to-array', '6.1', {
        AUD5_TTI: "    ids = np.array([stoi.get(t, UNK) for t in tokens] + [EOS])\n",
    }, 'the docstring asks for a list'),
    Scenario('vocab-ids-returned-as-tuple', '6.1', {
        AUD5_TTI: "    ids = tuple(stoi.get(t, UNK) for t in tokens) + (EOS,)\n",
    }, 'the docstring asks for a list'),
    # ids_to_tokens: "the tokens before the first EOS" of "ids: sequence of int": ids without
    # EOS (a decoder cut at max_len), ids in a NumPy array (a row of greedy_decode's output)
    Scenario('vocab-tokens-end-found-with-index', '6.1', {
        AUD5_ITT: "    tokens = [itos[i] for i in ids[:ids.index(EOS)] if i not in (PAD, BOS)]\n",
    }, 'without an EOS every id belongs to the sequence'),
    Scenario('vocab-tokens-trimmed-back-to-an-eos', '6.1', {
        AUD5_ITT: "    ids = list(ids)\n    while ids and ids[-1] != EOS:\n        ids.pop()\n"
                  + AUD5_ITT,
    }, 'without an EOS every id belongs to the sequence'),
    Scenario('vocab-tokens-eos-popped-off-the-list', '6.1', {
        AUD5_ITT: "    while EOS in ids:\n        ids.pop()\n"
                  "    tokens = [itos[i] for i in ids if i not in (PAD, BOS)]\n",
    }, 'a NumPy array too'),
    # make_batches: sort "with bucket=True" only, and "shuffle the order of the batches"
    Scenario('loader-buckets-without-the-flag', '6.3', {
        AUD5_BUCKET: "    if True:\n        lengths",
    }, 'sort by length only when bucket=True'),
    Scenario('loader-short-batch-kept-last', '6.3', {
        AUD5_CHUNKS: "        chunks = [chunks[k] for k in rng.permutation(len(chunks) - 1)]"
                     " + [chunks[-1]]\n",
    }, 'shuffle the whole list of batches'),
    # the encoder: "Everything downstream reads the mask, never the PAD id"
    Scenario('encoder-mask-from-pad-id', '6.6', {
        AUD5_ENC_M: "        m = (src[:, t] != PAD)[:, None]\n        h_new, c_new, step",
    }, 'read src_mask (in the forward and the backward pass)'),
    Scenario('encoder-backward-mask-from-pad-id', '6.6', {
        AUD5_ENC_BACK_M: "        m = (src[:, t] != PAD)[:, None]\n        dx, dh_prev",
    }, 'read src_mask (in the forward and the backward pass)'),
    # encoder_backward: "Returns {E_src, enc_Wx, enc_Wh, enc_b}", seq2seq_loss "grads, a dict
    # with one array per parameter": clip_grad_norm takes the norm of every entry
    Scenario('encoder-backward-returns-state-gradient', '6.6', {
        "        dc = np.where(m, dc_prev, dc)\n    ### END SOLUTION":
            "        dc = np.where(m, dc_prev, dc)\n    grads[\"h0\"] = dh\n    ### END SOLUTION",
    }, "the docstring's dict holds E_src, enc_Wx, enc_Wh, enc_b and nothing else"),
    # encoder_backward(dh, dc, cache): the cache it is given
    Scenario('encoder-backward-reads-the-last-forward-cache', '6.6', {
        "    cache = (src, src_mask, steps, params)\n":
            "    cache = (src, src_mask, steps, params)\n    global _LAST_ENC\n    _LAST_ENC = cache\n",
        "    src, src_mask, steps, params = cache\n": "    src, src_mask, steps, params = _LAST_ENC\n",
    }, 'never what the last forward call left behind'),
    Scenario('loss-grads-hold-logits-gradient', '6.7', {
        "    grads.update(encoder_backward(dh0, dc0, enc_cache))\n":
            "    grads.update(encoder_backward(dh0, dc0, enc_cache))\n"
            "    grads[\"logits\"] = dlogits\n",
    }, 'which are not parameters'),
    # beam_search: "Returns tokens (list of int, ...)"
    Scenario('beam-tokens-converted-to-array', '6.9', {
        AUD5_BEAM_END: AUD5_BEAM_END + "    tokens = np.array(tokens)\n",
    }, 'the docstring asks for a list of int'),
]
VARIANTS += [
    Scenario('vocab-tokens-end-by-index-when-present', '', {
        AUD5_ITT: "    ids = list(ids)\n    end = ids.index(EOS) if EOS in ids else len(ids)\n"
                  "    tokens = [itos[i] for i in ids[:end] if i not in (PAD, BOS)]\n"}),
    Scenario('loader-bucket-sorted-longest-first', '', {
        'order[np.argsort(lengths, kind="stable")]': 'order[np.argsort(-lengths, kind="stable")]'}),
]


# --- survivor audit, session 11: one-edit rewrites of the reference that passed their check
SCENARIOS += [
    Scenario('pad-width-is-batch-size', '6.2', {
        '    T = max(len(s) for s in seqs)': '    T = len(seqs)',
    }, 'written as `max((len(seqs) for s in seqs))`'),
    Scenario('train-source-masked-with-target-mask', '6.11', {
        'loss, grads = seq2seq_loss(params, batch["src"], batch["src_mask"], batch["tgt"],':
            'loss, grads = seq2seq_loss(params, batch["src"], batch["tgt_mask"], batch["tgt"],',
    }, '`tgt_mask` read where `src_mask` belongs'),
]
