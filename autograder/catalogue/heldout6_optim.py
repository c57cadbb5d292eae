"""Sixth held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-returns-after-first-key', '4.1', {
        '        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] -= lr * grads[k]\n        params[k] += state[k]\n        return',
    }, ''),
    Scenario('momentum-velocity-without-lr', '4.1', {
        'state[k] -= lr * grads[k]':
            'state[k] -= grads[k]',
    }, ''),
    Scenario('nesterov-moves-from-lookahead-point', '4.2', {
        'state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            'state[k] = mu * state[k] - lr * g[k]\n        params[k] = ahead[k] + state[k]',
    }, ''),
    Scenario('schedule-exponent-product', '4.3', {
        '2.0 ** (-1.0 - np.log2(':
            '2.0 ** (-1.0 * np.log2(',
    }, ''),
    Scenario('schedule-simplified-to-one-over-2k-plus-1', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)':
            'mu = min(1.0 - 1.0 / (2.0 * np.floor(t / 250) + 1), mu_max)',
    }, ''),
    Scenario('optimise-gradient-computed-once', '4.4', {
        '    losses = [objective.loss(params)]\n    for t in range(n_steps):':
            '    losses = [objective.loss(params)]\n    grads = objective.grad(params)\n'
            '    for t in range(n_steps):',
        'momentum_step(params, objective.grad(params), state, lr, mu)':
            'momentum_step(params, grads, state, lr, mu)',
        'sgd_step(params, objective.grad(params), state, lr, mu)':
            'sgd_step(params, grads, state, lr, mu)',
    }, ''),
    Scenario('optimise-one-step-too-many', '4.4', {
        'for t in range(n_steps):':
            'for t in range(n_steps + 1):',
    }, ''),
    Scenario('train-momentum-shuffles-once', '4.5', {
        '    t = 0\n    for _ in range(epochs):\n        order = rng.permutation(n)\n':
            '    t = 0\n    order = rng.permutation(n)\n    for _ in range(epochs):\n',
    }, ''),
    Scenario('train-momentum-inputs-not-shuffled-with-labels', '4.5', {
        'scores, caches = mlp_forward(params, X[idx])':
            'scores, caches = mlp_forward(params, X[start:start + batch_size])',
    }, ''),
    Scenario('train-momentum-global-numpy-shuffle', '4.5', {
        'order = rng.permutation(n)':
            'order = np.random.permutation(n)',
    }, ''),
]

VARIANTS = [
    Scenario('schedule-half-power-and-if-cap', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)':
            'mu = 1.0 - 0.5 ** (1.0 + np.log2(t // 250 + 1))\n    if mu > mu_max:\n'
            '        mu = mu_max',
    }, ''),
    Scenario('nesterov-items-and-rebind', '4.2', {
        'ahead = {k: params[k] + mu * state[k] for k in params}':
            'ahead = {k: p + mu * state[k] for k, p in params.items()}',
        'state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            'state[k] = mu * state[k] - lr * g[k]\n        params[k] = params[k] + state[k]',
    }, ''),
]
