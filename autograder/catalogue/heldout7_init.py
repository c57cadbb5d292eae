"""Seventh held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-std-times-variance-factor', '3.1', {
        '    var = width * weight_std**2 * input_std**2\n'
        '    stds = []\n'
        '    for _ in range(depth):\n'
        '        stds.append(np.sqrt(var))\n'
        '        var = var * width * weight_std**2 * gain2':
            '    std = np.sqrt(width) * weight_std * input_std\n'
            '    stds = []\n'
            '    for _ in range(depth):\n'
            '        stds.append(std)\n'
            '        std = std * width * weight_std**2 * gain2',
    }, ''),
    Scenario('gaussian-std-divided-by-root-fan-in', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = rng.normal(0.0, std / np.sqrt(fan_in), size=(fan_in, fan_out))',
    }, ''),
    Scenario('uniform-from-random-missing-two', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = bound * rng.random((fan_in, fan_out)) - bound',
    }, ''),
    Scenario('xavier-normal-mean-of-reciprocal-fans', '3.3', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt((1.0 / fan_in + 1.0 / fan_out) / 2), rng)',
    }, ''),
    Scenario('xavier-uniform-bound-three-times-std', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'W = uniform_init(fan_in, fan_out, 3 * np.sqrt(2.0 / (fan_in + fan_out)), rng)',
    }, ''),
    Scenario('he-relu-half-in-variance', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(0.5 / fan_in), rng)',
    }, ''),
    Scenario('orthogonal-qr-of-fan-shaped-matrix', '3.5', {
        'q, r = np.linalg.qr(rng.normal(size=(big, small)))':
            'q, r = np.linalg.qr(rng.normal(size=(fan_in, fan_out)))',
    }, ''),
    Scenario('stats-dead-units-counted-not-fraction', '3.6', {
        'np.mean(np.all(h <= 0, axis=0))':
            'np.sum(np.all(h <= 0, axis=0))',
    }, ''),
    Scenario('stats-grad-norms-top-down', '3.6', {
        'for i in range(1, len(hs) + 1)])':
            'for i in range(len(hs), 0, -1)])',
    }, ''),
    Scenario('stats-relu-branch-not-elif', '3.6', {
        '    elif activation == "relu":':
            '    if activation == "relu":',
    }, ''),
]

VARIANTS = [
    Scenario('stats-dead-relu-from-preactivations', '3.6', {
        '    _, hs = forward_record(params, x, activation)':
            '    ys, hs = forward_record(params, x, activation)',
        'np.mean(np.all(h <= 0, axis=0)) for h in hidden':
            'np.mean(np.all(v <= 0, axis=0)) for v in ys[:-1]',
    }, ''),
    Scenario('orthogonal-draw-in-fan-shape', '3.5', {
        '    big, small = max(fan_in, fan_out), min(fan_in, fan_out)\n'
        '    q, r = np.linalg.qr(rng.normal(size=(big, small)))\n'
        '    q = q * np.sign(np.diag(r))\n'
        '    W = gain * (q if fan_in >= fan_out else q.T)':
            '    a = rng.normal(size=(fan_in, fan_out))\n'
            '    wide = fan_in < fan_out\n'
            '    q, r = np.linalg.qr(a.T if wide else a)\n'
            '    q = q * np.sign(np.diag(r))\n'
            '    W = gain * (q.T if wide else q)',
    }, ''),
]
