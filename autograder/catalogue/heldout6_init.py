"""Sixth held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-variance-restarts-every-layer', '3.1', {
        '    var = width * weight_std**2 * input_std**2\n'
        '    stds = []\n'
        '    for _ in range(depth):\n':
            '    stds = []\n'
            '    for _ in range(depth):\n'
            '        var = width * weight_std**2 * input_std**2\n',
    }, ''),
    Scenario('predicted-variance-added-per-layer', '3.1', {
        'var = var * width * weight_std**2 * gain2':
            'var = var + width * weight_std**2 * gain2',
    }, ''),
    Scenario('gaussian-divides-by-std', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = rng.standard_normal((fan_in, fan_out)) / std',
    }, ''),
    Scenario('uniform-bound-passed-as-low', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = rng.uniform(bound, size=(fan_in, fan_out))',
    }, ''),
    Scenario('xavier-normal-without-the-two', '3.3', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)':
            'W = gaussian_init(fan_in, fan_out, 1.0 / np.sqrt(fan_in + fan_out), rng)',
    }, ''),
    Scenario('xavier-uniform-uses-standard-rule', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'W = uniform_init(fan_in, fan_out, 1.0 / np.sqrt(fan_in), rng)',
    }, ''),
    Scenario('he-as-xavier-times-root-two', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = np.sqrt(2.0) * xavier_normal(fan_in, fan_out, rng)',
    }, ''),
    Scenario('orthogonal-never-transposed', '3.5', {
        'W = gain * (q if fan_in >= fan_out else q.T)':
            'W = gain * q',
    }, ''),
    Scenario('stats-linear-net-counted-as-tanh', '3.6', {
        '    if activation == "tanh":\n'
        '        frozen = np.array([np.mean(np.abs(h) > 0.99) for h in hidden])\n'
        '    elif activation == "relu":\n'
        '        frozen = np.array([np.mean(np.all(h <= 0, axis=0)) for h in hidden])\n'
        '    else:\n'
        '        frozen = np.zeros(len(hidden))\n':
            '    if activation == "relu":\n'
            '        frozen = np.array([np.mean(np.all(h <= 0, axis=0)) for h in hidden])\n'
            '    else:\n'
            '        frozen = np.array([np.mean(np.abs(h) > 0.99) for h in hidden])\n',
    }, ''),
    Scenario('stats-grad-spectral-norm', '3.6', {
        'np.linalg.norm(grads[f"W{i}"])':
            'np.linalg.norm(grads[f"W{i}"], 2)',
    }, ''),
]

VARIANTS = [
    Scenario('gaussian-flat-draw-reshaped', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = rng.normal(0.0, std, size=fan_in * fan_out).reshape(fan_out, fan_in).T',
    }, ''),
    Scenario('xavier-uniform-bound-from-mean-fan', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'fan_avg = (fan_in + fan_out) / 2.0\n'
            '    W = uniform_init(fan_in, fan_out, np.sqrt(3.0 / fan_avg), rng)',
    }, ''),
]
