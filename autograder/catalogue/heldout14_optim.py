"""Fourteenth held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-velocity-plus-equals-full-update', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]':
            '        state[k] += mu * state[k] - lr * grads[k]',
    }, ''),
    Scenario('momentum-velocity-keeps-only-gradient-step', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        params[k] += mu * state[k] - lr * grads[k]\n        state[k] = -lr * grads[k]',
    }, ''),
    Scenario('nesterov-position-moved-by-decayed-velocity', '4.2', {
        'state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            'state[k] = mu * state[k] - lr * g[k]\n        params[k] += mu * state[k]',
    }, ''),
    Scenario('nesterov-velocity-added-to-gradient-not-to-point', '4.2', {
        '    ahead = {k: params[k] + mu * state[k] for k in params}\n    g = objective.grad(ahead)\n':
            '    g = objective.grad(params)\n    g = {k: g[k] + mu * state[k] for k in params}\n',
    }, ''),
    Scenario('schedule-closed-form-half-times-bucket', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)':
            'mu = min(1.0 - 1.0 / 2.0 * (t // 250 + 1), mu_max)',
    }, ''),
    Scenario('schedule-power-typed-as-product', '4.3', {
        '1.0 - 2.0 ** (-1.0 - np.log2(':
            '1.0 - 2.0 * (-1.0 - np.log2(',
    }, ''),
    Scenario('optimise-initial-loss-prepended-after-loop', '4.4', {
        '    losses = [objective.loss(params)]\n    for t in range(n_steps):':
            '    losses = []\n    for t in range(n_steps):',
        '        losses.append(objective.loss(params))\n    ### END SOLUTION':
            '        losses.append(objective.loss(params))\n'
            '    losses.insert(0, objective.loss(params))\n    ### END SOLUTION',
    }, ''),
    Scenario('optimise-records-log-loss', '4.4', {
        '    losses = [objective.loss(params)]\n    for t in range(n_steps):':
            '    losses = [np.log(objective.loss(params))]\n    for t in range(n_steps):',
        '        losses.append(objective.loss(params))\n    ### END SOLUTION':
            '        losses.append(np.log(objective.loss(params)))\n    ### END SOLUTION',
    }, ''),
    Scenario('train-momentum-batch-slice-end-not-offset', '4.5', {
        'idx = order[start:start + batch_size]':
            'idx = order[start:batch_size]',
    }, ''),
    Scenario('train-momentum-inputs-and-labels-shuffled-separately', '4.5', {
        '        order = rng.permutation(n)\n':
            '        rng.shuffle(X)\n        rng.shuffle(y)\n        order = np.arange(n)\n',
    }, ''),
]

VARIANTS = [
    Scenario('momentum-two-passes-over-keys', '4.1', {
        '    for k in params:\n        state[k] *= mu\n        state[k] -= lr * grads[k]\n'
        '        params[k] += state[k]':
            '    for k in state:\n        state[k] *= mu\n    for k in grads:\n'
            '        state[k] -= lr * grads[k]\n        params[k] += state[k]',
    }, ''),
    Scenario('schedule-ceil-of-next-step', '4.3', {
        'np.log2(np.floor(t / 250) + 1)':
            'np.log2(np.ceil((t + 1) / 250))',
    }, ''),
]
