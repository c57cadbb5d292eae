"""Twenty-second held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-skips-keys-with-zero-gradient', '4.1', {
        '    for k in params:\n        state[k] *= mu\n':
            '    for k in params:\n        if not grads[k].any():\n            continue\n'
            '        state[k] *= mu\n',
    }, ''),
    Scenario('momentum-weight-decay-added-to-gradient', '4.1', {
        'state[k] -= lr * grads[k]':
            'state[k] -= lr * (grads[k] + 1e-4 * params[k])',
    }, ''),
    Scenario('nesterov-gradient-at-current-point', '4.2', {
        'g = objective.grad(ahead)':
            'g = objective.grad(params)',
    }, ''),
    Scenario('schedule-log-guarded-by-max-instead-of-plus-one', '4.3', {
        'np.log2(np.floor(t / 250) + 1)':
            'np.log2(max(np.floor(t / 250), 1))',
    }, ''),
    Scenario('schedule-cap-result-discarded', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)':
            'mu = 1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1))\n    min(mu, mu_max)',
    }, ''),
    Scenario('optimise-velocity-reset-at-each-schedule-stage', '4.4', {
        '        mu = momentum_schedule(t, mu_max)\n':
            '        mu = momentum_schedule(t, mu_max)\n'
            '        if t % 250 == 0:\n'
            '            state = zeros_like(params)\n',
    }, ''),
    Scenario('optimise-velocity-warm-started-with-gradient-step', '4.4', {
        '    losses = [objective.loss(params)]\n    for t in range(n_steps):\n        mu':
            '    losses = [objective.loss(params)]\n'
            '    state = {k: -lr * g for k, g in objective.grad(params).items()}\n'
            '    for t in range(n_steps):\n        mu',
    }, ''),
    Scenario('train-momentum-init-from-fixed-seed', '4.5', {
        'params = mlp_init(sizes, rng)':
            'params = mlp_init(sizes, np.random.default_rng(0))',
    }, ''),
    Scenario('train-momentum-counter-skips-short-batch', '4.5', {
        '            losses.append(float(loss))\n            t += 1\n':
            '            losses.append(float(loss))\n'
            '            if len(idx) == batch_size:\n'
            '                t += 1\n',
    }, ''),
    Scenario('train-momentum-inputs-standardised', '4.5', {
        '    n = X.shape[0]\n    t = 0\n':
            '    X = (X - X.mean(axis=0)) / X.std(axis=0)\n    n = X.shape[0]\n    t = 0\n',
    }, ''),
]

VARIANTS = [
    Scenario('nesterov-shallow-copy-keys-rebound', '4.2', {
        '    ahead = {k: params[k] + mu * state[k] for k in params}':
            '    ahead = dict(params)\n'
            '    for k in ahead:\n'
            '        ahead[k] = ahead[k] + mu * state[k]',
    }, ''),
    Scenario('train-momentum-loss-recorded-before-update', '4.5', {
        '            momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))\n'
        '            losses.append(float(loss))\n':
            '            losses.append(float(loss))\n'
            '            momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))\n',
    }, ''),
]
