"""Third held-out batch of module 04_optim (issue 14), 6 of 12 mistakes.

12 new mistakes were written blind (without reading the feedback code, the
catalogue's hints or any check's output on them), kept in the order written,
shuffled with random.Random(2611).shuffle (a new Random per module) and split:
positions 0, 2, 4, ... are held out (heldout3_optim.py), positions 1, 3, 5, ...
are the design half (design3_optim.py). Hints are empty until measured.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('nesterov-lookahead-left-in-params', '4.2', {
        '    ahead = {k: params[k] + mu * state[k] for k in params}\n'
        '    g = objective.grad(ahead)':
            '    for k in params:\n'
            '        params[k] += mu * state[k]\n'
            '    g = objective.grad(params)',
    }, ''),
    Scenario('momentum-velocity-accumulates-raw-gradient', '4.1', {
        '        state[k] *= mu\n'
        '        state[k] -= lr * grads[k]\n'
        '        params[k] += state[k]':
            '        state[k] *= mu\n'
            '        state[k] += grads[k]\n'
            '        params[k] -= lr * state[k]',
    }, ''),
    Scenario('train-momentum-calls-sgd-step', '4.5', {
        'momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))':
            'sgd_step(params, grads, state, lr, momentum_schedule(t, mu_max))',
    }, ''),
    Scenario('train-momentum-schedule-by-epoch', '4.5', {
        '    t = 0\n'
        '    for _ in range(epochs):':
            '    for t in range(epochs):',
        '            t += 1\n':
            '',
    }, ''),
    Scenario('momentum-nesterov-form-update', '4.1', {
        '        state[k] *= mu\n'
        '        state[k] -= lr * grads[k]\n'
        '        params[k] += state[k]':
            '        state[k] *= mu\n'
            '        state[k] -= lr * grads[k]\n'
            '        params[k] += mu * state[k] - lr * grads[k]',
    }, ''),
    Scenario('nesterov-lookahead-without-mu', '4.2', {
        'ahead = {k: params[k] + mu * state[k] for k in params}':
            'ahead = {k: params[k] + state[k] for k in params}',
    }, ''),
]
