"""Sixteenth held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-decay-added-to-velocity', '4.1', {
        'state[k] *= mu':
            'state[k] += mu',
    }, ''),
    Scenario('momentum-position-sum-not-assigned', '4.1', {
        '        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] -= lr * grads[k]\n        params[k] + state[k]',
    }, ''),
    Scenario('nesterov-momentum-step-on-lookahead-copy', '4.2', {
        '    for k in params:\n        state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            '    momentum_step(ahead, g, state, lr, mu)',
    }, ''),
    Scenario('nesterov-velocity-pulled-by-lookahead-point', '4.2', {
        'state[k] = mu * state[k] - lr * g[k]':
            'state[k] = mu * state[k] - lr * ahead[k]',
    }, ''),
    Scenario('schedule-complement-capped-with-mu-max', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)':
            'mu = 1.0 - max(2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)',
    }, ''),
    Scenario('optimise-momentum-params-and-grads-swapped', '4.4', {
        'momentum_step(params, objective.grad(params), state, lr, mu)':
            'momentum_step(objective.grad(params), params, state, lr, mu)',
    }, ''),
    Scenario('optimise-losses-restarted-inside-loop', '4.4', {
        '    losses = [objective.loss(params)]\n    for t in range(n_steps):\n'
        '        mu = momentum_schedule(t, mu_max)\n':
            '    for t in range(n_steps):\n        losses = [objective.loss(params)]\n'
            '        mu = momentum_schedule(t, mu_max)\n',
    }, ''),
    Scenario('optimise-sgd-lr-and-mu-positions-swapped', '4.4', {
        'sgd_step(params, objective.grad(params), state, lr, mu)':
            'sgd_step(params, objective.grad(params), state, mu, lr)',
    }, ''),
    Scenario('train-momentum-schedule-capped-at-lr', '4.5', {
        'momentum_schedule(t, mu_max))':
            'momentum_schedule(t, lr))',
    }, ''),
    Scenario('train-momentum-loss-divided-by-batch', '4.5', {
        'losses.append(float(loss))':
            'losses.append(float(loss) / len(idx))',
    }, ''),
]

VARIANTS = [
    Scenario('nesterov-decay-first-then-lookahead', '4.2', {
        '    ahead = {k: params[k] + mu * state[k] for k in params}\n    g = objective.grad(ahead)\n'
        '    for k in params:\n        state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            '    for k in params:\n        state[k] = mu * state[k]\n'
            '    g = objective.grad({k: params[k] + state[k] for k in params})\n'
            '    for k in params:\n        state[k] = state[k] - lr * g[k]\n        params[k] += state[k]',
    }, ''),
    Scenario('train-momentum-batches-by-np-split', '4.5', {
        '        for start in range(0, n, batch_size):\n            idx = order[start:start + batch_size]\n':
            '        for idx in np.split(order, range(batch_size, n, batch_size)):\n',
    }, ''),
]
