"""Twentieth held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-velocity-decayed-by-one-minus-mu', '4.1', {
        'state[k] *= mu':
            'state[k] *= 1 - mu',
    }, ''),
    Scenario('momentum-step-scaled-by-lr-again', '4.1', {
        '        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] -= lr * grads[k]\n        params[k] += lr * state[k]',
    }, ''),
    Scenario('nesterov-lookahead-rebuilt-per-key-after-updates', '4.2', {
        '    ahead = {k: params[k] + mu * state[k] for k in params}\n'
        '    g = objective.grad(ahead)\n'
        '    for k in params:\n'
        '        state[k] = mu * state[k] - lr * g[k]':
            '    for k in params:\n'
            '        ahead = {j: params[j] + mu * state[j] for j in params}\n'
            '        g = objective.grad(ahead)\n'
            '        state[k] = mu * state[k] - lr * g[k]',
    }, ''),
    Scenario('nesterov-params-moved-before-velocity-update', '4.2', {
        '        state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            '        params[k] += state[k]\n        state[k] = mu * state[k] - lr * g[k]',
    }, ''),
    Scenario('schedule-natural-log-for-log2', '4.3', {
        '-1.0 - np.log2(np.floor(t / 250) + 1)':
            '-1.0 - np.log(np.floor(t / 250) + 1)',
    }, ''),
    Scenario('schedule-floor-left-out', '4.3', {
        'np.log2(np.floor(t / 250) + 1)':
            'np.log2(t / 250 + 1)',
    }, ''),
    Scenario('optimise-nesterov-run-as-momentum', '4.4', {
        '        if method == "nesterov":\n'
        '            nesterov_step(params, objective, state, lr, mu)\n'
        '        elif method == "momentum":\n':
            '        if method in ("momentum", "nesterov"):\n',
    }, ''),
    Scenario('optimise-lr-scaled-by-one-minus-mu', '4.4', {
        '            nesterov_step(params, objective, state, lr, mu)':
            '            nesterov_step(params, objective, state, lr * (1 - mu), mu)',
        'momentum_step(params, objective.grad(params), state, lr, mu)':
            'momentum_step(params, objective.grad(params), state, lr * (1 - mu), mu)',
    }, ''),
    Scenario('train-momentum-example-count-from-feature-axis', '4.5', {
        'n = X.shape[0]':
            'n = X.shape[1]',
    }, ''),
    Scenario('train-momentum-counter-advanced-before-step', '4.5', {
        '            grads = mlp_backward(dscores, caches)\n'
        '            momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))\n'
        '            losses.append(float(loss))\n'
        '            t += 1\n':
            '            grads = mlp_backward(dscores, caches)\n'
            '            t += 1\n'
            '            momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))\n'
            '            losses.append(float(loss))\n',
    }, ''),
]

VARIANTS = [
    Scenario('momentum-velocity-rebound-in-state-dict', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] = mu * state[k] - lr * grads[k]\n        params[k] += state[k]',
    }, ''),
    Scenario('train-momentum-step-index-from-loss-count', '4.5', {
        '    n = X.shape[0]\n    t = 0\n':
            '    n = X.shape[0]\n',
        'momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))':
            'momentum_step(params, grads, state, lr, momentum_schedule(len(losses), mu_max))',
        '            losses.append(float(loss))\n            t += 1\n':
            '            losses.append(float(loss))\n',
    }, ''),
]
