"""Fifteenth held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-forward-scaled-by-root-fan-in', '2.1', {
        'out = x @ w + b':
            'out = x @ w / np.sqrt(x.shape[1]) + b',
    }, ''),
    Scenario('linear-backward-dx-summed-over-batch', '2.2', {
        'dx = dout @ w.T':
            'dx = (dout @ w.T).sum(axis=0)',
    }, ''),
    Scenario('relu-forward-abs-sum-not-halved', '2.3', {
        'out = np.maximum(0, x)':
            'out = x + np.abs(x)',
    }, ''),
    Scenario('tanh-backward-one-minus-abs', '2.4', {
        'dx = dout * (1 - cache**2)':
            'dx = dout * (1 - np.abs(cache))',
    }, ''),
    Scenario('softmax-normaliser-summed-over-whole-batch', '2.5', {
        'logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))':
            'logp = z - np.log(np.exp(z).sum())',
    }, ''),
    Scenario('softmax-loss-weighted-by-label-value', '2.5', {
        'loss = -logp[np.arange(n), y].mean()':
            'loss = -np.mean(y * logp[np.arange(n), y])',
    }, ''),
    Scenario('numgrad-hard-coded-step-divided-by-h', '2.6', {
        'x[i] = old + h': 'x[i] = old + 1e-5',
        'x[i] = old - h': 'x[i] = old - 1e-5',
    }, ''),
    Scenario('mlp-forward-caches-before-relu', '2.7', {
        '        relu_cache = None\n'
        '        if i < L:\n'
        '            h, relu_cache = relu_forward(h)\n'
        '        caches.append((lin_cache, relu_cache))':
            '        relu_cache = None\n'
            '        caches.append((lin_cache, relu_cache))\n'
            '        if i < L:\n'
            '            h, relu_cache = relu_forward(h)',
    }, ''),
    Scenario('train-array-split-into-batch-size-pieces', '2.8', {
        '        for start in range(0, n, batch_size):\n'
        '            idx = order[start:start + batch_size]':
            '        for idx in np.array_split(order, batch_size):',
    }, ''),
    Scenario('sgd-step-clips-gradients', '2.8', {
        'params[k] -= lr * grads[k]':
            'params[k] -= lr * np.clip(grads[k], -1.0, 1.0)',
    }, ''),
]

VARIANTS = [
    Scenario('tanh-forward-from-exp-of-2x', '2.4', {
        'out = np.tanh(x)':
            'out = 1.0 - 2.0 / (np.exp(2.0 * x) + 1.0)',
    }, ''),
    Scenario('mlp-backward-inline-relu-mask', '2.7', {
        '            d = relu_backward(d, relu_cache)':
            '            d = d * (relu_cache > 0)',
    }, ''),
]
