"""Twenty-second held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-returns-variances', '3.1', {
        'stds.append(np.sqrt(var))':
            'stds.append(var)',
    }, ''),
    Scenario('predicted-recursion-drops-width', '3.1', {
        'var = var * width * weight_std**2 * gain2':
            'var = var * weight_std**2 * gain2',
    }, ''),
    Scenario('uniform-as-gaussian-with-matching-variance', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = rng.normal(0.0, bound / np.sqrt(3.0), size=(fan_in, fan_out))',
    }, ''),
    Scenario('xavier-normal-with-tanh-gain', '3.3', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)':
            'W = gaussian_init(fan_in, fan_out, 5.0 / 3.0 * np.sqrt(2.0 / (fan_in + fan_out)), rng)',
    }, ''),
    Scenario('xavier-uniform-own-generator-seeded-by-shape', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)),\n'
            '                     np.random.default_rng(fan_in * fan_out))',
    }, ''),
    Scenario('he-counts-bias-in-fan-in', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + 1)), rng)',
    }, ''),
    Scenario('orthogonal-transpose-condition-inverted', '3.5', {
        'W = gain * (q if fan_in >= fan_out else q.T)':
            'W = gain * (q if fan_in <= fan_out else q.T)',
    }, ''),
    Scenario('stats-dead-relu-examples-with-all-units-off', '3.6', {
        'np.mean(np.all(h <= 0, axis=0))':
            'np.mean(np.all(h <= 0, axis=1))',
    }, ''),
    Scenario('stats-grad-norm-squared', '3.6', {
        'np.linalg.norm(grads[f"W{i}"])':
            'np.sum(grads[f"W{i}"] ** 2)',
    }, ''),
    Scenario('stats-standardises-batch-first', '3.6', {
        '    _, hs = forward_record(params, x, activation)\n':
            '    x = (x - x.mean(axis=0)) / x.std(axis=0)\n'
            '    _, hs = forward_record(params, x, activation)\n',
    }, ''),
]

VARIANTS = [
    Scenario('uniform-unit-interval-scaled-by-bound', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = bound * rng.uniform(-1.0, 1.0, size=(fan_in, fan_out))',
    }, ''),
    Scenario('orthogonal-sign-fix-by-diagonal-matrix', '3.5', {
        'q = q * np.sign(np.diag(r))':
            'q = q @ np.diag(np.sign(np.diag(r)))',
    }, ''),
]
