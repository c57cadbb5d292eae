"""Seventeenth held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-forward-weights-used-transposed', '2.1', {
        'out = x @ w + b':
            'out = x @ w.T + b',
    }, ''),
    Scenario('linear-backward-db-local-derivative-only', '2.2', {
        'db = dout.sum(axis=0)':
            'db = np.ones(dout.shape[1])',
    }, ''),
    Scenario('relu-forward-max-reduction', '2.3', {
        'out = np.maximum(0, x)':
            'out = np.max(x, 0)',
    }, ''),
    Scenario('tanh-backward-sech-not-squared', '2.4', {
        '    out = np.tanh(x)\n    cache = out':
            '    out = np.tanh(x)\n    cache = x',
        'dx = dout * (1 - cache**2)':
            'dx = dout / np.cosh(cache)',
    }, ''),
    Scenario('softmax-grad-true-class-set-to-minus-one', '2.5', {
        'dlogits[np.arange(n), y] -= 1':
            'dlogits[np.arange(n), y] = -1',
    }, ''),
    Scenario('numgrad-minus-side-two-steps-back', '2.6', {
        'x[i] = old - h':
            'x[i] = old - 2 * h',
    }, ''),
    Scenario('mlp-backward-keys-numbered-from-the-top', '2.7', {
        '    for i in range(L, 0, -1):\n'
        '        lin_cache, relu_cache = caches[i - 1]\n':
            '    for i, (lin_cache, relu_cache) in enumerate(reversed(caches), start=1):\n',
    }, ''),
    Scenario('mlp-forward-drops-relu-output', '2.7', {
        '            h, relu_cache = relu_forward(h)':
            '            _, relu_cache = relu_forward(h)',
    }, ''),
    Scenario('train-hard-coded-batch-size', '2.8', {
        '        for start in range(0, n, batch_size):\n'
        '            idx = order[start:start + batch_size]':
            '        for start in range(0, n, 32):\n'
            '            idx = order[start:start + 32]',
    }, ''),
    Scenario('train-epochs-loop-inside-batch-loop', '2.8', {
        '    for _ in range(epochs):\n'
        '        order = rng.permutation(n)\n'
        '        for start in range(0, n, batch_size):\n'
        '            idx = order[start:start + batch_size]\n':
            '    order = rng.permutation(n)\n'
            '    for start in range(0, n, batch_size):\n'
            '        idx = order[start:start + batch_size]\n'
            '        for _ in range(epochs):\n',
    }, ''),
]

VARIANTS = [
    Scenario('linear-forward-flattens-inputs', '2.1', {
        'out = x @ w + b':
            'out = x.reshape(x.shape[0], -1) @ w + b',
    }, ''),
    Scenario('tanh-caches-squared-output', '2.4', {
        '    out = np.tanh(x)\n    cache = out':
            '    out = np.tanh(x)\n    cache = out**2',
        'dx = dout * (1 - cache**2)':
            'dx = dout * (1 - cache)',
    }, ''),
]
