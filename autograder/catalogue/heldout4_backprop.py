"""Fourth held-out batch of module 02_backprop (issue 14): 7 mistakes and 1 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('bias-gradient-summed-over-everything', '2.2', {
        'db = dout.sum(axis=0)':
            'db = dout.sum()',
    }, ''),
    Scenario('relu-forward-leaky', '2.3', {
        'out = np.maximum(0, x)':
            'out = np.maximum(0.01 * x, x)',
    }, ''),
    Scenario('tanh-backward-missing-upstream', '2.4', {
        'dx = dout * (1 - cache**2)':
            'dx = 1 - cache**2',
    }, ''),
    Scenario('softmax-loss-summed-over-batch', '2.5', {
        'loss = -logp[np.arange(n), y].mean()':
            'loss = -logp[np.arange(n), y].sum()',
    }, ''),
    Scenario('mlp-backward-skips-relu', '2.7', {
        '        if relu_cache is not None:\n'
        '            d = relu_backward(d, relu_cache)\n':
            '',
    }, ''),
    Scenario('sgd-step-builds-new-dict', '2.8', {
        '    for k in params:\n'
        '        params[k] -= lr * grads[k]':
            '    params = {k: params[k] - lr * grads[k] for k in params}',
    }, ''),
    Scenario('train-batch-slice-absolute-end', '2.8', {
        'idx = order[start:start + batch_size]':
            'idx = order[start:batch_size]',
    }, ''),
]

VARIANTS = [
    Scenario('numgrad-perturbs-copies', '2.6', {
        '        old = x[i]\n'
        '        x[i] = old + h\n'
        '        fp = f(x)\n'
        '        x[i] = old - h\n'
        '        fm = f(x)\n'
        '        x[i] = old\n'
        '        grad[i] = (fp - fm) / (2 * h)':
            '        xp, xm = x.copy(), x.copy()\n'
            '        xp[i] += h\n'
            '        xm[i] -= h\n'
            '        grad[i] = (f(xp) - f(xm)) / (2 * h)',
    }, ''),
]
