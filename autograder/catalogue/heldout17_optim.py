"""Seventeenth held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-gradient-added-again-to-step', '4.1', {
        '        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] -= lr * grads[k]\n        params[k] += state[k] - lr * grads[k]',
    }, ''),
    Scenario('momentum-coefficient-typed-as-constant', '4.1', {
        'state[k] *= mu':
            'state[k] *= 0.9',
    }, ''),
    Scenario('nesterov-lookahead-point-without-params', '4.2', {
        'ahead = {k: params[k] + mu * state[k] for k in params}':
            'ahead = {k: mu * state[k] for k in params}',
    }, ''),
    Scenario('nesterov-velocity-set-to-lookahead-point', '4.2', {
        'state[k] = mu * state[k] - lr * g[k]':
            'state[k] = ahead[k] - lr * g[k]',
    }, ''),
    Scenario('schedule-stage-loop-lags-one-bucket', '4.3', {
        '    mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)\n':
            '    mu = 0.5\n'
            '    for stage in range(int(t / 250)):\n'
            '        mu = 1.0 - 2.0 ** (-1.0 - np.log2(stage + 1))\n'
            '    mu = min(mu, mu_max)\n',
    }, ''),
    Scenario('schedule-simplified-to-one-over-k-plus-2', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)':
            'mu = min(1.0 - 1.0 / (np.floor(t / 250) + 2), mu_max)',
    }, ''),
    Scenario('optimise-loss-recorded-before-and-after-each-step', '4.4', {
        '        mu = momentum_schedule(t, mu_max)\n        if method == "nesterov":':
            '        losses.append(objective.loss(params))\n'
            '        mu = momentum_schedule(t, mu_max)\n        if method == "nesterov":',
    }, ''),
    Scenario('optimise-nesterov-given-gradient-dict', '4.4', {
        '            nesterov_step(params, objective, state, lr, mu)':
            '            nesterov_step(params, objective.grad(params), state, lr, mu)',
    }, ''),
    Scenario('train-momentum-loss-and-gradient-unpacked-swapped', '4.5', {
        'loss, dscores = softmax_cross_entropy(scores, y[idx])':
            'dscores, loss = softmax_cross_entropy(scores, y[idx])',
    }, ''),
    Scenario('train-momentum-array-split-into-batch-size-pieces', '4.5', {
        '        for start in range(0, n, batch_size):\n            idx = order[start:start + batch_size]\n':
            '        for idx in np.array_split(order, batch_size):\n',
    }, ''),
]

VARIANTS = [
    Scenario('nesterov-velocity-from-lookahead-displacement', '4.2', {
        'state[k] = mu * state[k] - lr * g[k]':
            'state[k] = ahead[k] - params[k] - lr * g[k]',
    }, ''),
    Scenario('optimise-preallocated-losses-indexed-by-step', '4.4', {
        '    losses = [objective.loss(params)]\n    for t in range(n_steps):':
            '    losses = [0.0] * (n_steps + 1)\n    losses[0] = objective.loss(params)\n'
            '    for t in range(n_steps):',
        '        losses.append(objective.loss(params))\n    ### END SOLUTION':
            '        losses[t + 1] = objective.loss(params)\n    ### END SOLUTION',
    }, ''),
]
