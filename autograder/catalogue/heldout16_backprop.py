"""Sixteenth held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-backward-dw-by-np-outer', '2.2', {
        'dw = x.T @ dout':
            'dw = np.outer(x, dout)',
    }, ''),
    Scenario('linear-backward-db-after-dout-reassigned', '2.2', {
        '    dx = dout @ w.T\n'
        '    dw = x.T @ dout\n'
        '    db = dout.sum(axis=0)':
            '    dw = x.T @ dout\n'
            '    dout = dout @ w.T\n'
            '    db = dout.sum(axis=0)\n'
            '    dx = dout',
    }, ''),
    Scenario('tanh-backward-via-sigmoid-missing-inner-factor', '2.4', {
        'dx = dout * (1 - cache**2)':
            's = (cache + 1) / 2\n'
            '    dx = dout * 2 * s * (1 - s)',
    }, ''),
    Scenario('softmax-grad-subtracts-at-predicted-class', '2.5', {
        'dlogits[np.arange(n), y] -= 1':
            'dlogits[np.arange(n), logits.argmax(axis=1)] -= 1',
    }, ''),
    Scenario('softmax-loss-from-probabilities-after-grad-edit', '2.5', {
        '    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))\n'
        '    loss = -logp[np.arange(n), y].mean()\n'
        '    dlogits = np.exp(logp)\n'
        '    dlogits[np.arange(n), y] -= 1\n'
        '    dlogits /= n':
            '    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)\n'
            '    dlogits = p\n'
            '    dlogits[np.arange(n), y] -= 1\n'
            '    dlogits /= n\n'
            '    loss = -np.log(p[np.arange(n), y]).mean()',
    }, ''),
    Scenario('numgrad-basis-vector-never-cleared', '2.6', {
        '    for i in np.ndindex(x.shape):\n'
        '        old = x[i]\n'
        '        x[i] = old + h\n'
        '        fp = f(x)\n'
        '        x[i] = old - h\n'
        '        fm = f(x)\n'
        '        x[i] = old\n'
        '        grad[i] = (fp - fm) / (2 * h)':
            '    e = np.zeros_like(x, dtype=float)\n'
            '    for i in np.ndindex(x.shape):\n'
            '        e[i] = h\n'
            '        grad[i] = (f(x + e) - f(x - e)) / (2 * h)',
    }, ''),
    Scenario('mlp-backward-layer-count-halved', '2.7', {
        '    L = len(caches)\n':
            '    L = len(caches) // 2\n',
    }, ''),
    Scenario('mlp-forward-appends-cache-after-loop', '2.7', {
        '        if i < L:\n'
        '            h, relu_cache = relu_forward(h)\n'
        '        caches.append((lin_cache, relu_cache))':
            '        if i < L:\n'
            '            h, relu_cache = relu_forward(h)\n'
            '    caches.append((lin_cache, relu_cache))',
    }, ''),
    Scenario('sgd-step-returns-inside-loop', '2.8', {
        '    for k in params:\n'
        '        params[k] -= lr * grads[k]':
            '    for k in params:\n'
            '        params[k] -= lr * grads[k]\n'
            '        return params',
    }, ''),
    Scenario('train-batch-offset-multiplied-by-batch-size', '2.8', {
        'idx = order[start:start + batch_size]':
            'idx = order[start * batch_size:(start + 1) * batch_size]',
    }, ''),
]

VARIANTS = [
    Scenario('tanh-backward-via-sigmoid-derivative', '2.4', {
        'dx = dout * (1 - cache**2)':
            's = (cache + 1) / 2\n'
            '    dx = dout * 4 * s * (1 - s)',
    }, ''),
    Scenario('train-batches-by-count', '2.8', {
        '        for start in range(0, n, batch_size):\n'
        '            idx = order[start:start + batch_size]':
            '        for b in range(int(np.ceil(n / batch_size))):\n'
            '            idx = order[b * batch_size:(b + 1) * batch_size]',
    }, ''),
]
