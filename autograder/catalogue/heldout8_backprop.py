"""Eighth held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-cache-order-swapped', '2.1', {
        '    out = x @ w + b\n    cache = (x, w)':
            '    out = x @ w + b\n    cache = (w, x)',
    }, ''),
    Scenario('linear-backward-bias-summed-over-outputs', '2.2', {
        'db = dout.sum(axis=0)':
            'db = dout.sum(axis=1)',
    }, ''),
    Scenario('linear-backward-dx-through-dw', '2.2', {
        '    dx = dout @ w.T\n    dw = x.T @ dout':
            '    dw = x.T @ dout\n    dx = dout @ dw.T',
    }, ''),
    Scenario('relu-forward-clipped-at-one', '2.3', {
        'out = np.maximum(0, x)':
            'out = np.clip(x, 0, 1)',
    }, ''),
    Scenario('tanh-backward-times-two-not-squared', '2.4', {
        'dx = dout * (1 - cache**2)':
            'dx = dout * (1 - cache * 2)',
    }, ''),
    Scenario('softmax-log-probs-from-unshifted-logits', '2.5', {
        'logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))':
            'logp = logits - np.log(np.exp(z).sum(axis=1, keepdims=True))',
    }, ''),
    Scenario('numgrad-grad-reset-inside-loop', '2.6', {
        '    grad = np.zeros_like(x, dtype=float)\n    for i in np.ndindex(x.shape):\n':
            '    for i in np.ndindex(x.shape):\n        grad = np.zeros_like(x, dtype=float)\n',
    }, ''),
    Scenario('mlp-forward-caches-only-hidden-layers', '2.7', {
        '            h, relu_cache = relu_forward(h)\n        caches.append((lin_cache, relu_cache))':
            '            h, relu_cache = relu_forward(h)\n'
            '            caches.append((lin_cache, relu_cache))',
    }, ''),
    Scenario('train-reinitialises-every-epoch', '2.8', {
        '    for _ in range(epochs):\n        order = rng.permutation(n)':
            '    for _ in range(epochs):\n'
            '        params = mlp_init(sizes, rng)\n'
            '        order = rng.permutation(n)',
    }, ''),
    Scenario('train-batch-start-steps-by-one', '2.8', {
        'for start in range(0, n, batch_size):':
            'for start in range(n // batch_size):',
    }, ''),
]

VARIANTS = [
    Scenario('relu-backward-heaviside', '2.3', {
        'dx = dout * (x > 0)':
            'dx = dout * np.heaviside(x, 0.0)',
    }, ''),
    Scenario('sgd-step-over-gradient-items', '2.8', {
        '    for k in params:\n        params[k] -= lr * grads[k]':
            '    for k, g in grads.items():\n        params[k] -= lr * g',
    }, ''),
]
