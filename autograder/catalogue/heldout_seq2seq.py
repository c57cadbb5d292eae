"""Held-out mistakes of module 06_seq2seq (issue 14): half of the new mistakes, split at random
(random.Random(1414).shuffle per module) and set aside while the diagnosers were designed;
measured before being merged into the catalogue."""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('train-no-bucketing', '6.11', {
        'make_batches(src, tgt, batch_size, rng, bucket=True)':
            'make_batches(src, tgt, batch_size, rng, bucket=False)',
    }, 'bucket'),
    Scenario('encoder-backward-ignores-mask', '6.6', {
        'dh = np.where(m, dh_prev, dh)\n        dc = np.where(m, dc_prev, dc)':
            'dh, dc = dh_prev, dc_prev',
    }, 'padded'),
    Scenario('masked-ce-divides-by-batch', '6.5', {
        'count = m.sum()':
            'count = m.shape[0]',
    }, 'real tokens'),
    Scenario('train-no-clipping', '6.11', {
        'grads, _ = clip_grad_norm(grads, clip)':
            'pass',
    }, 'clip'),
    Scenario('greedy-ignores-source', '6.8', {
        '    h, c, _ = encoder_forward(params, src, src_mask)\n'
        '    N = src.shape[0]':
            '    h, c, _ = encoder_forward(params, src, src_mask)\n'
            '    h, c = 0 * h, 0 * c\n    N = src.shape[0]',
    }, 'does not depend on the source'),
]
