"""Ninth held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-decay-written-as-assignment', '4.1', {
        'state[k] *= mu':
            'state[k] = mu',
    }, ''),
    Scenario('momentum-param-update-after-loop', '4.1', {
        '        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] -= lr * grads[k]\n    params[k] += state[k]',
    }, ''),
    Scenario('nesterov-ahead-built-in-state-dict', '4.2', {
        '    ahead = {k: params[k] + mu * state[k] for k in params}':
            '    ahead = state\n    for k in params:\n        ahead[k] = params[k] + mu * state[k]',
    }, ''),
    Scenario('nesterov-velocity-decays-lookahead-point', '4.2', {
        'state[k] = mu * state[k] - lr * g[k]':
            'state[k] = mu * ahead[k] - lr * g[k]',
    }, ''),
    Scenario('schedule-closed-form-precedence', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)':
            'mu = min(1.0 - 1.0 / (2 * t // 250 + 2), mu_max)',
    }, ''),
    Scenario('schedule-cap-applied-inside-log', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)':
            'mu = 1.0 - 2.0 ** (-1.0 - np.log2(min(np.floor(t / 250) + 1, mu_max)))',
    }, ''),
    Scenario('optimise-while-loop-stops-one-short', '4.4', {
        '    losses = [objective.loss(params)]\n    for t in range(n_steps):\n'
        '        mu = momentum_schedule(t, mu_max)':
            '    losses = [objective.loss(params)]\n    while len(losses) < n_steps:\n'
            '        t = len(losses) - 1\n        mu = momentum_schedule(t, mu_max)',
    }, ''),
    Scenario('optimise-schedule-given-bucket-index', '4.4', {
        'mu = momentum_schedule(t, mu_max)':
            'mu = momentum_schedule(t // 250, mu_max)',
    }, ''),
    Scenario('train-momentum-reinitialises-each-epoch', '4.5', {
        '    for _ in range(epochs):\n        order = rng.permutation(n)':
            '    for _ in range(epochs):\n        params = mlp_init(sizes, rng)\n'
            '        order = rng.permutation(n)',
    }, ''),
    Scenario('train-momentum-backward-from-scores', '4.5', {
        'grads = mlp_backward(dscores, caches)':
            'grads = mlp_backward(scores, caches)',
    }, ''),
]

VARIANTS = [
    Scenario('nesterov-position-from-lookahead-minus-step', '4.2', {
        '        state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            '        state[k] = mu * state[k] - lr * g[k]\n        params[k][...] = ahead[k] - lr * g[k]',
    }, ''),
    Scenario('train-momentum-shuffle-arange', '4.5', {
        'order = rng.permutation(n)':
            'order = np.arange(n)\n        rng.shuffle(order)',
    }, ''),
]
