"""Twenty-first held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-forward-bias-subtracted', '2.1', {
        'out = x @ w + b':
            'out = x @ w - b',
    }, ''),
    Scenario('linear-backward-db-summed-to-scalar', '2.2', {
        'db = dout.sum(axis=0)':
            'db = dout.sum()',
    }, ''),
    Scenario('relu-backward-mask-from-upstream', '2.3', {
        'dx = dout * (x > 0)':
            'dx = dout * (dout > 0)',
    }, ''),
    Scenario('tanh-backward-scales-upstream-in-place', '2.4', {
        '    dx = dout * (1 - cache**2)':
            '    dout *= 1 - cache**2\n'
            '    dx = dout',
    }, ''),
    Scenario('softmax-grad-unnormalised-exponentials', '2.5', {
        'dlogits = np.exp(logp)':
            'dlogits = np.exp(z)',
    }, ''),
    Scenario('numgrad-divides-then-multiplies-by-h', '2.6', {
        'grad[i] = (fp - fm) / (2 * h)':
            'grad[i] = (fp - fm) / 2 * h',
    }, ''),
    Scenario('numgrad-one-sided-difference', '2.6', {
        '        x[i] = old - h\n'
        '        fm = f(x)\n'
        '        x[i] = old\n'
        '        grad[i] = (fp - fm) / (2 * h)':
            '        x[i] = old\n'
            '        f0 = f(x)\n'
            '        grad[i] = (fp - f0) / h',
    }, ''),
    Scenario('mlp-forward-relu-condition-one-layer-short', '2.7', {
        '        if i < L:\n'
        '            h, relu_cache = relu_forward(h)':
            '        if i < L - 1:\n'
            '            h, relu_cache = relu_forward(h)',
    }, ''),
    Scenario('sgd-step-adds-the-gradient', '2.8', {
        'params[k] -= lr * grads[k]':
            'params[k] += lr * grads[k]',
    }, ''),
    Scenario('train-decays-learning-rate-each-epoch', '2.8', {
        '            losses.append(float(loss))\n':
            '            losses.append(float(loss))\n'
            '        lr = lr * 0.99\n',
    }, ''),
]

VARIANTS = [
    Scenario('linear-forward-by-einsum', '2.1', {
        'out = x @ w + b':
            'out = np.einsum("nd,dm->nm", x, w) + b',
    }, ''),
    Scenario('softmax-grad-onehot-from-identity', '2.5', {
        '    dlogits = np.exp(logp)\n'
        '    dlogits[np.arange(n), y] -= 1\n'
        '    dlogits /= n':
            '    onehot = np.eye(logits.shape[1])[y]\n'
            '    dlogits = (np.exp(logp) - onehot) / n',
    }, ''),
]
