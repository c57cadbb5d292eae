"""Nineteenth held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-tanh-given-relu-half-factor', '3.1', {
        'gain2 = 0.5 if activation == "relu" else 1.0':
            'gain2 = 1.0 if activation == "linear" else 0.5',
    }, ''),
    Scenario('predicted-input-std-not-squared', '3.1', {
        'var = width * weight_std**2 * input_std**2':
            'var = width * weight_std**2 * input_std',
    }, ''),
    Scenario('gaussian-variance-passed-as-scale', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = rng.normal(0.0, std**2, size=(fan_in, fan_out))',
    }, ''),
    Scenario('uniform-draws-from-global-numpy-random', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = np.random.uniform(-bound, bound, size=(fan_in, fan_out))',
    }, ''),
    Scenario('xavier-normal-fans-multiplied', '3.3', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in * fan_out)), rng)',
    }, ''),
    Scenario('xavier-uniform-bound-used-as-gaussian-std', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)',
    }, ''),
    Scenario('he-fan-out-instead-of-fan-in', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_out), rng)',
    }, ''),
    Scenario('orthogonal-qr-of-uniform-draw', '3.5', {
        'q, r = np.linalg.qr(rng.normal(size=(big, small)))':
            'q, r = np.linalg.qr(rng.uniform(-1.0, 1.0, size=(big, small)))',
    }, ''),
    Scenario('stats-dead-relu-fraction-of-entries', '3.6', {
        'np.mean(np.all(h <= 0, axis=0))':
            'np.mean(h <= 0)',
    }, ''),
    Scenario('stats-grad-norm-misses-output-layer', '3.6', {
        'for i in range(1, len(hs) + 1)])':
            'for i in range(1, len(hs))])',
    }, ''),
]

VARIANTS = [
    Scenario('predicted-closed-form-powers', '3.1', {
        '    var = width * weight_std**2 * input_std**2\n'
        '    stds = []\n'
        '    for _ in range(depth):\n'
        '        stds.append(np.sqrt(var))\n'
        '        var = var * width * weight_std**2 * gain2\n':
            '    first = width * weight_std**2 * input_std**2\n'
            '    ratio = width * weight_std**2 * gain2\n'
            '    stds = list(np.sqrt(first * ratio ** np.arange(depth)))\n',
    }, ''),
    Scenario('he-scaled-standard-normal', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = np.sqrt(2.0 / fan_in) * rng.standard_normal((fan_in, fan_out))',
    }, ''),
]
