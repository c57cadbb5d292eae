"""Twenty-first held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('pad-batch-pads-on-the-left', '6.2', {
        '        ids[i, :len(s)] = s\n        mask[i, :len(s)] = True':
            '        ids[i, T - len(s):] = s\n        mask[i, T - len(s):] = True',
    }, ''),
    Scenario('bucket-sorts-unshuffled-indices', '6.3', {
        '        lengths = np.array([len(src[i]) for i in order])\n'
        '        order = order[np.argsort(lengths, kind="stable")]':
            '        lengths = np.array([len(s) for s in src])\n'
            '        order = np.argsort(lengths, kind="stable")',
    }, ''),
    Scenario('shift-right-copies-target-unshifted', '6.4', {
        'dec_in[:, 1:] = tgt[:, :-1]':
            'dec_in[:, 1:] = tgt[:, 1:]',
    }, ''),
    Scenario('masked-ce-normalised-by-batch-size', '6.5', {
        'count = m.sum()':
            'count = m.shape[0]',
    }, ''),
    Scenario('encoder-backward-cell-gradient-enters-padded-steps', '6.6', {
        'lstm_step_backward(dh * m, dc * m, steps[t])':
            'lstm_step_backward(dh * m, dc, steps[t])',
    }, ''),
    Scenario('loss-encoder-cell-gradient-dropped', '6.7', {
        'grads.update(encoder_backward(dh0, dc0, enc_cache))':
            'grads.update(encoder_backward(dh0, np.zeros_like(dc0), enc_cache))',
    }, ''),
    Scenario('greedy-stops-when-any-finished', '6.8', {
        'if done.all():':
            'if done.any():',
    }, ''),
    Scenario('beam-eos-extension-kept-live', '6.9', {
        '            if v == EOS:\n                finished.append(cand)\n'
        '            else:\n                new.append(cand)':
            '            if v == EOS:\n                finished.append(cand)\n'
            '            new.append(cand)',
    }, ''),
    Scenario('accuracy-exact-ignores-eos-position', '6.10', {
        'exact = np.mean(np.all(right | ~tgt_mask, axis=1))':
            'exact = np.mean(np.all(right | ~(tgt_mask & (tgt != EOS)), axis=1))',
    }, ''),
    Scenario('train-batches-not-bucketed', '6.11', {
        'make_batches(src, tgt, batch_size, rng, bucket=True)':
            'make_batches(src, tgt, batch_size, rng)',
    }, ''),
]

VARIANTS = [
    Scenario('bucket-batch-order-shuffled-in-place', '6.3', {
        '        chunks = [chunks[k] for k in rng.permutation(len(chunks))]':
            '        rng.shuffle(chunks)',
    }, ''),
    Scenario('accuracy-token-by-boolean-indexing', '6.10', {
        'token = right.sum() / tgt_mask.sum()':
            'token = np.mean(p[tgt_mask] == tgt[tgt_mask])',
    }, ''),
]
