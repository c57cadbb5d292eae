"""Seventh held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-velocity-kept-but-sgd-applied', '4.1', {
        '        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] -= lr * grads[k]\n        params[k] -= lr * grads[k]',
    }, ''),
    Scenario('momentum-lr-and-mu-roles-swapped', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]':
            '        state[k] = lr * state[k] - mu * grads[k]',
    }, ''),
    Scenario('nesterov-position-update-from-old-velocity', '4.2', {
        '        state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            '        v_prev = state[k]\n'
            '        state[k] = mu * state[k] - lr * g[k]\n'
            '        params[k] += -mu * v_prev + (1 + mu) * state[k]',
    }, ''),
    Scenario('nesterov-lookahead-includes-gradient-step', '4.2', {
        '    ahead = {k: params[k] + mu * state[k] for k in params}':
            '    g_now = objective.grad(params)\n'
            '    ahead = {k: params[k] + mu * state[k] - lr * g_now[k] for k in params}',
    }, ''),
    Scenario('schedule-scaled-by-mu-max', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)':
            'mu = mu_max * (1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)))',
    }, ''),
    Scenario('schedule-bucket-by-modulo', '4.3', {
        'np.floor(t / 250)':
            '(t % 250)',
    }, ''),
    Scenario('optimise-nesterov-at-mu-max', '4.4', {
        '            nesterov_step(params, objective, state, lr, mu)\n        elif':
            '            nesterov_step(params, objective, state, lr, mu_max)\n        elif',
    }, ''),
    Scenario('optimise-momentum-lr-mu-positions-swapped', '4.4', {
        'momentum_step(params, objective.grad(params), state, lr, mu)':
            'momentum_step(params, objective.grad(params), state, mu, lr)',
    }, ''),
    Scenario('train-momentum-reshuffles-every-batch', '4.5', {
        '        order = rng.permutation(n)\n        for start in range(0, n, batch_size):\n'
        '            idx':
            '        for start in range(0, n, batch_size):\n'
            '            order = rng.permutation(n)\n            idx',
    }, ''),
    Scenario('train-momentum-range-stops-a-batch-early', '4.5', {
        'for start in range(0, n, batch_size):':
            'for start in range(0, n - batch_size, batch_size):',
    }, ''),
]

VARIANTS = [
    Scenario('nesterov-ahead-copied-then-shifted', '4.2', {
        '    ahead = {k: params[k] + mu * state[k] for k in params}':
            '    ahead = {k: v.copy() for k, v in params.items()}\n'
            '    for k in ahead:\n        ahead[k] += mu * state[k]',
    }, ''),
    Scenario('train-momentum-batches-by-count', '4.5', {
        '        for start in range(0, n, batch_size):\n'
        '            idx = order[start:start + batch_size]':
            '        n_batches = int(np.ceil(n / batch_size))\n'
            '        for b in range(n_batches):\n'
            '            idx = order[b * batch_size:(b + 1) * batch_size]',
    }, ''),
]
