"""Fifth held-out batch of module 02_backprop (issue 14): 7 mistakes and 1 variant.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-backward-applies-relu-mask', '2.2', {
        'dx = dout @ w.T\n':
            'dx = (dout @ w.T) * (x > 0)\n',
    }, ''),
    Scenario('relu-forward-minimum', '2.3', {
        'out = np.maximum(0, x)':
            'out = np.minimum(0, x)',
    }, ''),
    Scenario('softmax-shift-by-column-max', '2.5', {
        'z = logits - logits.max(axis=1, keepdims=True)':
            'z = logits - logits.max(axis=0, keepdims=True)',
    }, ''),
    Scenario('softmax-loss-log-of-mean-probability', '2.5', {
        'loss = -logp[np.arange(n), y].mean()':
            'loss = -np.log(np.exp(logp[np.arange(n), y]).mean())',
    }, ''),
    Scenario('numgrad-minus-step-from-perturbed', '2.6', {
        'x[i] = old - h':
            'x[i] -= h',
    }, ''),
    Scenario('mlp-backward-cache-index-mirrored', '2.7', {
        'lin_cache, relu_cache = caches[i - 1]':
            'lin_cache, relu_cache = caches[-i]',
    }, ''),
    Scenario('train-records-full-data-loss', '2.8', {
        '            sgd_step(params, grads, lr)\n            losses.append(float(loss))':
            '            sgd_step(params, grads, lr)\n'
            '            losses.append(float(softmax_cross_entropy(mlp_forward(params, X)[0], y)[0]))',
    }, ''),
]

VARIANTS = [
    Scenario('relu-forward-input-times-mask', '2.3', {
        'out = np.maximum(0, x)':
            'out = x * (x > 0)',
    }, ''),
]
