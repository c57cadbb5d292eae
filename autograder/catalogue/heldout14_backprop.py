"""Fourteenth held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-cache-keeps-bias-too', '2.1', {
        '    out = x @ w + b\n    cache = (x, w)\n':
            '    out = x @ w + b\n    cache = (x, w, b)\n',
    }, ''),
    Scenario('linear-backward-dx-without-transpose', '2.2', {
        '    dx = dout @ w.T\n':
            '    dx = dout @ w\n',
    }, ''),
    Scenario('relu-backward-boolean-indexes-upstream', '2.3', {
        '    dx = dout * (x > 0)\n':
            '    dx = dout[x > 0]\n',
    }, ''),
    Scenario('tanh-forward-exp-formula-missing-brackets', '2.4', {
        '    out = np.tanh(x)\n    cache = out\n':
            '    out = np.exp(x) - np.exp(-x) / (np.exp(x) + np.exp(-x))\n    cache = out\n',
    }, ''),
    Scenario('softmax-normaliser-without-keepdims', '2.5', {
        'logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))':
            'logp = z - np.log(np.exp(z).sum(axis=1))',
    }, ''),
    Scenario('softmax-grad-only-on-true-class', '2.5', {
        '    dlogits = np.exp(logp)\n    dlogits[np.arange(n), y] -= 1\n':
            '    dlogits = np.zeros(logits.shape)\n'
            '    dlogits[np.arange(n), y] = np.exp(logp[np.arange(n), y]) - 1\n',
    }, ''),
    Scenario('numgrad-saved-input-is-an-alias', '2.6', {
        '    for i in np.ndindex(x.shape):\n'
        '        old = x[i]\n'
        '        x[i] = old + h\n'
        '        fp = f(x)\n'
        '        x[i] = old - h\n'
        '        fm = f(x)\n'
        '        x[i] = old\n':
            '    x0 = x\n'
            '    for i in np.ndindex(x.shape):\n'
            '        x[i] = x0[i] + h\n'
            '        fp = f(x)\n'
            '        x[i] = x0[i] - h\n'
            '        fm = f(x)\n'
            '        x[i] = x0[i]\n',
    }, ''),
    Scenario('mlp-forward-relu-cache-carried-to-output-layer', '2.7', {
        '    h = x\n'
        '    for i in range(1, L + 1):\n'
        '        h, lin_cache = linear_forward(h, params[f"W{i}"], params[f"b{i}"])\n'
        '        relu_cache = None\n':
            '    h = x\n'
            '    relu_cache = None\n'
            '    for i in range(1, L + 1):\n'
            '        h, lin_cache = linear_forward(h, params[f"W{i}"], params[f"b{i}"])\n',
    }, ''),
    Scenario('train-example-count-from-feature-axis', '2.8', {
        '    n = X.shape[0]\n':
            '    n = X.shape[1]\n',
    }, ''),
    Scenario('sgd-step-zips-params-with-grad-values', '2.8', {
        '    for k in params:\n        params[k] -= lr * grads[k]\n':
            '    for k, g in zip(params, grads.values()):\n        params[k] -= lr * g\n',
    }, ''),
]

VARIANTS = [
    Scenario('softmax-shift-by-global-max', '2.5', {
        'z = logits - logits.max(axis=1, keepdims=True)':
            'z = logits - logits.max()',
    }, ''),
    Scenario('tanh-backward-expanded-product', '2.4', {
        '    dx = dout * (1 - cache**2)\n':
            '    dx = dout - dout * cache**2\n',
    }, ''),
]
