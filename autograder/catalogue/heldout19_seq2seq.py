"""Nineteenth held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('ids-to-tokens-bos-kept', '6.1', {
        'if i != PAD and i != BOS:':
            'if i != PAD:',
    }, ''),
    Scenario('pad-batch-ids-int32', '6.2', {
        'ids = np.full((len(seqs), T), pad, dtype=np.int64)':
            'ids = np.full((len(seqs), T), pad, dtype=np.int32)',
    }, ''),
    Scenario('loader-short-last-batch-dropped', '6.3', {
        'for i in range(0, len(order), batch_size)]':
            'for i in range(0, len(order) - batch_size + 1, batch_size)]',
    }, ''),
    Scenario('shift-right-writes-into-target', '6.4', {
        'dec_in = np.empty_like(tgt)':
            'dec_in = tgt',
    }, ''),
    Scenario('masked-ce-normaliser-counts-padding', '6.5', {
        'count = m.sum()':
            'count = m.size',
    }, ''),
    Scenario('encoder-cell-advances-on-padding', '6.6', {
        'c = np.where(m, c_new, c)':
            'c = c_new',
    }, ''),
    Scenario('loss-target-embedding-grad-indexed-by-targets', '6.7', {
        'np.add.at(grads["E_tgt"], dec_in, dx)':
            'np.add.at(grads["E_tgt"], tgt, dx)',
    }, ''),
    Scenario('greedy-decoder-starts-from-zero-state', '6.8', {
        '    h, c, _ = encoder_forward(params, src, src_mask)\n    N = src.shape[0]':
            '    h, c, _ = encoder_forward(params, src, src_mask)\n'
            '    h, c = np.zeros_like(h), np.zeros_like(c)\n    N = src.shape[0]',
    }, ''),
    Scenario('beam-winner-by-total-logp', '6.9', {
        'max(finished, key=lambda f: f[1] / len(f[0]))':
            'max(finished, key=lambda f: f[1])',
    }, ''),
    Scenario('train-clipped-grads-unused', '6.11', {
        'grads, _ = clip_grad_norm(grads, clip)':
            'clipped, _ = clip_grad_norm(grads, clip)',
    }, ''),
]

VARIANTS = [
    Scenario('masked-ce-grad-by-identity-one-hot', '6.5', {
        '    dlogits = np.exp(logp)\n    dlogits[n_idx, t_idx, targets] -= 1\n'
        '    dlogits *= (m / count)[:, :, None]':
            '    onehot = np.eye(logits.shape[2])[targets]\n'
            '    dlogits = (np.exp(logp) - onehot) * (m / count)[:, :, None]',
    }, ''),
    Scenario('shift-right-by-concatenation', '6.4', {
        '    dec_in = np.empty_like(tgt)\n    dec_in[:, 0] = bos\n    dec_in[:, 1:] = tgt[:, :-1]':
            '    first = np.full((tgt.shape[0], 1), bos, dtype=tgt.dtype)\n'
            '    dec_in = np.concatenate([first, tgt[:, :-1]], axis=1)',
    }, ''),
]
