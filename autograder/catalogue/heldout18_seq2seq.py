"""Eighteenth held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('pad-batch-length-from-first-sequence', '6.2', {
        'T = max(len(s) for s in seqs)':
            'T = len(seqs[0])',
    }, ''),
    Scenario('loader-batches-list-reset-in-loop', '6.3', {
        '    for idx in chunks:\n        s, s_mask = pad_batch([src[i] for i in idx])':
            '    for idx in chunks:\n        batches = []\n'
            '        s, s_mask = pad_batch([src[i] for i in idx])',
    }, ''),
    Scenario('masked-ce-log-taken-before-sum', '6.5', {
        'logp = z - np.log(np.exp(z).sum(axis=2, keepdims=True))':
            'logp = z - np.log(np.exp(z)).sum(axis=2, keepdims=True)',
    }, ''),
    Scenario('encoder-backward-embedding-grad-after-loop', '6.6', {
        '        np.add.at(grads["E_src"], src[:, t], dx)\n        dh = np.where(m, dh_prev, dh)\n'
        '        dc = np.where(m, dc_prev, dc)\n':
            '        dh = np.where(m, dh_prev, dh)\n        dc = np.where(m, dc_prev, dc)\n'
            '    np.add.at(grads["E_src"], src[:, t], dx)\n',
    }, ''),
    Scenario('loss-grads-replaced-by-encoder-grads', '6.7', {
        'grads.update(encoder_backward(dh0, dc0, enc_cache))':
            'grads = encoder_backward(dh0, dc0, enc_cache)',
    }, ''),
    Scenario('loss-encoder-state-gradients-swapped', '6.7', {
        'encoder_backward(dh0, dc0, enc_cache)':
            'encoder_backward(dc0, dh0, enc_cache)',
    }, ''),
    Scenario('greedy-output-where-branches-reversed', '6.8', {
        'out[:, t] = np.where(done, PAD, prev)':
            'out[:, t] = np.where(done, prev, PAD)',
    }, ''),
    Scenario('beam-live-never-replaced', '6.9', {
        '                new.append(cand)\n        live = new\n':
            '                new.append(cand)\n',
    }, ''),
    Scenario('accuracy-token-excludes-eos', '6.10', {
        'token = right.sum() / tgt_mask.sum()':
            'token = (right & (tgt != EOS)).sum() / (tgt_mask & (tgt != EOS)).sum()',
    }, ''),
    Scenario('train-clip-threshold-is-learning-rate', '6.11', {
        'grads, _ = clip_grad_norm(grads, clip)':
            'grads, _ = clip_grad_norm(grads, lr)',
    }, ''),
]

VARIANTS = [
    Scenario('beam-unravel-index', '6.9', {
        '            b, v = divmod(int(k), total.shape[1])':
            '            b, v = (int(j) for j in np.unravel_index(k, total.shape))',
    }, ''),
    Scenario('ids-to-tokens-while-loop', '6.1', {
        '    tokens = []\n    for i in ids:\n        if i == EOS:\n            break\n'
        '        if i != PAD and i != BOS:\n            tokens.append(itos[i])':
            '    tokens = []\n    k = 0\n    while k < len(ids) and ids[k] != EOS:\n'
            '        if ids[k] not in (PAD, BOS):\n            tokens.append(itos[ids[k]])\n'
            '        k += 1',
    }, ''),
]
