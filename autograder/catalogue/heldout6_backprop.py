"""Sixth held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-forward-bias-inside-matmul', '2.1', {
        'out = x @ w + b':
            'out = x @ (w + b)',
    }, ''),
    Scenario('linear-backward-dw-loop-overwrites', '2.2', {
        'dw = x.T @ dout':
            'dw = np.zeros_like(w)\n'
            '    for n in range(x.shape[0]):\n'
            '        dw = np.outer(x[n], dout[n])',
    }, ''),
    Scenario('relu-backward-sign-of-input', '2.3', {
        'dx = dout * (x > 0)':
            'dx = dout * np.sign(x)',
    }, ''),
    Scenario('tanh-forward-from-sigmoid-without-doubling', '2.4', {
        'out = np.tanh(x)':
            'out = 2 * sigmoid_forward(x)[0] - 1',
    }, ''),
    Scenario('softmax-grad-onehot-indexes-rows', '2.5', {
        'dlogits[np.arange(n), y] -= 1':
            'dlogits[y] -= 1',
    }, ''),
    Scenario('softmax-grad-averaged-before-onehot', '2.5', {
        '    dlogits = np.exp(logp)\n'
        '    dlogits[np.arange(n), y] -= 1\n'
        '    dlogits /= n':
            '    dlogits = np.exp(logp) / n\n'
            '    dlogits[np.arange(n), y] -= 1',
    }, ''),
    Scenario('numgrad-shifts-whole-array', '2.6', {
        '        old = x[i]\n'
        '        x[i] = old + h\n'
        '        fp = f(x)\n'
        '        x[i] = old - h\n'
        '        fm = f(x)\n'
        '        x[i] = old\n'
        '        grad[i] = (fp - fm) / (2 * h)':
            '        grad[i] = (f(x + h) - f(x - h)) / (2 * h)',
    }, ''),
    Scenario('numgrad-difference-reversed', '2.6', {
        'grad[i] = (fp - fm) / (2 * h)':
            'grad[i] = (fm - fp) / (2 * h)',
    }, ''),
    Scenario('mlp-hidden-layers-use-tanh', '2.7', {
        'h, relu_cache = relu_forward(h)':
            'h, relu_cache = tanh_forward(h)',
    }, ''),
    Scenario('train-one-step-per-epoch', '2.8', {
        '            grads = mlp_backward(dscores, caches)\n'
        '            sgd_step(params, grads, lr)\n'
        '            losses.append(float(loss))':
            '            grads = mlp_backward(dscores, caches)\n'
            '            losses.append(float(loss))\n'
            '        sgd_step(params, grads, lr)',
    }, ''),
]

VARIANTS = [
    Scenario('linear-backward-dx-as-transposed-product', '2.2', {
        'dx = dout @ w.T':
            'dx = (w @ dout.T).T',
    }, ''),
    Scenario('numgrad-flat-index', '2.6', {
        '    for i in np.ndindex(x.shape):\n'
        '        old = x[i]\n'
        '        x[i] = old + h\n'
        '        fp = f(x)\n'
        '        x[i] = old - h\n'
        '        fm = f(x)\n'
        '        x[i] = old\n'
        '        grad[i] = (fp - fm) / (2 * h)':
            '    for i in range(x.size):\n'
            '        old = x.flat[i]\n'
            '        x.flat[i] = old + h\n'
            '        fp = f(x)\n'
            '        x.flat[i] = old - h\n'
            '        fm = f(x)\n'
            '        x.flat[i] = old\n'
            '        grad.flat[i] = (fp - fm) / (2 * h)',
    }, ''),
]
