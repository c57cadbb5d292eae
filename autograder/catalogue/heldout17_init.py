"""Seventeenth held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-loop-variable-shadows-width', '3.1', {
        '    var = width * weight_std**2 * input_std**2\n'
        '    stds = []\n'
        '    for _ in range(depth):\n'
        '        stds.append(np.sqrt(var))\n'
        '        var = var * width * weight_std**2 * gain2':
            '    n = width\n'
            '    var = n * weight_std**2 * input_std**2\n'
            '    stds = []\n'
            '    for n in range(depth):\n'
            '        stds.append(np.sqrt(var))\n'
            '        var = var * n * weight_std**2 * gain2',
    }, ''),
    Scenario('predicted-root-by-power-precedence', '3.1', {
        'stds.append(np.sqrt(var))':
            'stds.append(var ** 1/2)',
    }, ''),
    Scenario('gaussian-std-divided-by-root-three', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = rng.normal(0.0, std / np.sqrt(3), size=(fan_in, fan_out))',
    }, ''),
    Scenario('xavier-normal-geometric-mean-of-fans', '3.3', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(1.0 / np.sqrt(fan_in * fan_out)), rng)',
    }, ''),
    Scenario('he-fan-in-rooted-twice', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / np.sqrt(fan_in)), rng)',
    }, ''),
    Scenario('he-std-passed-to-uniform-as-bound', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = uniform_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)',
    }, ''),
    Scenario('orthogonal-gram-schmidt-without-normalising', '3.5', {
        '    q, r = np.linalg.qr(rng.normal(size=(big, small)))\n'
        '    q = q * np.sign(np.diag(r))\n':
            '    a = rng.normal(size=(big, small))\n'
            '    q = np.empty((big, small))\n'
            '    for j in range(small):\n'
            '        v = a[:, j].copy()\n'
            '        for k in range(j):\n'
            '            v -= (q[:, k] @ v) / (q[:, k] @ q[:, k]) * q[:, k]\n'
            '        q[:, j] = v\n',
    }, ''),
    Scenario('orthogonal-sign-fix-broadcast-over-rows', '3.5', {
        'q = q * np.sign(np.diag(r))':
            'q = q * np.sign(np.diag(r))[:, None]',
    }, ''),
    Scenario('stats-own-softmax-gradient-not-averaged', '3.6', {
        '    _, dscores = softmax_cross_entropy(scores, y)\n':
            '    p = np.exp(scores - scores.max(axis=1, keepdims=True))\n'
            '    p /= p.sum(axis=1, keepdims=True)\n'
            '    p[np.arange(len(y)), y] -= 1\n'
            '    dscores = p\n',
    }, ''),
    Scenario('stats-grad-norm-includes-bias', '3.6', {
        'np.linalg.norm(grads[f"W{i}"])':
            'np.sqrt(np.sum(grads[f"W{i}"] ** 2) + np.sum(grads[f"b{i}"] ** 2))',
    }, ''),
]

VARIANTS = [
    Scenario('predicted-std-input-scale-applied-last', '3.1', {
        '    var = width * weight_std**2 * input_std**2\n'
        '    stds = []\n'
        '    for _ in range(depth):\n'
        '        stds.append(np.sqrt(var))':
            '    var = width * weight_std**2\n'
            '    stds = []\n'
            '    for _ in range(depth):\n'
            '        stds.append(input_std * np.sqrt(var))',
    }, ''),
    Scenario('orthogonal-by-modified-gram-schmidt', '3.5', {
        '    q, r = np.linalg.qr(rng.normal(size=(big, small)))\n'
        '    q = q * np.sign(np.diag(r))\n':
            '    a = rng.normal(size=(big, small))\n'
            '    q = np.empty((big, small))\n'
            '    for j in range(small):\n'
            '        v = a[:, j].copy()\n'
            '        for k in range(j):\n'
            '            v -= (q[:, k] @ v) * q[:, k]\n'
            '        q[:, j] = v / np.linalg.norm(v)\n',
    }, ''),
]
