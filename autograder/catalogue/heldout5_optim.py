"""Fifth held-out batch of module 04_optim (issue 14): 7 mistakes and 1 variant.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-velocity-reassigned-not-updated', '4.1', {
        'state[k] -= lr * grads[k]':
            'state[k] = -lr * grads[k]',
    }, ''),
    Scenario('nesterov-double-lookahead', '4.2', {
        '        state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            '        state[k] = mu * state[k] - lr * g[k]\n'
            '        params[k] += mu * state[k] - lr * g[k]',
    }, ''),
    Scenario('schedule-exponent-plus-one', '4.3', {
        '2.0 ** (-1.0 - np.log2(':
            '2.0 ** (1.0 - np.log2(',
    }, ''),
    Scenario('optimise-momentum-branch-calls-nesterov', '4.4', {
        'momentum_step(params, objective.grad(params), state, lr, mu)':
            'nesterov_step(params, objective, state, lr, mu)',
    }, ''),
    Scenario('optimise-schedule-at-final-step', '4.4', {
        'mu = momentum_schedule(t, mu_max)':
            'mu = momentum_schedule(n_steps, mu_max)',
    }, ''),
    Scenario('train-momentum-schedule-by-batch-offset', '4.5', {
        'momentum_schedule(t, mu_max))':
            'momentum_schedule(start, mu_max))',
    }, ''),
    Scenario('train-momentum-state-and-grads-swapped', '4.5', {
        'momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))':
            'momentum_step(params, state, grads, lr, momentum_schedule(t, mu_max))',
    }, ''),
]

VARIANTS = [
    Scenario('momentum-velocity-slice-assign', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]':
            '        state[k][...] = mu * state[k] - lr * grads[k]',
    }, ''),
]
