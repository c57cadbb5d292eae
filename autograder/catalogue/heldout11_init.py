"""Eleventh held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-recursion-from-last-std', '3.1', {
        'var = var * width * weight_std**2 * gain2':
            'var = stds[-1] * width * weight_std**2 * gain2',
    }, ''),
    Scenario('predicted-returns-inside-loop', '3.1', {
        '        var = var * width * weight_std**2 * gain2\n    ### END SOLUTION':
            '        var = var * width * weight_std**2 * gain2\n'
            '        return np.array(stds)\n'
            '    ### END SOLUTION',
    }, ''),
    Scenario('predicted-input-variance-added', '3.1', {
        'var = width * weight_std**2 * input_std**2':
            'var = width * weight_std**2 + input_std**2',
    }, ''),
    Scenario('uniform-from-random-shifted-by-one', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = 2 * bound * rng.random((fan_in, fan_out)) - 1',
    }, ''),
    Scenario('xavier-normal-with-uniform-root-three', '3.3', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(3.0) * np.sqrt(2.0 / (fan_in + fan_out)),\n'
            '                      rng)',
    }, ''),
    Scenario('xavier-uniform-fan-in-typed-twice', '3.3', {
        'np.sqrt(6.0 / (fan_in + fan_out))':
            'np.sqrt(6.0 / (fan_in + fan_in))',
    }, ''),
    Scenario('he-extra-relu-gain', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = np.sqrt(2.0) * gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)',
    }, ''),
    Scenario('orthogonal-sign-fix-as-mask', '3.5', {
        'q = q * np.sign(np.diag(r))':
            'q = q * (np.diag(r) > 0)',
    }, ''),
    Scenario('stats-variance-not-std', '3.6', {
        'std = np.array([h.std() for h in hidden])':
            'std = np.array([h.var() for h in hidden])',
    }, ''),
    Scenario('stats-backprops-scores', '3.6', {
        'grads = mlp_backward(dscores, caches, activation)':
            'grads = mlp_backward(scores, caches, activation)',
    }, ''),
]

VARIANTS = [
    Scenario('orthogonal-sign-by-where', '3.5', {
        'q = q * np.sign(np.diag(r))':
            'q = q * np.where(np.diag(r) < 0, -1.0, 1.0)',
    }, ''),
    Scenario('stats-grad-norm-root-sum-squares', '3.6', {
        'np.linalg.norm(grads[f"W{i}"])':
            'np.sqrt(np.sum(grads[f"W{i}"] ** 2))',
    }, ''),
]
