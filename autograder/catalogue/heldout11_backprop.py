"""Eleventh held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-forward-first-bias-only', '2.1', {
        'out = x @ w + b\n    cache = (x, w)':
            'out = x @ w + b[0]\n    cache = (x, w)',
    }, ''),
    Scenario('linear-backward-dx-times-input', '2.2', {
        'dx = dout @ w.T':
            'dx = dout @ w.T * x',
    }, ''),
    Scenario('relu-backward-mask-nonzero-input', '2.3', {
        'dx = dout * (x > 0)':
            'dx = dout * (x != 0)',
    }, ''),
    Scenario('tanh-backward-plus-square', '2.4', {
        'dx = dout * (1 - cache**2)':
            'dx = dout * (1 + cache**2)',
    }, ''),
    Scenario('softmax-log-of-exp-summed', '2.5', {
        'logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))':
            'logp = z - np.log(np.exp(z)).sum(axis=1, keepdims=True)',
    }, ''),
    Scenario('softmax-grad-times-sigmoid-style-derivative', '2.5', {
        'dlogits = np.exp(logp)\n':
            'p = np.exp(logp)\n    dlogits = p * (1 - p)\n',
    }, ''),
    Scenario('numgrad-grad-aliases-input', '2.6', {
        'grad = np.zeros_like(x, dtype=float)':
            'grad = x',
    }, ''),
    Scenario('mlp-forward-caches-activation-as-relu-cache', '2.7', {
        'caches.append((lin_cache, relu_cache))':
            'caches.append((lin_cache, h))',
    }, ''),
    Scenario('train-one-epoch-short', '2.8', {
        'for _ in range(epochs):':
            'for epoch in range(1, epochs):',
    }, ''),
    Scenario('train-backprops-scores', '2.8', {
        'grads = mlp_backward(dscores, caches)\n            sgd_step':
            'grads = mlp_backward(scores, caches)\n            sgd_step',
    }, ''),
]

VARIANTS = [
    Scenario('linear-backward-bias-by-ones-product', '2.2', {
        'db = dout.sum(axis=0)':
            'db = np.ones(dout.shape[0]) @ dout',
    }, ''),
    Scenario('softmax-loss-take-along-axis', '2.5', {
        'loss = -logp[np.arange(n), y].mean()':
            'loss = -np.take_along_axis(logp, y[:, None], axis=1).mean()',
    }, ''),
]
