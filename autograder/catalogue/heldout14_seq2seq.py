"""Fourteenth held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('tokens-to-ids-drops-unknown-tokens', '6.1', {
        'ids = [stoi.get(t, UNK) for t in tokens] + [EOS]':
            'ids = [stoi[t] for t in tokens if t in stoi] + [EOS]',
    }, ''),
    Scenario('pad-batch-mask-built-before-filling', '6.2', {
        '    mask = np.zeros((len(seqs), T), dtype=bool)\n    for i, s in enumerate(seqs):\n'
        '        ids[i, :len(s)] = s\n        mask[i, :len(s)] = True':
            '    mask = ids != pad\n    for i, s in enumerate(seqs):\n        ids[i, :len(s)] = s',
    }, ''),
    Scenario('bucket-sorts-within-random-batches', '6.3', {
        '    if bucket:\n        lengths = np.array([len(src[i]) for i in order])\n'
        '        order = order[np.argsort(lengths, kind="stable")]\n'
        '    chunks = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]\n':
            '    chunks = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]\n'
            '    if bucket:\n'
            '        chunks = [c[np.argsort([len(src[i]) for i in c], kind="stable")] for c in chunks]\n',
    }, ''),
    Scenario('shift-right-rolls-left', '6.4', {
        '    dec_in = np.empty_like(tgt)\n    dec_in[:, 0] = bos\n    dec_in[:, 1:] = tgt[:, :-1]':
            '    dec_in = np.roll(tgt, -1, axis=1)\n    dec_in[:, 0] = bos',
    }, ''),
    Scenario('masked-ce-gradient-of-log-likelihood', '6.5', {
        '    dlogits = np.exp(logp)\n    dlogits[n_idx, t_idx, targets] -= 1':
            '    dlogits = -np.exp(logp)\n    dlogits[n_idx, t_idx, targets] += 1',
    }, ''),
    Scenario('encoder-mask-one-step-behind', '6.6', {
        '        m = src_mask[:, t, None]\n        h_new':
            '        m = src_mask[:, t - 1, None]\n        h_new',
    }, ''),
    Scenario('loss-decoder-starts-from-eos', '6.7', {
        'dec_in = shift_right(tgt, BOS)':
            'dec_in = shift_right(tgt, EOS)',
    }, ''),
    Scenario('greedy-logp-overwritten-each-step', '6.8', {
        'logp += np.where(done, 0.0, lp[np.arange(N), prev])':
            'logp = np.where(done, 0.0, lp[np.arange(N), prev])',
    }, ''),
    Scenario('beam-stores-step-log-prob', '6.9', {
        'cand = (live[b][0] + [v], float(total[b, v]), hs[b], cs[b])':
            'cand = (live[b][0] + [v], float(lp[b, v]), hs[b], cs[b])',
    }, ''),
    Scenario('accuracy-exact-mask-not-negated', '6.10', {
        'exact = np.mean(np.all(right | ~tgt_mask, axis=1))':
            'exact = np.mean(np.all(right | tgt_mask, axis=1))',
    }, ''),
]

VARIANTS = [
    Scenario('bucket-python-sorted-order', '6.3', {
        'order = order[np.argsort(lengths, kind="stable")]':
            'order = np.array(sorted(order, key=lambda i: len(src[i])))',
    }, ''),
    Scenario('shift-right-np-pad', '6.4', {
        '    dec_in = np.empty_like(tgt)\n    dec_in[:, 0] = bos\n    dec_in[:, 1:] = tgt[:, :-1]':
            '    dec_in = np.pad(tgt[:, :-1], ((0, 0), (1, 0)), constant_values=bos)',
    }, ''),
]
