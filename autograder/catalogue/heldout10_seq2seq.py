"""Tenth held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('pad-batch-mask-one-past-end', '6.2', {
        'mask[i, :len(s)] = True':
            'mask[i, :len(s) + 1] = True',
    }, ''),
    Scenario('loader-order-never-shuffled', '6.3', {
        'order = rng.permutation(len(src))':
            'order = np.arange(len(src))',
    }, ''),
    Scenario('shift-right-bos-at-end', '6.4', {
        '    dec_in[:, 0] = bos\n    dec_in[:, 1:] = tgt[:, :-1]':
            '    dec_in[:, :-1] = tgt[:, 1:]\n    dec_in[:, -1] = bos',
    }, ''),
    Scenario('masked-ce-max-shift-over-time', '6.5', {
        'z = logits - logits.max(axis=2, keepdims=True)':
            'z = logits - logits.max(axis=1, keepdims=True)',
    }, ''),
    Scenario('encoder-backward-padding-blocks-gradient', '6.6', {
        '        dh = np.where(m, dh_prev, dh)\n        dc = np.where(m, dc_prev, dc)':
            '        dh = np.where(m, dh_prev, 0.0)\n        dc = np.where(m, dc_prev, 0.0)',
    }, ''),
    Scenario('loss-decoder-initial-states-swapped', '6.7', {
        'lstm_forward(x, h0, c0, params["dec_Wx"]':
            'lstm_forward(x, c0, h0, params["dec_Wx"]',
    }, ''),
    Scenario('greedy-fills-eos-after-end', '6.8', {
        'out[:, t] = np.where(done, PAD, prev)':
            'out[:, t] = np.where(done, EOS, prev)',
    }, ''),
    Scenario('beam-returns-length-normalised-score', '6.9', {
        '    tokens, logp, _, _ = max(finished, key=lambda f: f[1] / len(f[0]))':
            '    best = max(finished, key=lambda f: f[1] / len(f[0]))\n'
            '    tokens, logp = best[0], best[1] / len(best[0])',
    }, ''),
    Scenario('accuracy-token-over-predicted-tokens', '6.10', {
        'token = right.sum() / tgt_mask.sum()':
            'token = right.sum() / (p != PAD).sum()',
    }, ''),
    Scenario('train-loss-overwritten-by-clip-norm', '6.11', {
        'grads, _ = clip_grad_norm(grads, clip)':
            'grads, loss = clip_grad_norm(grads, clip)',
    }, ''),
]

VARIANTS = [
    Scenario('tokens-to-ids-map-and-append', '6.1', {
        'ids = [stoi.get(t, UNK) for t in tokens] + [EOS]':
            'ids = list(map(lambda t: stoi.get(t, UNK), tokens))\n    ids.append(EOS)',
    }, ''),
    Scenario('loader-chunks-by-while-loop', '6.3', {
        '    chunks = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]\n':
            '    chunks = []\n    start = 0\n    while start < len(order):\n'
            '        chunks.append(order[start:start + batch_size])\n        start += batch_size\n',
    }, ''),
]
