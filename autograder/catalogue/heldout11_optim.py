"""Eleventh held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-velocity-decays-params', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]':
            '        state[k] = mu * params[k] - lr * grads[k]',
    }, ''),
    Scenario('momentum-params-assigned-velocity', '4.1', {
        '        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] -= lr * grads[k]\n        params[k] = state[k]',
    }, ''),
    Scenario('nesterov-gradient-added-to-velocity', '4.2', {
        'state[k] = mu * state[k] - lr * g[k]':
            'state[k] = mu * state[k] + lr * g[k]',
    }, ''),
    Scenario('nesterov-mu-multiplies-whole-velocity-update', '4.2', {
        'state[k] = mu * state[k] - lr * g[k]':
            'state[k] = mu * (state[k] - lr * g[k])',
    }, ''),
    Scenario('schedule-floor-taken-of-log', '4.3', {
        'np.log2(np.floor(t / 250) + 1)':
            'np.floor(np.log2(t / 250 + 1))',
    }, ''),
    Scenario('schedule-natural-exponential', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)':
            'mu = min(1.0 - np.exp(-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)',
    }, ''),
    Scenario('optimise-loss-recorded-before-step-after-initial', '4.4', {
        '        mu = momentum_schedule(t, mu_max)\n        if method == "nesterov":':
            '        losses.append(objective.loss(params))\n'
            '        mu = momentum_schedule(t, mu_max)\n        if method == "nesterov":',
        '            sgd_step(params, objective.grad(params), state, lr, mu)\n'
        '        losses.append(objective.loss(params))\n':
            '            sgd_step(params, objective.grad(params), state, lr, mu)\n',
    }, ''),
    Scenario('optimise-loss-recorded-in-sgd-branch-only', '4.4', {
        '            sgd_step(params, objective.grad(params), state, lr, mu)\n'
        '        losses.append(objective.loss(params))':
            '            sgd_step(params, objective.grad(params), state, lr, mu)\n'
            '            losses.append(objective.loss(params))',
    }, ''),
    Scenario('train-momentum-shuffle-from-fixed-seed', '4.5', {
        'order = rng.permutation(n)':
            'order = np.random.default_rng(0).permutation(n)',
    }, ''),
    Scenario('train-momentum-step-once-per-epoch', '4.5', {
        '            momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))\n'
        '            losses.append(float(loss))\n            t += 1\n':
            '            losses.append(float(loss))\n            t += 1\n'
            '        momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))\n',
    }, ''),
]

VARIANTS = [
    Scenario('optimise-loss-before-each-step-then-final', '4.4', {
        '    losses = [objective.loss(params)]\n    for t in range(n_steps):\n'
        '        mu = momentum_schedule(t, mu_max)':
            '    losses = []\n    for t in range(n_steps):\n'
            '        losses.append(objective.loss(params))\n'
            '        mu = momentum_schedule(t, mu_max)',
        '        losses.append(objective.loss(params))\n    ### END SOLUTION':
            '    losses.append(objective.loss(params))\n    ### END SOLUTION',
    }, ''),
    Scenario('train-momentum-shuffled-arrays-sliced', '4.5', {
        '        order = rng.permutation(n)\n':
            '        order = rng.permutation(n)\n        Xs, ys = X[order], y[order]\n',
        '            scores, caches = mlp_forward(params, X[idx])\n'
        '            loss, dscores = softmax_cross_entropy(scores, y[idx])':
            '            scores, caches = mlp_forward(params, Xs[start:start + batch_size])\n'
            '            loss, dscores = softmax_cross_entropy(scores, ys[start:start + batch_size])',
    }, ''),
]
