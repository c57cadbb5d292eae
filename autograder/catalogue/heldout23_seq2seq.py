"""Twenty-third held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('ids-to-tokens-stops-at-pad', '6.1', {
        '        if i == EOS:\n            break\n':
            '        if i == EOS or i == PAD:\n            break\n',
    }, ''),
    Scenario('pad-batch-mask-leaves-out-final-token', '6.2', {
        'mask[i, :len(s)] = True':
            'mask[i, :len(s) - 1] = True',
    }, ''),
    Scenario('shift-right-global-bos-for-argument', '6.4', {
        '    dec_in[:, 0] = bos\n':
            '    dec_in[:, 0] = BOS\n',
    }, ''),
    Scenario('masked-ce-real-positions-from-pad-id', '6.5', {
        'm = mask.astype(np.float64)':
            'm = (targets != PAD).astype(np.float64)',
    }, ''),
    Scenario('encoder-embedding-grad-by-fancy-index', '6.6', {
        'np.add.at(grads["E_src"], src[:, t], dx)':
            'grads["E_src"][src[:, t]] += dx',
    }, ''),
    Scenario('loss-masked-with-source-mask', '6.7', {
        'masked_cross_entropy(logits, tgt, tgt_mask)':
            'masked_cross_entropy(logits, tgt, src_mask)',
    }, ''),
    Scenario('greedy-never-picks-pad-or-bos', '6.8', {
        '        prev = lp.argmax(axis=1)\n':
            '        lp[:, [PAD, BOS]] = -np.inf\n'
            '        prev = lp.argmax(axis=1)\n',
    }, ''),
    Scenario('beam-descending-by-reversed-ascending-sort', '6.9', {
        'best = np.argsort(-total, axis=None, kind="stable")[:beam_width]':
            'best = np.argsort(total, axis=None, kind="stable")[::-1][:beam_width]',
    }, ''),
    Scenario('accuracy-returned-token-then-exact', '6.10', {
        '    return float(exact), float(token)':
            '    return float(token), float(exact)',
    }, ''),
    Scenario('train-clip-threshold-fixed-at-five', '6.11', {
        'grads, _ = clip_grad_norm(grads, clip)':
            'grads, _ = clip_grad_norm(grads, 5.0)',
    }, ''),
]

VARIANTS = [
    Scenario('bucket-lengths-of-all-then-permuted', '6.3', {
        '        lengths = np.array([len(src[i]) for i in order])\n':
            '        lengths = np.array([len(s) for s in src])[order]\n',
    }, ''),
    Scenario('accuracy-copy-clipped-by-slicing', '6.10', {
        '    k = min(T, pred.shape[1])\n    p[:, :k] = pred[:, :k]\n':
            '    p[:, :pred.shape[1]] = pred[:, :T]\n',
    }, ''),
]
