"""Tenth held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-decay-sign-flipped', '4.1', {
        'state[k] *= mu':
            'state[k] *= -mu',
    }, ''),
    Scenario('momentum-lr-scales-decayed-velocity-too', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]':
            '        state[k] = lr * (mu * state[k] - grads[k])',
    }, ''),
    Scenario('nesterov-velocity-decayed-before-lookahead-and-again', '4.2', {
        '    ahead = {k: params[k] + mu * state[k] for k in params}':
            '    for k in state:\n        state[k] *= mu\n'
            '    ahead = {k: params[k] + state[k] for k in params}',
    }, ''),
    Scenario('nesterov-position-moved-by-gradient-only', '4.2', {
        '        state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            '        state[k] = mu * state[k] - lr * g[k]\n        params[k] -= lr * g[k]',
    }, ''),
    Scenario('schedule-log-of-bucket-plus-two', '4.3', {
        'np.log2(np.floor(t / 250) + 1)':
            'np.log2(np.floor(t / 250) + 2)',
    }, ''),
    Scenario('schedule-log-of-bucket-start-step', '4.3', {
        'np.log2(np.floor(t / 250) + 1)':
            'np.log2(t - t % 250 + 1)',
    }, ''),
    Scenario('optimise-momentum-fresh-velocity-each-step', '4.4', {
        'momentum_step(params, objective.grad(params), state, lr, mu)':
            'momentum_step(params, objective.grad(params), zeros_like(params), lr, mu)',
    }, ''),
    Scenario('optimise-schedule-arguments-swapped', '4.4', {
        'mu = momentum_schedule(t, mu_max)':
            'mu = momentum_schedule(mu_max, t)',
    }, ''),
    Scenario('train-momentum-counter-counts-examples', '4.5', {
        '            t += 1':
            '            t += batch_size',
    }, ''),
    Scenario('train-momentum-batches-sampled-with-replacement', '4.5', {
        'order = rng.permutation(n)':
            'order = rng.integers(0, n, size=n)',
    }, ''),
]

VARIANTS = [
    Scenario('momentum-numpy-out-arguments', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        np.multiply(state[k], mu, out=state[k])\n'
            '        np.subtract(state[k], lr * grads[k], out=state[k])\n'
            '        np.add(params[k], state[k], out=params[k])',
    }, ''),
    Scenario('schedule-exp2-of-integer-bucket', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)':
            'k = t // 250\n    mu = min(1.0 - np.exp2(-1.0 - np.log2(k + 1)), mu_max)',
    }, ''),
]
