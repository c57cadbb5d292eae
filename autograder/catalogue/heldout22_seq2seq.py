"""Twenty-second held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('ids-to-tokens-cut-at-index-of-eos', '6.1', {
        '    for i in ids:\n        if i == EOS:\n            break\n':
            '    for i in list(ids)[:list(ids).index(EOS)]:\n',
    }, ''),
    Scenario('pad-batch-mask-marks-padding', '6.2', {
        'mask[i, :len(s)] = True':
            'mask[i, len(s):] = True',
    }, ''),
    Scenario('bucket-batch-order-from-global-rng', '6.3', {
        '        chunks = [chunks[k] for k in rng.permutation(len(chunks))]':
            '        chunks = [chunks[k] for k in np.random.permutation(len(chunks))]',
    }, ''),
    Scenario('masked-ce-loss-mean-of-sequence-means', '6.5', {
        '    loss = -np.sum(logp[n_idx, t_idx, targets] * m) / count\n':
            '    loss = -np.mean(np.sum(logp[n_idx, t_idx, targets] * m, axis=1) / m.sum(axis=1))\n',
    }, ''),
    Scenario('encoder-backward-carry-added-to-old-gradient', '6.6', {
        '        dh = np.where(m, dh_prev, dh)\n        dc = np.where(m, dc_prev, dc)':
            '        dh = dh + dh_prev\n        dc = dc + dc_prev',
    }, ''),
    Scenario('loss-output-weight-einsum-time-letters-differ', '6.7', {
        'np.einsum("nth,ntv->hv", h, dlogits)':
            'np.einsum("nth,nsv->hv", h, dlogits)',
    }, ''),
    Scenario('greedy-encodes-padding-as-tokens', '6.8', {
        'h, c, _ = encoder_forward(params, src, src_mask)':
            'h, c, _ = encoder_forward(params, src, np.ones_like(src_mask))',
    }, ''),
    Scenario('beam-stops-at-first-finished', '6.9', {
        '        if not live:\n            break':
            '        if finished:\n            break',
    }, ''),
    Scenario('accuracy-missing-positions-filled-with-eos', '6.10', {
        '    p = np.full((N, T), PAD)':
            '    p = np.full((N, T), EOS)',
    }, ''),
    Scenario('train-clips-after-update', '6.11', {
        '            grads, _ = clip_grad_norm(grads, clip)\n'
        '            adam_step(params, grads, state, lr)\n':
            '            adam_step(params, grads, state, lr)\n'
            '            grads, _ = clip_grad_norm(grads, clip)\n',
    }, ''),
]

VARIANTS = [
    Scenario('pad-batch-mask-by-length-comparison', '6.2', {
        '    mask = np.zeros((len(seqs), T), dtype=bool)\n'
        '    for i, s in enumerate(seqs):\n'
        '        ids[i, :len(s)] = s\n'
        '        mask[i, :len(s)] = True':
            '    lengths = np.array([len(s) for s in seqs])\n'
            '    mask = np.arange(T)[None, :] < lengths[:, None]\n'
            '    for i, s in enumerate(seqs):\n'
            '        ids[i, :len(s)] = s',
    }, ''),
    Scenario('greedy-logp-from-row-maximum', '6.8', {
        'logp += np.where(done, 0.0, lp[np.arange(N), prev])':
            'logp += np.where(done, 0.0, lp.max(axis=1))',
    }, ''),
]
