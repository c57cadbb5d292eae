"""Twelfth held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-forward-loop-adds-bias-twice', '2.1', {
        '    out = x @ w + b\n    cache = (x, w)':
            '    out = np.zeros((x.shape[0], w.shape[1]))\n'
            '    for n in range(x.shape[0]):\n'
            '        out[n] = x[n] @ w + b\n'
            '    out += b\n'
            '    cache = (x, w)',
    }, ''),
    Scenario('linear-backward-dw-from-dx', '2.2', {
        'dw = x.T @ dout':
            'dw = dx.T @ dout',
    }, ''),
    Scenario('relu-backward-where-keeps-input', '2.3', {
        'dx = dout * (x > 0)':
            'dx = np.where(x > 0, dout, x)',
    }, ''),
    Scenario('tanh-backward-expanded-drops-upstream', '2.4', {
        'dx = dout * (1 - cache**2)':
            'dx = dout - cache**2',
    }, ''),
    Scenario('softmax-grad-minus-one-everywhere', '2.5', {
        '    dlogits = np.exp(logp)\n    dlogits[np.arange(n), y] -= 1\n':
            '    dlogits = np.exp(logp) - 1\n',
    }, ''),
    Scenario('softmax-loss-missing-minus', '2.5', {
        'loss = -logp[np.arange(n), y].mean()':
            'loss = logp[np.arange(n), y].mean()',
    }, ''),
    Scenario('numgrad-returns-flat-list', '2.6', {
        '    grad = np.zeros_like(x, dtype=float)\n':
            '    grad = []\n',
        '        grad[i] = (fp - fm) / (2 * h)\n':
            '        grad.append((fp - fm) / (2 * h))\n'
            '    grad = np.array(grad)\n',
    }, ''),
    Scenario('mlp-forward-one-layer-short', '2.7', {
        '    for i in range(1, L + 1):\n        h, lin_cache = linear_forward(':
            '    for i in range(1, L):\n        h, lin_cache = linear_forward(',
    }, ''),
    Scenario('mlp-backward-zero-based-keys', '2.7', {
        '    for i in range(L, 0, -1):\n        lin_cache, relu_cache = caches[i - 1]':
            '    for i in reversed(range(L)):\n        lin_cache, relu_cache = caches[i]',
    }, ''),
    Scenario('train-permutes-inputs-and-labels-separately', '2.8', {
        '        order = rng.permutation(n)\n'
        '        for start in range(0, n, batch_size):\n'
        '            idx = order[start:start + batch_size]\n'
        '            scores, caches = mlp_forward(params, X[idx])\n'
        '            loss, dscores = softmax_cross_entropy(scores, y[idx])':
            '        X_shuf, y_shuf = rng.permutation(X), rng.permutation(y)\n'
            '        for start in range(0, n, batch_size):\n'
            '            xb = X_shuf[start:start + batch_size]\n'
            '            yb = y_shuf[start:start + batch_size]\n'
            '            scores, caches = mlp_forward(params, xb)\n'
            '            loss, dscores = softmax_cross_entropy(scores, yb)',
    }, ''),
]

VARIANTS = [
    Scenario('relu-caches-boolean-mask', '2.3', {
        '    out = np.maximum(0, x)\n    cache = x':
            '    out = np.maximum(0, x)\n    cache = x > 0',
    }, ''),
    Scenario('sgd-step-in-place-on-items', '2.8', {
        '    for k in params:\n        params[k] -= lr * grads[k]':
            '    for k, p in params.items():\n        p -= lr * grads[k]',
    }, ''),
]
