"""Third batch of module 02_backprop (issue 14): the design half, 7 of 15 mistakes,
and 3 new correct-but-different variants.

15 new mistakes were written blind (without reading the feedback code, the
catalogue's hints or any check's output on them), kept in the order written,
shuffled with random.Random(2611).shuffle (a new Random per module) and split:
positions 0, 2, 4, ... are held out (heldout3_backprop.py), positions 1, 3, 5, ...
are the design half (design3_backprop.py). Hints are empty until measured.
VARIANTS are correct code written differently; they are not split.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('numgrad-minus-from-plus', '2.6', {
        'x[i] = old - h':
            'x[i] -= h',
    }, ''),
    Scenario('relu-backward-zeroes-upstream-in-place', '2.3', {
        'dx = dout * (x > 0)':
            'dx = dout\n'
            '    dx[x <= 0] = 0',
    }, ''),
    Scenario('train-full-batch-gradient', '2.8', {
        'scores, caches = mlp_forward(params, X[idx])\n'
        '            loss, dscores = softmax_cross_entropy(scores, y[idx])\n'
        '            grads = mlp_backward(dscores, caches)\n'
        '            sgd_step(params, grads, lr)':
            'scores, caches = mlp_forward(params, X)\n'
            '            loss, dscores = softmax_cross_entropy(scores, y)\n'
            '            grads = mlp_backward(dscores, caches)\n'
            '            sgd_step(params, grads, lr)',
    }, ''),
    Scenario('train-labels-not-shuffled', '2.8', {
        'loss, dscores = softmax_cross_entropy(scores, y[idx])\n'
        '            grads = mlp_backward(dscores, caches)\n'
        '            sgd_step(params, grads, lr)':
            'loss, dscores = softmax_cross_entropy(scores, y[start:start + batch_size])\n'
            '            grads = mlp_backward(dscores, caches)\n'
            '            sgd_step(params, grads, lr)',
    }, ''),
    Scenario('linear-cache-holds-output', '2.1', {
        '    out = x @ w + b\n'
        '    cache = (x, w)':
            '    out = x @ w + b\n'
            '    cache = (out, w)',
    }, ''),
    Scenario('mlp-backward-relu-after-linear', '2.7', {
        '        if relu_cache is not None:\n'
        '            d = relu_backward(d, relu_cache)\n'
        '        d, grads[f"W{i}"], grads[f"b{i}"] = linear_backward(d, lin_cache)':
            '        d, grads[f"W{i}"], grads[f"b{i}"] = linear_backward(d, lin_cache)\n'
            '        if relu_cache is not None:\n'
            '            d = relu_backward(d, relu_cache)',
    }, ''),
    Scenario('tanh-backward-derivative-not-squared', '2.4', {
        'dx = dout * (1 - cache**2)':
            'dx = dout * (1 - cache)',
    }, ''),
]

VARIANTS = [
    Scenario('relu-caches-output', '2.3', {
        '    out = np.maximum(0, x)\n'
        '    cache = x':
            '    out = np.maximum(0, x)\n'
            '    cache = out',
    }, ''),
    Scenario('tanh-backward-factored', '2.4', {
        'dx = dout * (1 - cache**2)':
            'dx = dout * (1 - cache) * (1 + cache)',
    }, ''),
    Scenario('softmax-grad-by-one-hot', '2.5', {
        '    dlogits = np.exp(logp)\n'
        '    dlogits[np.arange(n), y] -= 1\n'
        '    dlogits /= n':
            '    onehot = np.eye(logits.shape[1])[y]\n'
            '    dlogits = (np.exp(logp) - onehot) / n',
    }, ''),
]
