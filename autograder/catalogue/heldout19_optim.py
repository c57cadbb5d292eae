"""Nineteenth held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-gradient-scaled-in-place', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]':
            '        state[k] *= mu\n        grads[k] *= lr\n        state[k] -= grads[k]',
    }, ''),
    Scenario('momentum-velocity-stored-without-lr-step-scaled', '4.1', {
        '        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] -= grads[k]\n        params[k] += lr * state[k]',
    }, ''),
    Scenario('nesterov-lookahead-behind-params', '4.2', {
        'ahead = {k: params[k] + mu * state[k] for k in params}':
            'ahead = {k: params[k] - mu * state[k] for k in params}',
    }, ''),
    Scenario('nesterov-lookahead-shallow-copy-shifted-in-place', '4.2', {
        '    ahead = {k: params[k] + mu * state[k] for k in params}':
            '    ahead = dict(params)\n    for k in ahead:\n        ahead[k] += mu * state[k]',
    }, ''),
    Scenario('schedule-bucket-boundary-one-step-early', '4.3', {
        'np.floor(t / 250)':
            'np.floor((t + 1) / 250)',
    }, ''),
    Scenario('schedule-cap-with-max', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0':
            'mu = max(1.0 - 2.0 ** (-1.0',
    }, ''),
    Scenario('optimise-schedule-step-counted-from-one', '4.4', {
        'mu = momentum_schedule(t, mu_max)':
            'mu = momentum_schedule(t + 1, mu_max)',
    }, ''),
    Scenario('optimise-params-copied-not-updated-in-place', '4.4', {
        '    losses = [objective.loss(params)]\n    for t in range(n_steps):':
            '    params = {k: v.copy() for k, v in params.items()}\n'
            '    losses = [objective.loss(params)]\n    for t in range(n_steps):',
    }, ''),
    Scenario('train-momentum-step-counter-reset-each-epoch', '4.5', {
        '    t = 0\n    for _ in range(epochs):\n        order = rng.permutation(n)':
            '    for _ in range(epochs):\n        t = 0\n        order = rng.permutation(n)',
    }, ''),
    Scenario('train-momentum-constant-mu-max-without-schedule', '4.5', {
        'momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))':
            'momentum_step(params, grads, state, lr, mu_max)',
    }, ''),
]

VARIANTS = [
    Scenario('nesterov-velocity-updated-in-place', '4.2', {
        '        state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            '        state[k] *= mu\n        state[k] -= lr * g[k]\n        params[k] += state[k]',
    }, ''),
    Scenario('optimise-rule-chosen-then-called', '4.4', {
        '        elif method == "momentum":\n'
        '            momentum_step(params, objective.grad(params), state, lr, mu)\n'
        '        else:\n'
        '            sgd_step(params, objective.grad(params), state, lr, mu)':
            '        else:\n'
            '            rule = momentum_step if method == "momentum" else sgd_step\n'
            '            rule(params, objective.grad(params), state, lr, mu)',
    }, ''),
]
