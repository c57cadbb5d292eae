"""Eighth held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-relu-factor-skipped-at-layer-two', '3.1', {
        '    for _ in range(depth):\n        stds.append(np.sqrt(var))\n'
        '        var = var * width * weight_std**2 * gain2':
            '    for layer in range(depth):\n'
            '        stds.append(np.sqrt(var))\n'
            '        if layer > 0:\n'
            '            var = var * width * weight_std**2 * gain2\n'
            '        else:\n'
            '            var = var * width * weight_std**2',
    }, ''),
    Scenario('predicted-std-recursion-with-variance-gain', '3.1', {
        '    var = width * weight_std**2 * input_std**2\n    stds = []\n'
        '    for _ in range(depth):\n        stds.append(np.sqrt(var))\n'
        '        var = var * width * weight_std**2 * gain2':
            '    std = np.sqrt(width) * weight_std * input_std\n'
            '    stds = []\n'
            '    for _ in range(depth):\n'
            '        stds.append(std)\n'
            '        std = std * np.sqrt(width) * weight_std * gain2',
    }, ''),
    Scenario('gaussian-unit-normal-ignores-std', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = rng.normal(size=(fan_in, fan_out))',
    }, ''),
    Scenario('uniform-shape-fan-in-twice', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = rng.uniform(-bound, bound, size=(fan_in, fan_in))',
    }, ''),
    Scenario('xavier-normal-std-applied-twice', '3.3', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)':
            'std = np.sqrt(2.0 / (fan_in + fan_out))\n'
            '    W = std * gaussian_init(fan_in, fan_out, std, rng)',
    }, ''),
    Scenario('xavier-uniform-fans-swapped-in-call', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'W = uniform_init(fan_out, fan_in, np.sqrt(6.0 / (fan_in + fan_out)), rng)',
    }, ''),
    Scenario('he-integer-division', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(2 // fan_in), rng)',
    }, ''),
    Scenario('orthogonal-draws-wide-matrix', '3.5', {
        'q, r = np.linalg.qr(rng.normal(size=(big, small)))':
            'q, r = np.linalg.qr(rng.normal(size=(small, big)))',
    }, ''),
    Scenario('stats-hidden-includes-output-layer', '3.6', {
        'hidden = hs[:-1]':
            'hidden = hs',
    }, ''),
    Scenario('stats-std-of-weights', '3.6', {
        'std = np.array([h.std() for h in hidden])':
            'std = np.array([params[f"W{i}"].std() for i in range(1, len(hs))])',
    }, ''),
]

VARIANTS = [
    Scenario('stats-dead-relu-exactly-zero', '3.6', {
        'np.mean(np.all(h <= 0, axis=0))':
            'np.mean(np.all(h == 0, axis=0))',
    }, ''),
    Scenario('orthogonal-square-transposed', '3.5', {
        'W = gain * (q if fan_in >= fan_out else q.T)':
            'W = gain * (q if fan_in > fan_out else q.T)',
    }, ''),
]
