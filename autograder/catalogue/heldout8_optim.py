"""Eighth held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-param-update-on-local-name', '4.1', {
        '        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] -= lr * grads[k]\n        p = params[k]\n        p = p + state[k]',
    }, ''),
    Scenario('momentum-decay-line-left-out', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]':
            '        state[k] -= lr * grads[k]',
    }, ''),
    Scenario('nesterov-velocity-gradient-without-lr', '4.2', {
        'state[k] = mu * state[k] - lr * g[k]':
            'state[k] = mu * state[k] - g[k]',
    }, ''),
    Scenario('nesterov-velocity-not-written-back', '4.2', {
        '        state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            '        v = mu * state[k] - lr * g[k]\n        params[k] += v',
    }, ''),
    Scenario('schedule-one-minus-left-out', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)':
            'mu = min(2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)',
    }, ''),
    Scenario('schedule-log-term-added-in-exponent', '4.3', {
        '2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1))':
            '2.0 ** (-1.0 + np.log2(np.floor(t / 250) + 1))',
    }, ''),
    Scenario('optimise-momentum-and-sgd-branches-swapped', '4.4', {
        '        elif method == "momentum":\n'
        '            momentum_step(params, objective.grad(params), state, lr, mu)\n'
        '        else:\n'
        '            sgd_step(params, objective.grad(params), state, lr, mu)':
            '        elif method == "sgd":\n'
            '            momentum_step(params, objective.grad(params), state, lr, mu)\n'
            '        else:\n'
            '            sgd_step(params, objective.grad(params), state, lr, mu)',
    }, ''),
    Scenario('optimise-returns-inside-loop', '4.4', {
        '        losses.append(objective.loss(params))\n    ### END SOLUTION':
            '        losses.append(objective.loss(params))\n        return losses\n    ### END SOLUTION',
    }, ''),
    Scenario('train-momentum-full-batch-gradient', '4.5', {
        '            scores, caches = mlp_forward(params, X[idx])\n'
        '            loss, dscores = softmax_cross_entropy(scores, y[idx])':
            '            scores, caches = mlp_forward(params, X)\n'
            '            loss, dscores = softmax_cross_entropy(scores, y)',
    }, ''),
    Scenario('train-momentum-velocity-reset-each-epoch', '4.5', {
        '    state = zeros_like(params)\n    n = X.shape[0]\n    t = 0\n'
        '    for _ in range(epochs):\n':
            '    n = X.shape[0]\n    t = 0\n'
            '    for _ in range(epochs):\n        state = zeros_like(params)\n',
    }, ''),
]

VARIANTS = [
    Scenario('nesterov-reuses-momentum-step', '4.2', {
        '    for k in params:\n        state[k] = mu * state[k] - lr * g[k]\n'
        '        params[k] += state[k]':
            '    momentum_step(params, g, state, lr, mu)',
    }, ''),
    Scenario('schedule-plus-one-inside-floor', '4.3', {
        'np.log2(np.floor(t / 250) + 1)':
            'np.log2(np.floor(t / 250 + 1))',
    }, ''),
]
