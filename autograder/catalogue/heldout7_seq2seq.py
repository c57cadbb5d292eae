"""Seventh held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('pad-batch-mask-default-float', '6.2', {
        'mask = np.zeros((len(seqs), T), dtype=bool)':
            'mask = np.zeros((len(seqs), T))',
    }, ''),
    Scenario('loader-target-padded-from-source', '6.3', {
        't, t_mask = pad_batch([tgt[i] for i in idx])':
            't, t_mask = pad_batch([src[i] for i in idx])',
    }, ''),
    Scenario('shift-right-along-batch-axis', '6.4', {
        '    dec_in[:, 0] = bos\n    dec_in[:, 1:] = tgt[:, :-1]':
            '    dec_in[:, 0] = bos\n    dec_in[1:] = tgt[:-1]',
    }, ''),
    Scenario('masked-ce-grad-subtracts-at-every-target-id', '6.5', {
        'dlogits[n_idx, t_idx, targets] -= 1':
            'dlogits[:, :, targets] -= 1',
    }, ''),
    Scenario('encoder-backward-bias-grad-not-accumulated', '6.6', {
        '        grads["enc_Wh"] += dWh\n        grads["enc_b"] += db\n':
            '        grads["enc_Wh"] += dWh\n',
    }, ''),
    Scenario('loss-scored-against-decoder-inputs', '6.7', {
        'loss, dlogits = masked_cross_entropy(logits, tgt, tgt_mask)':
            'loss, dlogits = masked_cross_entropy(logits, dec_in, tgt_mask)',
    }, ''),
    Scenario('greedy-prediction-not-fed-back', '6.8', {
        '        prev = lp.argmax(axis=1)\n        out[:, t] = np.where(done, PAD, prev)\n'
        '        logp += np.where(done, 0.0, lp[np.arange(N), prev])\n'
        '        done = done | (prev == EOS)':
            '        tok = lp.argmax(axis=1)\n        out[:, t] = np.where(done, PAD, tok)\n'
            '        logp += np.where(done, 0.0, lp[np.arange(N), tok])\n'
            '        done = done | (tok == EOS)',
    }, ''),
    Scenario('beam-appends-to-parent-token-list', '6.9', {
        '            cand = (live[b][0] + [v], float(total[b, v]), hs[b], cs[b])':
            '            toks = live[b][0]\n            toks.append(v)\n'
            '            cand = (toks, float(total[b, v]), hs[b], cs[b])',
    }, ''),
    Scenario('accuracy-token-over-all-positions', '6.10', {
        'token = right.sum() / tgt_mask.sum()':
            'token = right.sum() / right.size',
    }, ''),
    Scenario('train-adam-state-reset-each-epoch', '6.11', {
        '    while len(losses) < steps:\n        for batch in make_batches(':
            '    while len(losses) < steps:\n        state = adam_init(params)\n'
            '        for batch in make_batches(',
    }, ''),
]

VARIANTS = [
    Scenario('pad-batch-python-lists', '6.2', {
        '    ids = np.full((len(seqs), T), pad, dtype=np.int64)\n'
        '    mask = np.zeros((len(seqs), T), dtype=bool)\n'
        '    for i, s in enumerate(seqs):\n        ids[i, :len(s)] = s\n'
        '        mask[i, :len(s)] = True':
            '    ids = np.array([list(s) + [pad] * (T - len(s)) for s in seqs], dtype=np.int64)\n'
            '    mask = np.array([[True] * len(s) + [False] * (T - len(s)) for s in seqs],\n'
            '                    dtype=bool)',
    }, ''),
    Scenario('accuracy-exact-per-row-array-equal', '6.10', {
        '    exact = np.mean(np.all(right | ~tgt_mask, axis=1))':
            '    exact = np.mean([np.array_equal(p[n][tgt_mask[n]], tgt[n][tgt_mask[n]])\n'
            '                     for n in range(N)])',
    }, ''),
]
