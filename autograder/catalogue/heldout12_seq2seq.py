"""Twelfth held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('tokens-to-ids-adds-unknown-to-vocab', '6.1', {
        '    ids = [stoi.get(t, UNK) for t in tokens] + [EOS]':
            '    ids = []\n'
            '    for t in tokens:\n'
            '        if t not in stoi:\n'
            '            stoi[t] = len(stoi)\n'
            '        ids.append(stoi[t])\n'
            '    ids.append(EOS)',
    }, ''),
    Scenario('pad-batch-rows-sorted-by-length', '6.2', {
        '    T = max(len(s) for s in seqs)\n':
            '    seqs = sorted(seqs, key=len)\n    T = max(len(s) for s in seqs)\n',
    }, ''),
    Scenario('bucket-sort-not-stable', '6.3', {
        'order = order[np.argsort(lengths, kind="stable")]':
            'order = order[np.argsort(lengths)]',
    }, ''),
    Scenario('masked-ce-mask-applied-before-one-hot', '6.5', {
        '    dlogits = np.exp(logp)\n'
        '    dlogits[n_idx, t_idx, targets] -= 1\n'
        '    dlogits *= (m / count)[:, :, None]':
            '    dlogits = np.exp(logp) * m[:, :, None]\n'
            '    dlogits[n_idx, t_idx, targets] -= 1\n'
            '    dlogits /= count',
    }, ''),
    Scenario('encoder-where-branches-reversed', '6.6', {
        'h = np.where(m, h_new, h)\n        c = np.where(m, c_new, c)':
            'h = np.where(m, h, h_new)\n        c = np.where(m, c, c_new)',
    }, ''),
    Scenario('loss-encoder-gets-first-decoder-output-gradient', '6.7', {
        'grads.update(encoder_backward(dh0, dc0, enc_cache))':
            'grads.update(encoder_backward(dh[:, 0], dc0, enc_cache))',
    }, ''),
    Scenario('greedy-logp-scored-before-argmax', '6.8', {
        '        prev = lp.argmax(axis=1)\n'
        '        out[:, t] = np.where(done, PAD, prev)\n'
        '        logp += np.where(done, 0.0, lp[np.arange(N), prev])':
            '        logp += np.where(done, 0.0, lp[np.arange(N), prev])\n'
            '        prev = lp.argmax(axis=1)\n'
            '        out[:, t] = np.where(done, PAD, prev)',
    }, ''),
    Scenario('beam-length-counts-bos', '6.9', {
        'key=lambda f: f[1] / len(f[0]))':
            'key=lambda f: f[1] / (len(f[0]) + 1))',
    }, ''),
    Scenario('accuracy-exact-over-whole-batch', '6.10', {
        'exact = np.mean(np.all(right | ~tgt_mask, axis=1))':
            'exact = np.mean(np.all(right | ~tgt_mask))',
    }, ''),
    Scenario('train-adam-state-fresh-every-step', '6.11', {
        'adam_step(params, grads, state, lr)':
            'adam_step(params, grads, adam_init(params), lr)',
    }, ''),
]

VARIANTS = [
    Scenario('shift-right-in-place-on-copy', '6.4', {
        '    dec_in = np.empty_like(tgt)\n    dec_in[:, 0] = bos\n    dec_in[:, 1:] = tgt[:, :-1]':
            '    dec_in = tgt.copy()\n    dec_in[:, 1:] = dec_in[:, :-1]\n    dec_in[:, 0] = bos',
    }, ''),
    Scenario('greedy-done-from-written-output', '6.8', {
        'done = done | (prev == EOS)':
            'done = done | (out[:, t] == EOS)',
    }, ''),
]
