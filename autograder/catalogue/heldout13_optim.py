"""Thirteenth held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-velocity-as-gradient-average', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] = mu * state[k] + (1 - mu) * grads[k]\n'
            '        params[k] -= lr * state[k]',
    }, ''),
    Scenario('momentum-velocity-stored-with-opposite-sign', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] = mu * state[k] + lr * grads[k]\n'
            '        params[k] -= state[k]',
    }, ''),
    Scenario('nesterov-params-rebound-to-new-dict', '4.2', {
        '    for k in params:\n        state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            '    for k in params:\n        state[k] = mu * state[k] - lr * g[k]\n'
            '    params = {k: params[k] + state[k] for k in params}',
    }, ''),
    Scenario('schedule-bucket-by-while-loop', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)':
            'bucket = 0\n'
            '    while (bucket + 1) * 250 < t:\n'
            '        bucket += 1\n'
            '    mu = min(1.0 - 2.0 ** (-1.0 - np.log2(bucket + 1)), mu_max)',
    }, ''),
    Scenario('optimise-preallocated-losses-index-off-by-one', '4.4', {
        '    losses = [objective.loss(params)]\n    for t in range(n_steps):':
            '    losses = [objective.loss(params)] + [0.0] * n_steps\n    for t in range(n_steps):',
        '        losses.append(objective.loss(params))\n    ### END SOLUTION':
            '        losses[t] = objective.loss(params)\n    ### END SOLUTION',
    }, ''),
    Scenario('optimise-momentum-test-or-string', '4.4', {
        'elif method == "momentum":':
            'elif method == "momentum" or "heavy-ball":',
    }, ''),
    Scenario('optimise-losses-relative-to-start', '4.4', {
        '        losses.append(objective.loss(params))\n    ### END SOLUTION':
            '        losses.append(objective.loss(params))\n'
            '    losses = [loss / losses[0] for loss in losses]\n    ### END SOLUTION',
    }, ''),
    Scenario('train-momentum-one-epoch-short', '4.5', {
        '    for _ in range(epochs):':
            '    for _ in range(1, epochs):',
    }, ''),
    Scenario('train-momentum-inputs-permuted-twice', '4.5', {
        '        order = rng.permutation(n)\n':
            '        order = rng.permutation(n)\n        X_shuf = X[order]\n',
        'scores, caches = mlp_forward(params, X[idx])':
            'scores, caches = mlp_forward(params, X_shuf[idx])',
    }, ''),
    Scenario('train-momentum-learning-rate-hard-coded', '4.5', {
        'momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))':
            'momentum_step(params, grads, state, 0.1, momentum_schedule(t, mu_max))',
    }, ''),
]

VARIANTS = [
    Scenario('nesterov-gradient-called-per-key', '4.2', {
        '    g = objective.grad(ahead)\n    for k in params:\n        state[k] = mu * state[k] - lr * g[k]':
            '    for k in params:\n        state[k] = mu * state[k] - lr * objective.grad(ahead)[k]',
    }, ''),
    Scenario('train-momentum-step-index-from-epoch-and-batch', '4.5', {
        '    t = 0\n    for _ in range(epochs):\n        order = rng.permutation(n)\n'
        '        for start in range(0, n, batch_size):':
            '    n_batches = (n + batch_size - 1) // batch_size\n'
            '    for epoch in range(epochs):\n        order = rng.permutation(n)\n'
            '        for b, start in enumerate(range(0, n, batch_size)):\n'
            '            t = epoch * n_batches + b',
        '            losses.append(float(loss))\n            t += 1\n':
            '            losses.append(float(loss))\n',
    }, ''),
]
