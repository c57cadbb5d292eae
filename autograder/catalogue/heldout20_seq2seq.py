"""Twentieth held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('ids-to-tokens-eos-skipped-not-stopped', '6.1', {
        '        if i == EOS:\n            break':
            '        if i == EOS:\n            continue',
    }, ''),
    Scenario('pad-batch-fills-with-default-pad-id', '6.2', {
        'ids = np.full((len(seqs), T), pad, dtype=np.int64)':
            'ids = np.full((len(seqs), T), PAD, dtype=np.int64)',
    }, ''),
    Scenario('bucket-sorted-by-target-length', '6.3', {
        'lengths = np.array([len(src[i]) for i in order])':
            'lengths = np.array([len(tgt[i]) for i in order])',
    }, ''),
    Scenario('masked-ce-gradient-not-masked', '6.5', {
        'dlogits *= (m / count)[:, :, None]':
            'dlogits /= count',
    }, ''),
    Scenario('encoder-backward-walks-forward-in-time', '6.6', {
        'for t in reversed(range(src.shape[1])):':
            'for t in range(src.shape[1]):',
    }, ''),
    Scenario('loss-output-bias-grad-averaged-over-positions', '6.7', {
        '"b_out": dlogits.sum(axis=(0, 1))':
            '"b_out": dlogits.mean(axis=(0, 1))',
    }, ''),
    Scenario('greedy-logp-keeps-growing-after-eos', '6.8', {
        'logp += np.where(done, 0.0, lp[np.arange(N), prev])':
            'logp += lp[np.arange(N), prev]',
    }, ''),
    Scenario('beam-live-prefixes-finished-at-every-step', '6.9', {
        '        live = new\n        if not live:\n            break\n    finished += live\n':
            '        live = new\n        finished += live\n        if not live:\n            break\n',
    }, ''),
    Scenario('accuracy-exact-padded-positions-count-as-wrong', '6.10', {
        'exact = np.mean(np.all(right | ~tgt_mask, axis=1))':
            'exact = np.mean(np.all(right, axis=1))',
    }, ''),
    Scenario('train-gradients-clipped-per-parameter', '6.11', {
        'grads, _ = clip_grad_norm(grads, clip)':
            'grads = {k: clip_grad_norm({k: g}, clip)[0][k] for k, g in grads.items()}',
    }, ''),
]

VARIANTS = [
    Scenario('shift-right-roll-along-time', '6.4', {
        '    dec_in = np.empty_like(tgt)\n    dec_in[:, 0] = bos\n    dec_in[:, 1:] = tgt[:, :-1]':
            '    dec_in = np.roll(tgt, 1, axis=1)\n    dec_in[:, 0] = bos',
    }, ''),
    Scenario('loss-output-weight-grad-by-flattened-matmul', '6.7', {
        '"W_out": np.einsum("nth,ntv->hv", h, dlogits)':
            '"W_out": h.reshape(-1, h.shape[2]).T @ dlogits.reshape(-1, dlogits.shape[2])',
    }, ''),
]
