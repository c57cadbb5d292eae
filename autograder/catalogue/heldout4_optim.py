"""Fourth held-out batch of module 04_optim (issue 14): 7 mistakes and 1 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-param-step-scaled-by-mu', '4.1', {
        '        state[k] -= lr * grads[k]\n'
        '        params[k] += state[k]':
            '        state[k] -= lr * grads[k]\n'
            '        params[k] += mu * state[k]',
    }, ''),
    Scenario('nesterov-velocity-not-decayed', '4.2', {
        'state[k] = mu * state[k] - lr * g[k]':
            'state[k] = state[k] - lr * g[k]',
    }, ''),
    Scenario('schedule-exponent-parentheses-dropped', '4.3', {
        '2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1))':
            '2.0 ** -1.0 - np.log2(np.floor(t / 250) + 1)',
    }, ''),
    Scenario('schedule-rounds-not-floors', '4.3', {
        'np.floor(t / 250)':
            'np.round(t / 250)',
    }, ''),
    Scenario('optimise-records-loss-once-after-loop', '4.4', {
        '            sgd_step(params, objective.grad(params), state, lr, mu)\n'
        '        losses.append(objective.loss(params))':
            '            sgd_step(params, objective.grad(params), state, lr, mu)\n'
            '    losses.append(objective.loss(params))',
    }, ''),
    Scenario('train-momentum-lr-divided-by-batch', '4.5', {
        'momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))':
            'momentum_step(params, grads, state, lr / len(idx), momentum_schedule(t, mu_max))',
    }, ''),
    Scenario('train-momentum-batch-start-not-multiplied', '4.5', {
        '        for start in range(0, n, batch_size):\n'
        '            idx = order[start:start + batch_size]':
            '        for start in range(n // batch_size):\n'
            '            idx = order[start:start + batch_size]',
    }, ''),
]

VARIANTS = [
    Scenario('nesterov-velocity-in-place', '4.2', {
        '        state[k] = mu * state[k] - lr * g[k]':
            '        state[k] *= mu\n'
            '        state[k] -= lr * g[k]',
    }, ''),
]
