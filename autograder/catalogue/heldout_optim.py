"""Held-out mistakes of module 04_optim (issue 14): half of the new mistakes, split at random
(random.Random(1414).shuffle per module) and set aside while the diagnosers were designed;
measured before being merged into the catalogue."""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('optimise-records-before-each-step', '4.4', {
        '    losses = [objective.loss(params)]\n    for t in range(n_steps):\n'
        '        mu = momentum_schedule(t, mu_max)':
            '    losses = []\n    for t in range(n_steps):\n'
            '        losses.append(objective.loss(params))\n'
            '        mu = momentum_schedule(t, mu_max)',
    }, 'two losses per step'),
    Scenario('train-momentum-loss-per-epoch', '4.5', {
        '            losses.append(float(loss))\n            t += 1':
            '            t += 1\n        losses.append(float(loss))',
    }, 'one loss per epoch was recorded'),
    Scenario('momentum-step-with-old-velocity', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]\n'
        '        params[k] += state[k]':
            '        params[k] += state[k]\n        state[k] *= mu\n'
            '        state[k] -= lr * grads[k]',
    }, 'velocity'),
    Scenario('nesterov-lookahead-by-lr', '4.2', {
        'ahead = {k: params[k] + mu * state[k] for k in params}':
            'ahead = {k: params[k] + lr * state[k] for k in params}',
    }, 'you moved by lr * v'),
    Scenario('train-momentum-constant-mu', '4.5', {
        'momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))':
            'momentum_step(params, grads, state, lr, mu_max)',
    }, 'schedule'),
]
