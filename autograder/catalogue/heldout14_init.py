"""Fourteenth held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-relu-gain-one-over-root-two', '3.1', {
        'gain2 = 0.5 if activation == "relu" else 1.0':
            'gain2 = 1 / np.sqrt(2) if activation == "relu" else 1.0',
    }, ''),
    Scenario('predicted-tanh-squashes-the-std', '3.1', {
        '        stds.append(np.sqrt(var))\n'
        '        var = var * width * weight_std**2 * gain2\n':
            '        stds.append(np.sqrt(var))\n'
            '        if activation == "tanh":\n'
            '            var = np.tanh(np.sqrt(var)) ** 2\n'
            '        var = var * width * weight_std**2 * gain2\n',
    }, ''),
    Scenario('gaussian-rescaled-to-exact-sample-std', '3.2', {
        '    W = rng.normal(0.0, std, size=(fan_in, fan_out))\n':
            '    W = rng.normal(0.0, std, size=(fan_in, fan_out))\n'
            '    W = W / W.std() * std\n',
    }, ''),
    Scenario('uniform-draw-times-bound-again', '3.2', {
        '    W = rng.uniform(-bound, bound, size=(fan_in, fan_out))\n':
            '    W = bound * rng.uniform(-bound, bound, size=(fan_in, fan_out))\n',
    }, ''),
    Scenario('xavier-normal-power-half-precedence', '3.3', {
        '    W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)\n':
            '    std = (2 / (fan_in + fan_out)) ** 1/2\n'
            '    W = gaussian_init(fan_in, fan_out, std, rng)\n',
    }, ''),
    Scenario('xavier-uniform-bound-from-width-variance-formula', '3.3', {
        '    W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)\n':
            '    var = 2.0 / (fan_in + fan_out)\n'
            '    W = uniform_init(fan_in, fan_out, np.sqrt(12 * var), rng)\n',
    }, ''),
    Scenario('he-std-and-rng-arguments-swapped', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = gaussian_init(fan_in, fan_out, rng, np.sqrt(2.0 / fan_in))',
    }, ''),
    Scenario('orthogonal-gain-applied-before-qr', '3.5', {
        '    q, r = np.linalg.qr(rng.normal(size=(big, small)))\n'
        '    q = q * np.sign(np.diag(r))\n'
        '    W = gain * (q if fan_in >= fan_out else q.T)\n':
            '    q, r = np.linalg.qr(gain * rng.normal(size=(big, small)))\n'
            '    q = q * np.sign(np.diag(r))\n'
            '    W = q if fan_in >= fan_out else q.T\n',
    }, ''),
    Scenario('stats-dead-units-over-example-count', '3.6', {
        'frozen = np.array([np.mean(np.all(h <= 0, axis=0)) for h in hidden])':
            'frozen = np.array([np.all(h <= 0, axis=0).sum() / h.shape[0] for h in hidden])',
    }, ''),
    Scenario('stats-std-per-unit-not-per-layer', '3.6', {
        'std = np.array([h.std() for h in hidden])':
            'std = np.array([h.std(axis=0) for h in hidden])',
    }, ''),
]

VARIANTS = [
    Scenario('uniform-filled-column-by-column', '3.2', {
        '    W = rng.uniform(-bound, bound, size=(fan_in, fan_out))\n':
            '    W = np.empty((fan_in, fan_out))\n'
            '    for j in range(fan_out):\n'
            '        W[:, j] = rng.uniform(-bound, bound, size=fan_in)\n',
    }, ''),
    Scenario('xavier-normal-from-he-rescaled', '3.3', {
        '    W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)\n':
            '    W = he_init(fan_in, fan_out, rng) * np.sqrt(fan_in / (fan_in + fan_out))\n',
    }, ''),
]
