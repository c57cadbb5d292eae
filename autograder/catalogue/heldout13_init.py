"""Thirteenth held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-one-layer-too-many', '3.1', {
        '    for _ in range(depth):\n        stds.append(np.sqrt(var))':
            '    for _ in range(depth + 1):\n        stds.append(np.sqrt(var))',
    }, ''),
    Scenario('predicted-relu-factor-not-compounded', '3.1', {
        '    gain2 = 0.5 if activation == "relu" else 1.0\n'
        '    var = width * weight_std**2 * input_std**2\n'
        '    stds = []\n'
        '    for _ in range(depth):\n'
        '        stds.append(np.sqrt(var))\n'
        '        var = var * width * weight_std**2 * gain2\n':
            '    var = width * weight_std**2 * input_std**2\n'
            '    stds = []\n'
            '    for _ in range(depth):\n'
            '        stds.append(np.sqrt(var))\n'
            '        var = var * width * weight_std**2\n'
            '    if activation == "relu":\n'
            '        stds = [stds[0]] + [s * np.sqrt(0.5) for s in stds[1:]]\n',
    }, ''),
    Scenario('gaussian-called-like-uniform', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = rng.normal(-std, std, size=(fan_in, fan_out))',
    }, ''),
    Scenario('uniform-unit-draw-plus-bound', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = rng.uniform(-1, 1, size=(fan_in, fan_out)) + bound',
    }, ''),
    Scenario('xavier-normal-root-of-denominator-only', '3.3', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)':
            'W = gaussian_init(fan_in, fan_out, 2.0 / np.sqrt(fan_in + fan_out), rng)',
    }, ''),
    Scenario('xavier-uniform-fan-in-only', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / fan_in), rng)',
    }, ''),
    Scenario('he-standard-uniform-times-root-two', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = np.sqrt(2.0) * standard_uniform(fan_in, fan_out, rng)',
    }, ''),
    Scenario('orthogonal-qr-factors-unpacked-swapped', '3.5', {
        'q, r = np.linalg.qr(rng.normal(size=(big, small)))':
            'r, q = np.linalg.qr(rng.normal(size=(big, small)))',
    }, ''),
    Scenario('stats-grad-root-mean-square', '3.6', {
        'np.linalg.norm(grads[f"W{i}"])':
            'np.sqrt(np.mean(grads[f"W{i}"] ** 2))',
    }, ''),
    Scenario('stats-std-over-all-hidden-layers', '3.6', {
        'std = np.array([h.std() for h in hidden])':
            'std = np.std(hidden)',
    }, ''),
]

VARIANTS = [
    Scenario('predicted-loop-from-input-variance', '3.1', {
        '    var = width * weight_std**2 * input_std**2\n'
        '    stds = []\n'
        '    for _ in range(depth):\n'
        '        stds.append(np.sqrt(var))\n'
        '        var = var * width * weight_std**2 * gain2\n':
            '    var = input_std**2\n'
            '    stds = []\n'
            '    for layer in range(depth):\n'
            '        var = var * width * weight_std**2 * (gain2 if layer > 0 else 1.0)\n'
            '        stds.append(np.sqrt(var))\n',
    }, ''),
    Scenario('uniform-magnitude-times-random-sign', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = (rng.uniform(0.0, bound, size=(fan_in, fan_out))\n'
            '         * rng.choice([-1.0, 1.0], size=(fan_in, fan_out)))',
    }, ''),
]
