"""Twenty-third held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-forward-row-loop-loses-shape-on-empty-batch', '2.1', {
        'out = x @ w + b':
            'out = np.array([row @ w + b for row in x])',
    }, ''),
    Scenario('linear-backward-dx-written-into-cached-input', '2.2', {
        '    dx = dout @ w.T\n'
        '    dw = x.T @ dout\n'
        '    db = dout.sum(axis=0)':
            '    dw = x.T @ dout\n'
            '    db = dout.sum(axis=0)\n'
            '    dx = np.matmul(dout, w.T, out=x)',
    }, ''),
    Scenario('relu-backward-mask-any-example-active', '2.3', {
        'dx = dout * (x > 0)':
            'dx = dout * (x > 0).any(axis=0)',
    }, ''),
    Scenario('tanh-forward-clips-input-at-five', '2.4', {
        'out = np.tanh(x)':
            'out = np.tanh(np.clip(x, -5, 5))',
    }, ''),
    Scenario('softmax-shift-by-row-mean', '2.5', {
        'z = logits - logits.max(axis=1, keepdims=True)':
            'z = logits - logits.mean(axis=1, keepdims=True)',
    }, ''),
    Scenario('softmax-loss-probability-floored', '2.5', {
        'loss = -logp[np.arange(n), y].mean()':
            'loss = -np.log(np.maximum(np.exp(logp[np.arange(n), y]), 1e-12)).mean()',
    }, ''),
    Scenario('numgrad-indices-from-argwhere', '2.6', {
        'for i in np.ndindex(x.shape):':
            'for i in map(tuple, np.argwhere(x)):',
    }, ''),
    Scenario('mlp-backward-pops-callers-caches', '2.7', {
        'lin_cache, relu_cache = caches[i - 1]':
            'lin_cache, relu_cache = caches.pop()',
    }, ''),
    Scenario('train-init-from-fixed-seed-generator', '2.8', {
        '    params = mlp_init(sizes, rng)':
            '    params = mlp_init(sizes, np.random.default_rng(0))',
    }, ''),
    Scenario('train-batch-loop-breaks-on-small-loss', '2.8', {
        '            sgd_step(params, grads, lr)\n'
        '            losses.append(float(loss))':
            '            sgd_step(params, grads, lr)\n'
            '            losses.append(float(loss))\n'
            '            if loss < 1e-3:\n'
            '                break',
    }, ''),
]

VARIANTS = [
    Scenario('relu-backward-where-upstream-else-zero', '2.3', {
        'dx = dout * (x > 0)':
            'dx = np.where(x > 0, dout, 0.0)',
    }, ''),
    Scenario('sgd-step-assigns-through-ellipsis', '2.8', {
        'params[k] -= lr * grads[k]':
            'params[k][...] = params[k] - lr * grads[k]',
    }, ''),
]
