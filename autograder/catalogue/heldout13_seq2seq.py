"""Thirteenth held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('ids-to-tokens-skips-first-id-as-bos', '6.1', {
        '    for i in ids:\n        if i == EOS:':
            '    for i in ids[1:]:\n        if i == EOS:',
    }, ''),
    Scenario('pad-batch-mask-from-default-pad-id', '6.2', {
        '    mask = np.zeros((len(seqs), T), dtype=bool)\n    for i, s in enumerate(seqs):\n'
        '        ids[i, :len(s)] = s\n        mask[i, :len(s)] = True':
            '    for i, s in enumerate(seqs):\n        ids[i, :len(s)] = s\n    mask = ids != PAD',
    }, ''),
    Scenario('loader-order-drawn-with-replacement', '6.3', {
        'order = rng.permutation(len(src))':
            'order = rng.choice(len(src), size=len(src))',
    }, ''),
    Scenario('shift-right-bos-never-written', '6.4', {
        '    dec_in = np.empty_like(tgt)\n    dec_in[:, 0] = bos\n    dec_in[:, 1:] = tgt[:, :-1]':
            '    dec_in = np.zeros_like(tgt)\n    dec_in[:, 1:] = tgt[:, :-1]',
    }, ''),
    Scenario('masked-ce-grad-from-log-probabilities', '6.5', {
        'dlogits = np.exp(logp)':
            'dlogits = logp.copy()',
    }, ''),
    Scenario('encoder-backward-carry-never-updated', '6.6', {
        '        np.add.at(grads["E_src"], src[:, t], dx)\n'
        '        dh = np.where(m, dh_prev, dh)\n        dc = np.where(m, dc_prev, dc)\n':
            '        np.add.at(grads["E_src"], src[:, t], dx)\n',
    }, ''),
    Scenario('loss-target-embedding-grad-by-fancy-index', '6.7', {
        '    np.add.at(grads["E_tgt"], dec_in, dx)':
            '    grads["E_tgt"][dec_in] += dx',
    }, ''),
    Scenario('greedy-loop-one-step-short', '6.8', {
        '    for t in range(max_len):\n        lp, h, c = decoder_step(params, prev, h, c)':
            '    for t in range(max_len - 1):\n        lp, h, c = decoder_step(params, prev, h, c)',
    }, ''),
    Scenario('beam-scores-multiplied', '6.9', {
        'total = np.array([b[1] for b in live])[:, None] + lp':
            'total = np.array([b[1] for b in live])[:, None] * lp',
    }, ''),
    Scenario('train-batch-size-hard-coded', '6.11', {
        'make_batches(src, tgt, batch_size, rng, bucket=True)':
            'make_batches(src, tgt, 32, rng, bucket=True)',
    }, ''),
]

VARIANTS = [
    Scenario('greedy-feeds-pad-after-eos', '6.8', {
        '        prev = lp.argmax(axis=1)\n        out[:, t] = np.where(done, PAD, prev)\n'
        '        logp += np.where(done, 0.0, lp[np.arange(N), prev])\n'
        '        done = done | (prev == EOS)\n':
            '        tok = lp.argmax(axis=1)\n        out[:, t] = np.where(done, PAD, tok)\n'
            '        logp += np.where(done, 0.0, lp[np.arange(N), tok])\n'
            '        done = done | (tok == EOS)\n'
            '        prev = np.where(done, PAD, tok)\n',
    }, ''),
    Scenario('masked-ce-log-softmax-by-logaddexp', '6.5', {
        '    z = logits - logits.max(axis=2, keepdims=True)\n'
        '    logp = z - np.log(np.exp(z).sum(axis=2, keepdims=True))':
            '    logp = logits - np.logaddexp.reduce(logits, axis=2, keepdims=True)',
    }, ''),
]
