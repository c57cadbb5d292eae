"""Third batch of module 04_optim (issue 14): the design half, 6 of 12 mistakes,
and 2 new correct-but-different variants.

12 new mistakes were written blind (without reading the feedback code, the
catalogue's hints or any check's output on them), kept in the order written,
shuffled with random.Random(2611).shuffle (a new Random per module) and split:
positions 0, 2, 4, ... are held out (heldout3_optim.py), positions 1, 3, 5, ...
are the design half (design3_optim.py). Hints are empty until measured.
VARIANTS are correct code written differently; they are not split.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-mu-scales-gradient-too', '4.1', {
        '        state[k] *= mu\n'
        '        state[k] -= lr * grads[k]':
            '        state[k] -= lr * grads[k]\n'
            '        state[k] *= mu',
    }, ''),
    Scenario('optimise-works-on-a-copy', '4.4', {
        '    losses = [objective.loss(params)]\n'
        '    for t in range(n_steps):':
            '    params = {k: v.copy() for k, v in params.items()}\n'
            '    losses = [objective.loss(params)]\n'
            '    for t in range(n_steps):',
    }, ''),
    Scenario('optimise-method-name-capitalised', '4.4', {
        'if method == "nesterov":':
            'if method == "Nesterov":',
    }, ''),
    Scenario('schedule-bucket-off-by-one', '4.3', {
        'np.floor(t / 250)':
            'np.floor((t + 1) / 250)',
    }, ''),
    Scenario('optimise-if-instead-of-elif', '4.4', {
        '        elif method == "momentum":':
            '        if method == "momentum":',
    }, ''),
    Scenario('schedule-log-of-zero', '4.3', {
        'np.log2(np.floor(t / 250) + 1)':
            'np.log2(np.floor(t / 250)) + 1',
    }, ''),
]

VARIANTS = [
    Scenario('optimise-sgd-as-zero-momentum', '4.4', {
        '            sgd_step(params, objective.grad(params), state, lr, mu)':
            '            momentum_step(params, objective.grad(params), zeros_like(params), lr, 0.0)',
    }, ''),
    Scenario('train-momentum-step-from-loss-count', '4.5', {
        'momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))\n'
        '            losses.append(float(loss))':
            'momentum_step(params, grads, state, lr, momentum_schedule(len(losses), mu_max))\n'
            '            losses.append(float(loss))',
    }, ''),
]
