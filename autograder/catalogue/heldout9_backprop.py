"""Ninth held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-forward-applies-relu', '2.1', {
        '    out = x @ w + b\n    cache = (x, w)':
            '    out = x @ w + b\n'
            '    out = np.maximum(0, out)\n'
            '    cache = (x, w)',
    }, ''),
    Scenario('linear-backward-dx-loop-keeps-last-row', '2.2', {
        '    dx = dout @ w.T\n'
        '    dw = x.T @ dout\n'
        '    db = dout.sum(axis=0)':
            '    dx = np.zeros_like(x)\n'
            '    dw = np.zeros_like(w)\n'
            '    for n in range(x.shape[0]):\n'
            '        dx = dout[n] @ w.T\n'
            '        dw += np.outer(x[n], dout[n])\n'
            '    db = dout.sum(axis=0)',
    }, ''),
    Scenario('relu-backward-mask-inverted', '2.3', {
        'dx = dout * (x > 0)':
            'dx = dout * (x < 0)',
    }, ''),
    Scenario('tanh-backward-squares-upstream', '2.4', {
        'dx = dout * (1 - cache**2)':
            'dx = dout * (1 - dout**2)',
    }, ''),
    Scenario('softmax-grad-of-log-likelihood', '2.5', {
        '    dlogits = np.exp(logp)\n'
        '    dlogits[np.arange(n), y] -= 1':
            '    dlogits = -np.exp(logp)\n'
            '    dlogits[np.arange(n), y] += 1',
    }, ''),
    Scenario('softmax-loss-true-logit-without-normaliser', '2.5', {
        'loss = -logp[np.arange(n), y].mean()':
            'loss = -z[np.arange(n), y].mean()',
    }, ''),
    Scenario('numgrad-flat-counter-never-advanced', '2.6', {
        '    grad = np.zeros_like(x, dtype=float)\n'
        '    for i in np.ndindex(x.shape):':
            '    grad = np.zeros(x.size)\n'
            '    k = 0\n'
            '    for i in np.ndindex(x.shape):',
        '        grad[i] = (fp - fm) / (2 * h)':
            '        grad[k] = (fp - fm) / (2 * h)\n'
            '    grad = grad.reshape(x.shape)',
    }, ''),
    Scenario('mlp-forward-returns-probabilities', '2.7', {
        '    scores = h\n':
            '    scores = np.exp(h - h.max(axis=1, keepdims=True))\n'
            '    scores /= scores.sum(axis=1, keepdims=True)\n',
    }, ''),
    Scenario('sgd-step-updates-weights-only', '2.8', {
        '    for k in params:\n'
        '        params[k] -= lr * grads[k]':
            '    for k in params:\n'
            '        if k.startswith("W"):\n'
            '            params[k] -= lr * grads[k]',
    }, ''),
    Scenario('train-lr-divided-by-batch-size', '2.8', {
        '            sgd_step(params, grads, lr)\n'
        '            losses.append(float(loss))':
            '            sgd_step(params, grads, lr / len(idx))\n'
            '            losses.append(float(loss))',
    }, ''),
]

VARIANTS = [
    Scenario('linear-backward-per-example-loop', '2.2', {
        '    dx = dout @ w.T\n'
        '    dw = x.T @ dout\n'
        '    db = dout.sum(axis=0)':
            '    dx = np.zeros_like(x, dtype=float)\n'
            '    dw = np.zeros_like(w, dtype=float)\n'
            '    for n in range(x.shape[0]):\n'
            '        dx[n] = dout[n] @ w.T\n'
            '        dw += np.outer(x[n], dout[n])\n'
            '    db = dout.sum(axis=0)',
    }, ''),
    Scenario('relu-forward-half-sum-with-abs', '2.3', {
        'out = np.maximum(0, x)':
            'out = (x + np.abs(x)) / 2',
    }, ''),
]
