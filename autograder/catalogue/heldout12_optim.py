"""Twelfth held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-decay-applied-after-step', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] -= lr * grads[k]\n        params[k] += state[k]\n'
            '        state[k] *= mu',
    }, ''),
    Scenario('momentum-gradient-scaled-by-terminal-speed', '4.1', {
        'state[k] -= lr * grads[k]':
            'state[k] -= lr / (1 - mu) * grads[k]',
    }, ''),
    Scenario('nesterov-lookahead-undone-with-new-velocity', '4.2', {
        '    ahead = {k: params[k] + mu * state[k] for k in params}\n'
        '    g = objective.grad(ahead)\n'
        '    for k in params:\n'
        '        state[k] = mu * state[k] - lr * g[k]\n'
        '        params[k] += state[k]':
            '    for k in params:\n'
            '        params[k] += mu * state[k]\n'
            '    g = objective.grad(params)\n'
            '    for k in params:\n'
            '        state[k] = mu * state[k] - lr * g[k]\n'
            '        params[k] -= mu * state[k]\n'
            '        params[k] += state[k]',
    }, ''),
    Scenario('nesterov-params-assigned-velocity', '4.2', {
        'state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            'state[k] = mu * state[k] - lr * g[k]\n        params[k] = state[k]',
    }, ''),
    Scenario('schedule-half-base-exponent-sign-kept', '4.3', {
        '2.0 ** (-1.0 - np.log2(':
            '0.5 ** (-1.0 - np.log2(',
    }, ''),
    Scenario('schedule-log-left-out', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)':
            'mu = min(1.0 - 2.0 ** (-1.0 - np.floor(t / 250)), mu_max)',
    }, ''),
    Scenario('optimise-stops-when-loss-rises', '4.4', {
        '        losses.append(objective.loss(params))\n    ### END SOLUTION':
            '        losses.append(objective.loss(params))\n'
            '        if losses[-1] > losses[-2]:\n'
            '            break\n'
            '    ### END SOLUTION',
    }, ''),
    Scenario('train-momentum-records-full-data-loss', '4.5', {
        '            losses.append(float(loss))':
            '            losses.append(float(full_loss(params, X, y)))',
    }, ''),
    Scenario('train-momentum-steps-with-previous-batch-gradient', '4.5', {
        '    state = zeros_like(params)\n    n = X.shape[0]':
            '    state = zeros_like(params)\n    grads = zeros_like(params)\n    n = X.shape[0]',
        '            scores, caches = mlp_forward(params, X[idx])\n'
        '            loss, dscores = softmax_cross_entropy(scores, y[idx])\n'
        '            grads = mlp_backward(dscores, caches)\n'
        '            momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))':
            '            momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))\n'
            '            scores, caches = mlp_forward(params, X[idx])\n'
            '            loss, dscores = softmax_cross_entropy(scores, y[idx])\n'
            '            grads = mlp_backward(dscores, caches)',
    }, ''),
    Scenario('train-momentum-batch-slice-one-short', '4.5', {
        'idx = order[start:start + batch_size]':
            'idx = order[start:start + batch_size - 1]',
    }, ''),
]

VARIANTS = [
    Scenario('momentum-position-moved-before-velocity-stored', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        params[k] += mu * state[k] - lr * grads[k]\n'
            '        state[k] = mu * state[k] - lr * grads[k]',
    }, ''),
    Scenario('optimise-gradient-carried-to-next-step', '4.4', {
        '    losses = [objective.loss(params)]\n    for t in range(n_steps):':
            '    losses = [objective.loss(params)]\n'
            '    grads = objective.grad(params)\n'
            '    for t in range(n_steps):',
        'momentum_step(params, objective.grad(params), state, lr, mu)':
            'momentum_step(params, grads, state, lr, mu)',
        'sgd_step(params, objective.grad(params), state, lr, mu)':
            'sgd_step(params, grads, state, lr, mu)',
        '        losses.append(objective.loss(params))\n    ### END SOLUTION':
            '        losses.append(objective.loss(params))\n'
            '        grads = objective.grad(params)\n'
            '    ### END SOLUTION',
    }, ''),
]
