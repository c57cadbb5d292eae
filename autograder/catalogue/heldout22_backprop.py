"""Twenty-second held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-forward-augmented-bias-row-misaligned', '2.1', {
        'out = x @ w + b':
            'out = np.hstack([x, np.ones((x.shape[0], 1))]) @ np.vstack([b, w])',
    }, ''),
    Scenario('linear-backward-dw-transposed', '2.2', {
        'dw = x.T @ dout':
            'dw = dout.T @ x',
    }, ''),
    Scenario('relu-caches-output-mask-inclusive', '2.3', {
        '    out = np.maximum(0, x)\n'
        '    cache = x':
            '    out = np.maximum(0, x)\n'
            '    cache = out',
        'dx = dout * (x > 0)':
            'dx = dout * (x >= 0)',
    }, ''),
    Scenario('tanh-backward-squares-cache-through-alias', '2.4', {
        '    dx = dout * (1 - cache**2)':
            '    s = cache\n'
            '    s *= s\n'
            '    dx = dout * (1 - s)',
    }, ''),
    Scenario('softmax-grad-probabilities-from-raw-logits', '2.5', {
        'dlogits = np.exp(logp)':
            'dlogits = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)',
    }, ''),
    Scenario('numgrad-perturbs-copy-evaluates-original', '2.6', {
        '        old = x[i]\n'
        '        x[i] = old + h\n'
        '        fp = f(x)\n'
        '        x[i] = old - h\n'
        '        fm = f(x)\n'
        '        x[i] = old\n':
            '        old = x[i]\n'
            '        xp = x.copy()\n'
            '        xp[i] = old + h\n'
            '        fp = f(x)\n'
            '        xp[i] = old - h\n'
            '        fm = f(x)\n',
    }, ''),
    Scenario('mlp-forward-bias-key-typo-defaults-to-zero', '2.7', {
        'h, lin_cache = linear_forward(h, params[f"W{i}"], params[f"b{i}"])':
            'h, lin_cache = linear_forward(h, params[f"W{i}"], params.get(f"B{i}", 0.0))',
    }, ''),
    Scenario('mlp-backward-grads-dict-shared-across-calls', '2.7', {
        'def mlp_backward(dscores, caches):':
            'def mlp_backward(dscores, caches, grads={}):',
        '    grads = {}\n    d = dscores':
            '    d = dscores',
    }, ''),
    Scenario('sgd-step-adds-weight-decay', '2.8', {
        'params[k] -= lr * grads[k]':
            'params[k] -= lr * (grads[k] + 1e-4 * params[k])',
    }, ''),
    Scenario('train-last-batch-wraps-around', '2.8', {
        'idx = order[start:start + batch_size]':
            'idx = np.take(order, np.arange(start, start + batch_size), mode="wrap")',
    }, ''),
]

VARIANTS = [
    Scenario('linear-forward-broadcast-product-summed', '2.1', {
        'out = x @ w + b':
            'out = (x[:, :, None] * w[None, :, :]).sum(axis=1) + b',
    }, ''),
    Scenario('numgrad-minus-side-first', '2.6', {
        '        x[i] = old + h\n'
        '        fp = f(x)\n'
        '        x[i] = old - h\n'
        '        fm = f(x)\n':
            '        x[i] = old - h\n'
            '        fm = f(x)\n'
            '        x[i] = old + h\n'
            '        fp = f(x)\n',
    }, ''),
]
