"""Sixth held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('unknown-token-mapped-to-pad', '6.1', {
        'ids = [stoi.get(t, UNK) for t in tokens] + [EOS]':
            'ids = [stoi.get(t, PAD) for t in tokens] + [EOS]',
    }, ''),
    Scenario('pad-batch-extra-column', '6.2', {
        'T = max(len(s) for s in seqs)':
            'T = max(len(s) for s in seqs) + 1',
    }, ''),
    Scenario('bucket-sorted-lengths-as-indices', '6.3', {
        'order = order[np.argsort(lengths, kind="stable")]':
            'order = order[np.sort(lengths, kind="stable")]',
    }, ''),
    Scenario('masked-ce-unshifted-logits-in-normaliser', '6.5', {
        'logp = z - np.log(np.exp(z).sum(axis=2, keepdims=True))':
            'logp = z - np.log(np.exp(logits).sum(axis=2, keepdims=True))',
    }, ''),
    Scenario('encoder-backward-no-embedding-grad', '6.6', {
        '        np.add.at(grads["E_src"], src[:, t], dx)\n':
            '',
    }, ''),
    Scenario('loss-decoder-embeds-with-source-table', '6.7', {
        'x = params["E_tgt"][dec_in]':
            'x = params["E_src"][dec_in]',
    }, ''),
    Scenario('greedy-eos-logp-not-counted', '6.8', {
        '        logp += np.where(done, 0.0, lp[np.arange(N), prev])\n        done = done | (prev == EOS)':
            '        done = done | (prev == EOS)\n'
            '        logp += np.where(done, 0.0, lp[np.arange(N), prev])',
    }, ''),
    Scenario('beam-prefix-starts-with-bos', '6.9', {
        'live = [([], 0.0, h[0], c[0])]':
            'live = [([BOS], 0.0, h[0], c[0])]',
    }, ''),
    Scenario('accuracy-token-mean-of-sequence-rates', '6.10', {
        'token = right.sum() / tgt_mask.sum()':
            'token = np.mean(right.sum(axis=1) / tgt_mask.sum(axis=1))',
    }, ''),
    Scenario('train-batches-built-once', '6.11', {
        '    while len(losses) < steps:\n'
        '        for batch in make_batches(src, tgt, batch_size, rng, bucket=True):':
            '    batches = make_batches(src, tgt, batch_size, rng, bucket=True)\n'
            '    while len(losses) < steps:\n        for batch in batches:',
    }, ''),
]

VARIANTS = [
    Scenario('accuracy-exact-by-counts', '6.10', {
        'exact = np.mean(np.all(right | ~tgt_mask, axis=1))':
            'exact = np.mean(right.sum(axis=1) == tgt_mask.sum(axis=1))',
    }, ''),
    Scenario('encoder-backward-padded-pass-through-by-sum', '6.6', {
        '        dh = np.where(m, dh_prev, dh)\n        dc = np.where(m, dc_prev, dc)':
            '        dh = dh_prev + np.where(m, 0.0, dh)\n        dc = dc_prev + np.where(m, 0.0, dc)',
    }, ''),
]
