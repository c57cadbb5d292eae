"""Tenth held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-backward-bias-gradient-keeps-dims', '2.2', {
        'db = dout.sum(axis=0)':
            'db = dout.sum(axis=0, keepdims=True)',
    }, ''),
    Scenario('relu-forward-absolute-value', '2.3', {
        'out = np.maximum(0, x)\n    cache = x':
            'out = np.abs(x)\n    cache = x',
    }, ''),
    Scenario('relu-backward-clipped-input', '2.3', {
        'dx = dout * (x > 0)':
            'dx = dout * np.clip(x, 0, 1)',
    }, ''),
    Scenario('tanh-backward-cosh-of-output', '2.4', {
        'dx = dout * (1 - cache**2)':
            'dx = dout / np.cosh(cache) ** 2',
    }, ''),
    Scenario('softmax-grad-divided-by-classes', '2.5', {
        'dlogits /= n':
            'dlogits /= logits.shape[1]',
    }, ''),
    Scenario('softmax-grad-subtracts-label-value', '2.5', {
        'dlogits[np.arange(n), y] -= 1':
            'dlogits[np.arange(n), y] -= y',
    }, ''),
    Scenario('numgrad-minus-side-after-restore', '2.6', {
        '        x[i] = old - h\n'
        '        fm = f(x)\n'
        '        x[i] = old\n':
            '        x[i] = old\n'
            '        fm = f(x)\n'
            '        x[i] = old - h\n',
    }, ''),
    Scenario('mlp-forward-relu-on-inputs', '2.7', {
        '    h = x\n    for i in range(1, L + 1):':
            '    h, _ = relu_forward(x)\n    for i in range(1, L + 1):',
    }, ''),
    Scenario('mlp-backward-through-tanh', '2.7', {
        'd = relu_backward(d, relu_cache)':
            'd = tanh_backward(d, relu_cache)',
    }, ''),
    Scenario('train-batches-drawn-with-replacement', '2.8', {
        'idx = order[start:start + batch_size]':
            'idx = rng.integers(0, n, size=batch_size)',
    }, ''),
]

VARIANTS = [
    Scenario('tanh-forward-from-doubled-sigmoid', '2.4', {
        'out = np.tanh(x)\n    cache = out':
            'out = 2 * sigmoid_forward(2 * x)[0] - 1\n    cache = out',
    }, ''),
    Scenario('relu-backward-mask-from-forward-output', '2.3', {
        'dx = dout * (x > 0)':
            'dx = dout * (np.maximum(0, x) > 0)',
    }, ''),
]
