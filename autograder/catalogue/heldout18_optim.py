"""Eighteenth held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-decay-applied-twice', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]':
            '        state[k] *= mu\n        state[k] = mu * state[k] - lr * grads[k]',
    }, ''),
    Scenario('momentum-position-moved-between-decay-and-gradient', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] *= mu\n        params[k] += state[k]\n        state[k] -= lr * grads[k]',
    }, ''),
    Scenario('nesterov-library-form-gradient-at-params', '4.2', {
        '    ahead = {k: params[k] + mu * state[k] for k in params}\n    g = objective.grad(ahead)\n'
        '    for k in params:\n        state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            '    g = objective.grad(params)\n    for k in params:\n'
            '        state[k] = mu * state[k] + g[k]\n'
            '        params[k] -= lr * (g[k] + mu * state[k])',
    }, ''),
    Scenario('nesterov-velocity-dict-rebound', '4.2', {
        '    for k in params:\n        state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            '    state = {k: mu * state[k] - lr * g[k] for k in params}\n'
            '    for k in params:\n        params[k] += state[k]',
    }, ''),
    Scenario('schedule-capped-at-one-minus-mu-max', '4.3', {
        'np.floor(t / 250) + 1)), mu_max)':
            'np.floor(t / 250) + 1)), 1.0 - mu_max)',
    }, ''),
    Scenario('schedule-exponent-constant-minus-two', '4.3', {
        '2.0 ** (-1.0 - np.log2(':
            '2.0 ** (-2.0 - np.log2(',
    }, ''),
    Scenario('optimise-np-append-result-discarded', '4.4', {
        '    losses = [objective.loss(params)]\n    for t in range(n_steps):':
            '    losses = np.array([objective.loss(params)])\n    for t in range(n_steps):',
        '        losses.append(objective.loss(params))\n    ### END SOLUTION':
            '        np.append(losses, objective.loss(params))\n    ### END SOLUTION',
    }, ''),
    Scenario('optimise-records-running-minimum', '4.4', {
        '        losses.append(objective.loss(params))\n    ### END SOLUTION':
            '        losses.append(min(losses[-1], objective.loss(params)))\n    ### END SOLUTION',
    }, ''),
    Scenario('train-momentum-stride-is-batch-count', '4.5', {
        'for start in range(0, n, batch_size):':
            'for start in range(0, n, n // batch_size):',
    }, ''),
    Scenario('train-momentum-velocity-initialised-like-params', '4.5', {
        '### BEGIN SOLUTION\n    state = zeros_like(params)':
            '### BEGIN SOLUTION\n    state = mlp_init(sizes, rng)',
    }, ''),
]

VARIANTS = [
    Scenario('optimise-gradient-once-per-step-before-branch', '4.4', {
        '        mu = momentum_schedule(t, mu_max)\n':
            '        mu = momentum_schedule(t, mu_max)\n        g = objective.grad(params)\n',
        'momentum_step(params, objective.grad(params), state, lr, mu)':
            'momentum_step(params, g, state, lr, mu)',
        'sgd_step(params, objective.grad(params), state, lr, mu)':
            'sgd_step(params, g, state, lr, mu)',
    }, ''),
    Scenario('train-shuffle-argsort-of-random-keys', '4.5', {
        'order = rng.permutation(n)':
            'order = np.argsort(rng.random(n))',
    }, ''),
]
