"""Ninth held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-width-inside-the-square', '3.1', {
        'var = var * width * weight_std**2 * gain2':
            'var = var * (width * weight_std)**2 * gain2',
    }, ''),
    Scenario('predicted-relu-factor-two', '3.1', {
        'gain2 = 0.5 if activation == "relu" else 1.0':
            'gain2 = 2.0 if activation == "relu" else 1.0',
    }, ''),
    Scenario('gaussian-from-uniform-random', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = std * rng.random((fan_in, fan_out))',
    }, ''),
    Scenario('uniform-one-draw-filled', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = np.full((fan_in, fan_out), rng.uniform(-bound, bound))',
    }, ''),
    Scenario('xavier-normal-std-as-bound-over-three', '3.3', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)) / 3, rng)',
    }, ''),
    Scenario('xavier-uniform-bound-without-sqrt', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'W = uniform_init(fan_in, fan_out, 6.0 / (fan_in + fan_out), rng)',
    }, ''),
    Scenario('he-ratio-inverted', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(fan_in / 2.0), rng)',
    }, ''),
    Scenario('orthogonal-sign-from-q-diagonal', '3.5', {
        'q = q * np.sign(np.diag(r))':
            'q = q * np.sign(np.diag(q))',
    }, ''),
    Scenario('stats-std-as-root-mean-square', '3.6', {
        'std = np.array([h.std() for h in hidden])':
            'std = np.array([np.sqrt(np.mean(h**2)) for h in hidden])',
    }, ''),
    Scenario('stats-linear-frozen-one-per-layer', '3.6', {
        'frozen = np.zeros(len(hidden))':
            'frozen = np.zeros(len(hs))',
    }, ''),
]

VARIANTS = [
    Scenario('predicted-std-recursion-on-std', '3.1', {
        '    var = width * weight_std**2 * input_std**2\n'
        '    stds = []\n'
        '    for _ in range(depth):\n'
        '        stds.append(np.sqrt(var))\n'
        '        var = var * width * weight_std**2 * gain2':
            '    std = np.sqrt(width) * weight_std * input_std\n'
            '    stds = []\n'
            '    for _ in range(depth):\n'
            '        stds.append(std)\n'
            '        std = std * np.sqrt(width * gain2) * weight_std',
    }, ''),
    Scenario('he-draws-transposed-shape', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = gaussian_init(fan_out, fan_in, np.sqrt(2.0 / fan_in), rng).T',
    }, ''),
]
