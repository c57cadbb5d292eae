"""Eighth held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('tokens-to-ids-eos-looked-up-as-token', '6.1', {
        'ids = [stoi.get(t, UNK) for t in tokens] + [EOS]':
            'ids = [stoi.get(t, UNK) for t in tokens + [EOS]]',
    }, ''),
    Scenario('pad-batch-length-of-largest-list', '6.2', {
        'T = max(len(s) for s in seqs)':
            'T = len(max(seqs))',
    }, ''),
    Scenario('loader-bucket-flag-inverted', '6.3', {
        '    if bucket:\n        lengths = np.array([len(src[i]) for i in order])':
            '    if not bucket:\n        lengths = np.array([len(src[i]) for i in order])',
        '    if bucket:\n        chunks = [chunks[k] for k in rng.permutation(len(chunks))]':
            '    if not bucket:\n        chunks = [chunks[k] for k in rng.permutation(len(chunks))]',
    }, ''),
    Scenario('masked-ce-targets-gathered-with-slices', '6.5', {
        'loss = -np.sum(logp[n_idx, t_idx, targets] * m) / count':
            'loss = -np.sum(logp[:, :, targets] * m) / count',
    }, ''),
    Scenario('encoder-mask-without-state-axis', '6.6', {
        '    for t in range(S):\n        m = src_mask[:, t, None]':
            '    for t in range(S):\n        m = src_mask[:, t]',
    }, ''),
    Scenario('loss-output-bias-grad-summed-over-batch-only', '6.7', {
        '"b_out": dlogits.sum(axis=(0, 1))':
            '"b_out": dlogits.sum(axis=0)',
    }, ''),
    Scenario('greedy-tokens-written-after-eos', '6.8', {
        'out[:, t] = np.where(done, PAD, prev)':
            'out[:, t] = prev',
    }, ''),
    Scenario('beam-unfinished-dropped-at-max-len', '6.9', {
        '    finished += live\n':
            '',
    }, ''),
    Scenario('accuracy-prediction-length-not-capped', '6.10', {
        'k = min(T, pred.shape[1])':
            'k = pred.shape[1]',
    }, ''),
    Scenario('train-steps-overshoot-to-epoch-end', '6.11', {
        '            losses.append(float(loss))\n            if len(losses) == steps:\n'
        '                break\n':
            '            losses.append(float(loss))\n',
    }, ''),
]

VARIANTS = [
    Scenario('ids-to-tokens-takewhile', '6.1', {
        '    tokens = []\n    for i in ids:\n        if i == EOS:\n            break\n'
        '        if i != PAD and i != BOS:\n            tokens.append(itos[i])':
            '    import itertools\n'
            '    tokens = [itos[i] for i in itertools.takewhile(lambda i: i != EOS, ids)\n'
            '              if i not in (PAD, BOS)]',
    }, ''),
    Scenario('loader-chunks-by-array-split', '6.3', {
        'chunks = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]':
            'chunks = np.array_split(order, range(batch_size, len(order), batch_size))',
    }, ''),
]
