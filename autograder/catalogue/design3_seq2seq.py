"""Third batch of module 06_seq2seq (issue 14): the design half, 11 of 22 mistakes,
and 4 new correct-but-different variants.

22 new mistakes were written blind (without reading the feedback code, the
catalogue's hints or any check's output on them), kept in the order written,
shuffled with random.Random(2611).shuffle (a new Random per module) and split:
positions 0, 2, 4, ... are held out (heldout3_seq2seq.py), positions 1, 3, 5, ...
are the design half (design3_seq2seq.py). Hints are empty until measured.
VARIANTS are correct code written differently; they are not split.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('shift-right-keeps-last-token', '6.4', {
        '    dec_in = np.empty_like(tgt)\n'
        '    dec_in[:, 0] = bos\n'
        '    dec_in[:, 1:] = tgt[:, :-1]':
            '    dec_in = np.concatenate([np.full((tgt.shape[0], 1), bos), tgt], axis=1)',
    }, ''),
    Scenario('greedy-source-mask-ignored', '6.8', {
        'h, c, _ = encoder_forward(params, src, src_mask)\n'
        '    N = src.shape[0]\n'
        '    out':
            'h, c, _ = encoder_forward(params, src, np.ones_like(src_mask))\n'
            '    N = src.shape[0]\n'
            '    out',
    }, ''),
    Scenario('encoder-backward-forward-order', '6.6', {
        'for t in reversed(range(src.shape[1])):':
            'for t in range(src.shape[1]):',
    }, ''),
    Scenario('beam-stops-at-first-finished', '6.9', {
        '        live = new\n'
        '        if not live:\n'
        '            break':
            '        live = new\n'
            '        if not live or finished:\n'
            '            break',
    }, ''),
    Scenario('masked-ce-grad-not-masked', '6.5', {
        'dlogits *= (m / count)[:, :, None]':
            'dlogits /= count',
    }, ''),
    Scenario('masked-ce-mean-of-sequence-means', '6.5', {
        '    loss = -np.sum(logp[n_idx, t_idx, targets] * m) / count':
            '    loss = -np.mean(np.sum(logp[n_idx, t_idx, targets] * m, axis=1) / m.sum(axis=1))',
        '    dlogits *= (m / count)[:, :, None]':
            '    dlogits *= (m / m.sum(axis=1, keepdims=True) / m.shape[0])[:, :, None]',
    }, ''),
    Scenario('train-clips-each-tensor', '6.11', {
        'grads, _ = clip_grad_norm(grads, clip)':
            'grads = {k: clip_grad_norm({k: g}, clip)[0][k] for k, g in grads.items()}',
    }, ''),
    Scenario('pad-batch-ignores-pad-argument', '6.2', {
        'ids = np.full((len(seqs), T), pad, dtype=np.int64)':
            'ids = np.full((len(seqs), T), PAD, dtype=np.int64)',
    }, ''),
    Scenario('loss-output-weight-grad-transposed', '6.7', {
        'np.einsum("nth,ntv->hv", h, dlogits)':
            'np.einsum("nth,ntv->vh", h, dlogits)',
    }, ''),
    Scenario('beam-divmod-by-beam-count', '6.9', {
        'b, v = divmod(int(k), total.shape[1])':
            'b, v = divmod(int(k), total.shape[0])',
    }, ''),
    Scenario('loss-output-bias-grad-averaged', '6.7', {
        '"b_out": dlogits.sum(axis=(0, 1))':
            '"b_out": dlogits.mean(axis=(0, 1))',
    }, ''),
]

VARIANTS = [
    Scenario('shift-right-roll', '6.4', {
        '    dec_in = np.empty_like(tgt)\n'
        '    dec_in[:, 0] = bos\n'
        '    dec_in[:, 1:] = tgt[:, :-1]':
            '    dec_in = np.roll(tgt, 1, axis=1)\n'
            '    dec_in[:, 0] = bos',
    }, ''),
    Scenario('bucket-chunks-shuffled-in-place', '6.3', {
        '        chunks = [chunks[k] for k in rng.permutation(len(chunks))]':
            '        rng.shuffle(chunks)',
    }, ''),
    Scenario('masked-ce-grad-by-one-hot', '6.5', {
        '    dlogits = np.exp(logp)\n'
        '    dlogits[n_idx, t_idx, targets] -= 1\n'
        '    dlogits *= (m / count)[:, :, None]':
            '    onehot = np.eye(logits.shape[2])[targets]\n'
            '    dlogits = (np.exp(logp) - onehot) * (m / count)[:, :, None]',
    }, ''),
    Scenario('loss-output-grads-by-reshape', '6.7', {
        'grads = {"W_out": np.einsum("nth,ntv->hv", h, dlogits), "b_out": dlogits.sum(axis=(0, 1))}':
            'h2, d2 = h.reshape(-1, h.shape[2]), dlogits.reshape(-1, dlogits.shape[2])\n'
            '    grads = {"W_out": h2.T @ d2, "b_out": d2.sum(axis=0)}',
    }, ''),
]
