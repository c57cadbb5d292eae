"""Third held-out batch of module 02_backprop (issue 14), 8 of 15 mistakes.

15 new mistakes were written blind (without reading the feedback code, the
catalogue's hints or any check's output on them), kept in the order written,
shuffled with random.Random(2611).shuffle (a new Random per module) and split:
positions 0, 2, 4, ... are held out (heldout3_backprop.py), positions 1, 3, 5, ...
are the design half (design3_backprop.py). Hints are empty until measured.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('tanh-backward-tanh-of-cached-output', '2.4', {
        'dx = dout * (1 - cache**2)':
            'dx = dout * (1 - np.tanh(cache) ** 2)',
    }, ''),
    Scenario('relu-forward-clobbers-input', '2.3', {
        'out = np.maximum(0, x)':
            'x[x < 0] = 0\n'
            '    out = x',
    }, ''),
    Scenario('numgrad-missing-factor-two', '2.6', {
        'grad[i] = (fp - fm) / (2 * h)':
            'grad[i] = (fp - fm) / h',
    }, ''),
    Scenario('train-shuffles-inputs-in-place', '2.8', {
        '        order = rng.permutation(n)\n'
        '        for start in range(0, n, batch_size):\n'
        '            idx = order[start:start + batch_size]\n'
        '            scores, caches = mlp_forward(params, X[idx])\n'
        '            loss, dscores = softmax_cross_entropy(scores, y[idx])\n'
        '            grads = mlp_backward(dscores, caches)\n'
        '            sgd_step(params, grads, lr)':
            '        rng.shuffle(X)\n'
            '        for start in range(0, n, batch_size):\n'
            '            idx = np.arange(start, min(start + batch_size, n))\n'
            '            scores, caches = mlp_forward(params, X[idx])\n'
            '            loss, dscores = softmax_cross_entropy(scores, y[idx])\n'
            '            grads = mlp_backward(dscores, caches)\n'
            '            sgd_step(params, grads, lr)',
    }, ''),
    Scenario('softmax-loss-picks-columns', '2.5', {
        'loss = -logp[np.arange(n), y].mean()':
            'loss = -logp[:, y].mean()',
    }, ''),
    Scenario('numgrad-loops-over-rows', '2.6', {
        'for i in np.ndindex(x.shape):':
            'for i in range(x.shape[0]):',
    }, ''),
    Scenario('mlp-backward-forward-loop', '2.7', {
        'for i in range(L, 0, -1):':
            'for i in range(1, L + 1):',
    }, ''),
    Scenario('softmax-grad-unnormalised-exp', '2.5', {
        'dlogits = np.exp(logp)':
            'dlogits = np.exp(z)',
    }, ''),
]
