"""Fifteenth held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-velocity-reads-params-not-grads', '4.1', {
        '        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] -= lr * params[k]\n        params[k] += state[k]',
    }, ''),
    Scenario('momentum-velocity-zeroed-at-every-call', '4.1', {
        '    for k in params:\n        state[k] *= mu':
            '    for k in params:\n        state[k] = np.zeros_like(params[k])\n        state[k] *= mu',
    }, ''),
    Scenario('nesterov-lookahead-mu-scales-params-too', '4.2', {
        'ahead = {k: params[k] + mu * state[k] for k in params}':
            'ahead = {k: mu * (params[k] + state[k]) for k in params}',
    }, ''),
    Scenario('nesterov-velocity-plus-equals', '4.2', {
        'state[k] = mu * state[k] - lr * g[k]':
            'state[k] += mu * state[k] - lr * g[k]',
    }, ''),
    Scenario('schedule-log-base-ten', '4.3', {
        '-1.0 - np.log2(np.floor(t / 250) + 1)':
            '-1.0 - np.log10(np.floor(t / 250) + 1)',
    }, ''),
    Scenario('schedule-no-momentum-in-first-bucket', '4.3', {
        '    mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)\n':
            '    if t < 250:\n'
            '        mu = 0.0\n'
            '    else:\n'
            '        mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)\n',
    }, ''),
    Scenario('optimise-nesterov-params-and-state-swapped', '4.4', {
        'nesterov_step(params, objective, state, lr, mu)\n        elif':
            'nesterov_step(state, objective, params, lr, mu)\n        elif',
    }, ''),
    Scenario('optimise-momentum-gradient-at-lookahead', '4.4', {
        'momentum_step(params, objective.grad(params), state, lr, mu)':
            'ahead = {k: params[k] + mu * state[k] for k in params}\n'
            '            momentum_step(params, objective.grad(ahead), state, lr, mu)',
    }, ''),
    Scenario('train-momentum-schedule-computed-once-before-loops', '4.5', {
        '    t = 0\n    for _ in range(epochs):':
            '    t = 0\n    mu = momentum_schedule(t, mu_max)\n    for _ in range(epochs):',
        'momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))':
            'momentum_step(params, grads, state, lr, mu)',
    }, ''),
    Scenario('train-momentum-labels-sliced-unshuffled', '4.5', {
        'loss, dscores = softmax_cross_entropy(scores, y[idx])':
            'loss, dscores = softmax_cross_entropy(scores, y[start:start + batch_size])',
    }, ''),
]

VARIANTS = [
    Scenario('momentum-local-aliases-updated-in-place', '4.1', {
        '    for k in params:\n        state[k] *= mu\n        state[k] -= lr * grads[k]\n'
        '        params[k] += state[k]':
            '    for k in params:\n'
            '        p, v, g = params[k], state[k], grads[k]\n'
            '        v *= mu\n'
            '        v -= lr * g\n'
            '        p += v',
    }, ''),
    Scenario('schedule-cap-as-max-of-complement', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)':
            'mu = 1.0 - max(2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), 1.0 - mu_max)',
    }, ''),
]
