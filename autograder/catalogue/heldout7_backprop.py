"""Seventh held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-backward-dw-outer-of-batch-sums', '2.2', {
        'dw = x.T @ dout':
            'dw = np.outer(x.sum(axis=0), dout.sum(axis=0))',
    }, ''),
    Scenario('linear-backward-dx-through-pseudo-inverse', '2.2', {
        'dx = dout @ w.T':
            'dx = dout @ np.linalg.pinv(w)',
    }, ''),
    Scenario('relu-backward-times-output', '2.3', {
        'dx = dout * (x > 0)':
            'dx = dout * np.maximum(0, x)',
    }, ''),
    Scenario('tanh-backward-sigmoid-derivative', '2.4', {
        'dx = dout * (1 - cache**2)':
            'dx = dout * cache * (1 - cache)',
    }, ''),
    Scenario('softmax-grad-from-log-probs', '2.5', {
        'dlogits = np.exp(logp)':
            'dlogits = logp',
    }, ''),
    Scenario('numgrad-returns-inside-loop', '2.6', {
        '        grad[i] = (fp - fm) / (2 * h)':
            '        grad[i] = (fp - fm) / (2 * h)\n'
            '        return grad',
    }, ''),
    Scenario('numgrad-relative-step', '2.6', {
        '        x[i] = old + h\n        fp = f(x)\n        x[i] = old - h':
            '        x[i] = old * (1 + h)\n        fp = f(x)\n        x[i] = old * (1 - h)',
    }, ''),
    Scenario('mlp-forward-relu-from-second-layer', '2.7', {
        '        if i < L:\n':
            '        if i > 1:\n',
    }, ''),
    Scenario('sgd-step-rebinds-loop-variable', '2.8', {
        '    for k in params:\n        params[k] -= lr * grads[k]':
            '    for k, p in params.items():\n        p = p - lr * grads[k]',
    }, ''),
    Scenario('train-reshuffles-every-batch', '2.8', {
        '        order = rng.permutation(n)\n        for start in range(0, n, batch_size):\n':
            '        for start in range(0, n, batch_size):\n'
            '            order = rng.permutation(n)\n',
    }, ''),
]

VARIANTS = [
    Scenario('linear-forward-bias-as-extra-row', '2.1', {
        'out = x @ w + b':
            'out = np.hstack([x, np.ones((x.shape[0], 1))]) @ np.vstack([w, b])',
    }, ''),
    Scenario('softmax-loss-logsumexp-minus-true-logit', '2.5', {
        'loss = -logp[np.arange(n), y].mean()':
            'loss = np.mean(np.log(np.exp(z).sum(axis=1)) - z[np.arange(n), y])',
    }, ''),
]
