"""Eighteenth held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-backward-loop-bias-outside-loop', '2.2', {
        '    dx = dout @ w.T\n'
        '    dw = x.T @ dout\n'
        '    db = dout.sum(axis=0)\n':
            '    dx = np.zeros_like(x, dtype=float)\n'
            '    dw = np.zeros_like(w, dtype=float)\n'
            '    db = np.zeros(w.shape[1])\n'
            '    for n in range(x.shape[0]):\n'
            '        dx[n] = dout[n] @ w.T\n'
            '        dw += np.outer(x[n], dout[n])\n'
            '    db += dout[n]\n',
    }, ''),
    Scenario('relu-forward-step-function', '2.3', {
        '    out = np.maximum(0, x)':
            '    out = (x > 0).astype(float)',
    }, ''),
    Scenario('tanh-backward-derivative-negated', '2.4', {
        'dx = dout * (1 - cache**2)':
            'dx = dout * (cache**2 - 1)',
    }, ''),
    Scenario('softmax-loss-loop-overwrites-total', '2.5', {
        '    loss = -logp[np.arange(n), y].mean()':
            '    loss = 0.0\n'
            '    for i in range(n):\n'
            '        loss = -logp[i, y[i]]\n'
            '    loss /= n',
    }, ''),
    Scenario('softmax-max-subtracted-twice', '2.5', {
        '    z = logits - logits.max(axis=1, keepdims=True)\n'
        '    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))':
            '    m = logits.max(axis=1, keepdims=True)\n'
            '    z = logits - m\n'
            '    logp = z - (m + np.log(np.exp(z).sum(axis=1, keepdims=True)))',
    }, ''),
    Scenario('numgrad-saves-value-after-perturbing', '2.6', {
        '        old = x[i]\n'
        '        x[i] = old + h\n':
            '        x[i] = x[i] + h\n'
            '        old = x[i]\n',
    }, ''),
    Scenario('mlp-backward-divides-dscores-by-batch', '2.7', {
        '    d = dscores\n':
            '    d = dscores / dscores.shape[0]\n',
    }, ''),
    Scenario('train-loss-recomputed-after-step', '2.8', {
        '            sgd_step(params, grads, lr)\n'
        '            losses.append(float(loss))':
            '            sgd_step(params, grads, lr)\n'
            '            loss, _ = softmax_cross_entropy(mlp_forward(params, X[idx])[0], y[idx])\n'
            '            losses.append(float(loss))',
    }, ''),
    Scenario('train-losses-reset-every-epoch', '2.8', {
        '    for _ in range(epochs):\n'
        '        order = rng.permutation(n)':
            '    for _ in range(epochs):\n'
            '        losses = []\n'
            '        order = rng.permutation(n)',
    }, ''),
    Scenario('train-batch-slice-ignores-start', '2.8', {
        '            idx = order[start:start + batch_size]':
            '            idx = order[:batch_size]',
    }, ''),
]

VARIANTS = [
    Scenario('relu-forward-max-of-stack', '2.3', {
        '    out = np.maximum(0, x)':
            '    out = np.max(np.stack([np.zeros_like(x), x]), axis=0)',
    }, ''),
    Scenario('mlp-backward-reversed-enumerate', '2.7', {
        '    L = len(caches)\n'
        '    for i in range(L, 0, -1):\n'
        '        lin_cache, relu_cache = caches[i - 1]\n':
            '    for i, (lin_cache, relu_cache) in reversed(list(enumerate(caches, start=1))):\n',
    }, ''),
]
