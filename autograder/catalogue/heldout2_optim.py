"""Second held-out batch of module 04_optim (issue 14): 9 new mistakes were written
before any diagnoser changed, shuffled with random.Random(1730).shuffle (a new Random per
module, in the order written) and every other one from the first (positions 0, 2, 4, ...) was
set aside here, measured once after the diagnosers were improved on the other half.
Hint phrases were filled in after that measurement; the module catalogue merges the
scenarios that have one (those still without a hint are not yet named)."""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('optimise-loop-from-1', '4.4', {
        'for t in range(n_steps):':
            'for t in range(1, n_steps):',
    }, 'one step (or its loss) is missing'),
    Scenario('train-momentum-counter-never-advanced', '4.5', {
        '            t += 1':
            '            pass',
    }, ''),
    Scenario('train-state-aliases-params', '4.5', {
        '### BEGIN SOLUTION\n    state = zeros_like(params)':
            '### BEGIN SOLUTION\n    state = dict(params)',
    }, '`v` itself where a new array belongs'),
    Scenario('momentum-subtracts-velocity', '4.1', {
        '        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] -= lr * grads[k]\n        params[k] -= state[k]',
    }, 'move by +v'),
    Scenario('nesterov-ahead-aliases-params', '4.2', {
        'ahead = {k: params[k] + mu * state[k] for k in params}':
            'ahead = params\n    for k in params:\n        ahead[k] += mu * state[k]',
    }, ''),
]
