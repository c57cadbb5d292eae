"""Twenty-third held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-dicts-paired-by-position', '4.1', {
        '    for k in params:\n        state[k] *= mu\n        state[k] -= lr * grads[k]\n'
        '        params[k] += state[k]\n':
            '    for p, g, v in zip(params.values(), grads.values(), state.values()):\n'
            '        v *= mu\n'
            '        v -= lr * g\n'
            '        p += v\n',
    }, ''),
    Scenario('momentum-zero-mu-shortcut-leaves-velocity', '4.1', {
        '    for k in params:\n        state[k] *= mu\n':
            '    if mu == 0:\n'
            '        sgd_step(params, grads, state, lr)\n'
            '        return\n'
            '    for k in params:\n        state[k] *= mu\n',
    }, ''),
    Scenario('nesterov-lookahead-shifts-one-key-at-a-time', '4.2', {
        '    ahead = {k: params[k] + mu * state[k] for k in params}\n    g = objective.grad(ahead)\n':
            '    g = {}\n'
            '    for k in params:\n'
            '        ahead = dict(params)\n'
            '        ahead[k] = params[k] + mu * state[k]\n'
            '        g[k] = objective.grad(ahead)[k]\n',
    }, ''),
    Scenario('nesterov-position-moved-against-velocity', '4.2', {
        'state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            'state[k] = mu * state[k] - lr * g[k]\n        params[k] -= state[k]',
    }, ''),
    Scenario('schedule-first-stage-returns-half-uncapped', '4.3', {
        '    mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)\n':
            '    if t < 250:\n'
            '        return 0.5\n'
            '    mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)\n',
    }, ''),
    Scenario('schedule-extra-ceiling-at-0.99', '4.3', {
        'np.floor(t / 250) + 1)), mu_max)':
            'np.floor(t / 250) + 1)), mu_max, 0.99)',
    }, ''),
    Scenario('optimise-initial-loss-recorded-inside-loop', '4.4', {
        '    losses = [objective.loss(params)]\n    for t in range(n_steps):\n'
        '        mu = momentum_schedule(t, mu_max)\n':
            '    losses = []\n'
            '    for t in range(n_steps):\n'
            '        if t == 0:\n'
            '            losses.append(objective.loss(params))\n'
            '        mu = momentum_schedule(t, mu_max)\n',
    }, ''),
    Scenario('optimise-second-branch-if-not-elif', '4.4', {
        '        elif method == "momentum":':
            '        if method == "momentum":',
    }, ''),
    Scenario('train-momentum-short-last-batch-skipped', '4.5', {
        '            idx = order[start:start + batch_size]\n':
            '            idx = order[start:start + batch_size]\n'
            '            if len(idx) < batch_size:\n'
            '                continue\n',
    }, ''),
    Scenario('train-momentum-loss-logged-every-tenth-step', '4.5', {
        '            losses.append(float(loss))\n            t += 1\n':
            '            if t % 10 == 0:\n'
            '                losses.append(float(loss))\n'
            '            t += 1\n',
    }, ''),
]

VARIANTS = [
    Scenario('nesterov-velocities-then-positions-in-two-loops', '4.2', {
        '        state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]\n':
            '        state[k] = mu * state[k] - lr * g[k]\n'
            '    for k in params:\n'
            '        params[k] += state[k]\n',
    }, ''),
    Scenario('optimise-schedule-step-from-recorded-count', '4.4', {
        'mu = momentum_schedule(t, mu_max)':
            'mu = momentum_schedule(len(losses) - 1, mu_max)',
    }, ''),
]
