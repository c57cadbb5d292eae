"""Held-out mistakes of module 02_backprop (issue 14): half of the new mistakes, split at random
(random.Random(1414).shuffle per module) and set aside while the diagnosers were designed;
measured before being merged into the catalogue."""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('softmax-loss-over-all-classes', '2.5', {
        'loss = -logp[np.arange(n), y].mean()':
            'loss = -logp.mean()',
    }, 'the true class y[n] only'),
    Scenario('train-drops-last-batch', '2.8', {
        'for start in range(0, n, batch_size):':
            'for start in range(0, n - batch_size + 1, batch_size):',
    }, 'keep the last, short batch'),
    Scenario('train-same-order-every-epoch', '2.8', {
        '    for _ in range(epochs):\n        order = rng.permutation(n)':
            '    order = rng.permutation(n)\n    for _ in range(epochs):',
    }, 'every epoch'),
    Scenario('numgrad-forgets-restore', '2.6', {
        '        x[i] = old\n        grad[i]':
            '        grad[i]',
    }, 'restore each entry'),
    Scenario('relu-backward-reads-global', '2.3', {
        '    out = np.maximum(0, x)\n    cache = x':
            '    global _relu_x\n    out = np.maximum(0, x)\n    cache = x\n'
            '    _relu_x = x',
        '    x = cache\n    dx = dout * (x > 0)':
            '    dx = dout * (_relu_x > 0)',
    }, 'cache'),
]
