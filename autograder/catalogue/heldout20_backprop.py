"""Twentieth held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-cache-keeps-output', '2.1', {
        '    out = x @ w + b\n    cache = (x, w)':
            '    out = x @ w + b\n    cache = (out, w)',
    }, ''),
    Scenario('linear-backward-dw-divided-by-batch', '2.2', {
        'dw = x.T @ dout':
            'dw = x.T @ dout / x.shape[0]',
    }, ''),
    Scenario('relu-backward-zeroes-upstream-in-place', '2.3', {
        '    x = cache\n'
        '    dx = dout * (x > 0)':
            '    x = cache\n'
            '    dout[x <= 0] = 0\n'
            '    dx = dout',
    }, ''),
    Scenario('tanh-caches-input-not-output', '2.4', {
        '    out = np.tanh(x)\n    cache = out':
            '    out = np.tanh(x)\n    cache = x',
    }, ''),
    Scenario('tanh-backward-square-outside-brackets', '2.4', {
        'dx = dout * (1 - cache**2)':
            'dx = dout * (1 - cache)**2',
    }, ''),
    Scenario('softmax-loss-picks-columns-not-pairs', '2.5', {
        'loss = -logp[np.arange(n), y].mean()':
            'loss = -logp[:, y].mean()',
    }, ''),
    Scenario('numgrad-loops-over-first-axis-only', '2.6', {
        '    for i in np.ndindex(x.shape):':
            '    for i in range(len(x)):',
    }, ''),
    Scenario('mlp-backward-bias-grad-before-relu-mask', '2.7', {
        '        lin_cache, relu_cache = caches[i - 1]\n'
        '        if relu_cache is not None:\n'
        '            d = relu_backward(d, relu_cache)\n'
        '        d, grads[f"W{i}"], grads[f"b{i}"] = linear_backward(d, lin_cache)':
            '        lin_cache, relu_cache = caches[i - 1]\n'
            '        grads[f"b{i}"] = d.sum(axis=0)\n'
            '        if relu_cache is not None:\n'
            '            d = relu_backward(d, relu_cache)\n'
            '        d, grads[f"W{i}"], _ = linear_backward(d, lin_cache)',
    }, ''),
    Scenario('train-shuffles-once-before-epochs', '2.8', {
        '    for _ in range(epochs):\n'
        '        order = rng.permutation(n)\n':
            '    order = rng.permutation(n)\n'
            '    for _ in range(epochs):\n',
    }, ''),
    Scenario('train-inputs-sliced-without-permutation', '2.8', {
        '            scores, caches = mlp_forward(params, X[idx])':
            '            scores, caches = mlp_forward(params, X[start:start + batch_size])',
    }, ''),
]

VARIANTS = [
    Scenario('numgrad-perturbs-copies', '2.6', {
        '    for i in np.ndindex(x.shape):\n'
        '        old = x[i]\n'
        '        x[i] = old + h\n'
        '        fp = f(x)\n'
        '        x[i] = old - h\n'
        '        fm = f(x)\n'
        '        x[i] = old\n'
        '        grad[i] = (fp - fm) / (2 * h)':
            '    for i in np.ndindex(x.shape):\n'
            '        xp = x.copy()\n'
            '        xp[i] += h\n'
            '        xm = x.copy()\n'
            '        xm[i] -= h\n'
            '        grad[i] = (f(xp) - f(xm)) / (2 * h)',
    }, ''),
    Scenario('train-shuffles-arange-in-place', '2.8', {
        '        order = rng.permutation(n)\n':
            '        order = np.arange(n)\n'
            '        rng.shuffle(order)\n',
    }, ''),
]
