"""Nineteenth held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-forward-drops-bias', '2.1', {
        'out = x @ w + b':
            'out = x @ w',
    }, ''),
    Scenario('linear-backward-db-averaged-over-batch', '2.2', {
        'db = dout.sum(axis=0)':
            'db = dout.mean(axis=0)',
    }, ''),
    Scenario('relu-backward-passes-gradient-at-zero', '2.3', {
        'dx = dout * (x > 0)':
            'dx = dout * (x >= 0)',
    }, ''),
    Scenario('tanh-forward-exp-formula-overflows', '2.4', {
        'out = np.tanh(x)':
            'out = (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))',
    }, ''),
    Scenario('tanh-backward-tanh-of-cached-output', '2.4', {
        'dx = dout * (1 - cache**2)':
            'dx = dout * (1 - np.tanh(cache)**2)',
    }, ''),
    Scenario('softmax-shift-by-column-max', '2.5', {
        'z = logits - logits.max(axis=1, keepdims=True)':
            'z = logits - logits.max(axis=0, keepdims=True)',
    }, ''),
    Scenario('numgrad-input-not-restored', '2.6', {
        '        fm = f(x)\n'
        '        x[i] = old\n'
        '        grad[i] = (fp - fm) / (2 * h)':
            '        fm = f(x)\n'
            '        grad[i] = (fp - fm) / (2 * h)',
    }, ''),
    Scenario('mlp-forward-relu-on-scores', '2.7', {
        '        relu_cache = None\n'
        '        if i < L:\n':
            '        relu_cache = None\n'
            '        if i <= L:\n',
    }, ''),
    Scenario('train-shuffles-with-global-numpy-random', '2.8', {
        'order = rng.permutation(n)':
            'order = np.random.permutation(n)',
    }, ''),
    Scenario('train-drops-last-partial-batch', '2.8', {
        'for start in range(0, n, batch_size):':
            'for start in range(0, n - batch_size + 1, batch_size):',
    }, ''),
]

VARIANTS = [
    Scenario('linear-backward-dw-by-einsum', '2.2', {
        'dw = x.T @ dout':
            'dw = np.einsum("nd,nm->dm", x, dout)',
    }, ''),
    Scenario('relu-forward-clip-below-at-zero', '2.3', {
        'out = np.maximum(0, x)':
            'out = np.clip(x, 0, None)',
    }, ''),
]
