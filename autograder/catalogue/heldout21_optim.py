"""Twenty-first held-out batch of module 04_optim (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('momentum-position-moved-by-lookahead-form-step', '4.1', {
        '        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        state[k] -= lr * grads[k]\n        params[k] += mu * state[k] - lr * grads[k]',
    }, ''),
    Scenario('momentum-new-velocity-never-stored', '4.1', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]\n        params[k] += state[k]':
            '        v = mu * state[k] - lr * grads[k]\n        params[k] += v',
    }, ''),
    Scenario('nesterov-lookahead-without-mu', '4.2', {
        'ahead = {k: params[k] + mu * state[k] for k in params}':
            'ahead = {k: params[k] + state[k] for k in params}',
    }, ''),
    Scenario('nesterov-velocity-not-decayed-after-lookahead', '4.2', {
        'state[k] = mu * state[k] - lr * g[k]':
            'state[k] = state[k] - lr * g[k]',
    }, ''),
    Scenario('schedule-bucket-rounded-not-floored', '4.3', {
        'np.floor(t / 250)':
            'np.round(t / 250)',
    }, ''),
    Scenario('schedule-exponent-parentheses-dropped', '4.3', {
        '1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1))':
            '1.0 - 2.0 ** -1.0 - np.log2(np.floor(t / 250) + 1)',
    }, ''),
    Scenario('optimise-stops-at-non-finite-loss', '4.4', {
        '        losses.append(objective.loss(params))\n':
            '        losses.append(objective.loss(params))\n'
            '        if not np.isfinite(losses[-1]):\n'
            '            break\n',
    }, ''),
    Scenario('optimise-schedule-evaluated-once-before-loop', '4.4', {
        '    for t in range(n_steps):\n        mu = momentum_schedule(t, mu_max)\n':
            '    mu = momentum_schedule(0, mu_max)\n    for t in range(n_steps):\n',
    }, ''),
    Scenario('train-momentum-counter-advanced-per-epoch', '4.5', {
        '            losses.append(float(loss))\n            t += 1\n':
            '            losses.append(float(loss))\n        t += 1\n',
    }, ''),
    Scenario('train-momentum-batch-gradient-averaged-again', '4.5', {
        'grads = mlp_backward(dscores, caches)':
            'grads = mlp_backward(dscores / len(idx), caches)',
    }, ''),
]

VARIANTS = [
    Scenario('schedule-closed-form-half-over-bucket', '4.3', {
        'mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)':
            'k = t // 250\n    mu = min(1.0 - 0.5 / (k + 1), mu_max)',
    }, ''),
    Scenario('optimise-schedule-skipped-for-sgd', '4.4', {
        '        mu = momentum_schedule(t, mu_max)\n':
            '        mu = momentum_schedule(t, mu_max) if method != "sgd" else 0.0\n',
    }, ''),
]
