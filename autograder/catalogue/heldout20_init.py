"""Twentieth held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-relu-half-from-first-layer', '3.1', {
        'var = width * weight_std**2 * input_std**2':
            'var = width * weight_std**2 * input_std**2 * gain2',
    }, ''),
    Scenario('gaussian-fresh-unseeded-generator', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'rng = np.random.default_rng()\n'
            '    W = rng.normal(0.0, std, size=(fan_in, fan_out))',
    }, ''),
    Scenario('uniform-bound-scaled-to-its-variance', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'a = np.sqrt(3.0) * bound\n'
            '    W = rng.uniform(-a, a, size=(fan_in, fan_out))',
    }, ''),
    Scenario('xavier-normal-draws-uniform', '3.3', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)':
            'W = uniform_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)',
    }, ''),
    Scenario('xavier-uniform-bound-missing-factor-two', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'W = uniform_init(fan_in, fan_out, np.sqrt(3.0 / (fan_in + fan_out)), rng)',
    }, ''),
    Scenario('he-variance-passed-as-std', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = gaussian_init(fan_in, fan_out, 2.0 / fan_in, rng)',
    }, ''),
    Scenario('orthogonal-columns-times-r-diagonal', '3.5', {
        'q = q * np.sign(np.diag(r))':
            'q = q * np.diag(r)',
    }, ''),
    Scenario('stats-dead-relu-on-any-example', '3.6', {
        'np.mean(np.all(h <= 0, axis=0))':
            'np.mean(np.any(h <= 0, axis=0))',
    }, ''),
    Scenario('stats-std-of-preactivations', '3.6', {
        '    _, hs = forward_record(params, x, activation)\n'
        '    hidden = hs[:-1]\n'
        '    std = np.array([h.std() for h in hidden])':
            '    ys, hs = forward_record(params, x, activation)\n'
            '    hidden = hs[:-1]\n'
            '    std = np.array([v.std() for v in ys[:-1]])',
    }, ''),
    Scenario('stats-gradients-with-default-activation', '3.6', {
        '    scores, caches = mlp_forward(params, x, activation)\n'
        '    _, dscores = softmax_cross_entropy(scores, y)\n'
        '    grads = mlp_backward(dscores, caches, activation)':
            '    scores, caches = mlp_forward(params, x)\n'
            '    _, dscores = softmax_cross_entropy(scores, y)\n'
            '    grads = mlp_backward(dscores, caches)',
    }, ''),
]

VARIANTS = [
    Scenario('predicted-cumulative-product', '3.1', {
        '    var = width * weight_std**2 * input_std**2\n'
        '    stds = []\n'
        '    for _ in range(depth):\n'
        '        stds.append(np.sqrt(var))\n'
        '        var = var * width * weight_std**2 * gain2\n':
            '    factors = np.full(depth, width * weight_std**2 * gain2)\n'
            '    if depth > 0:\n'
            '        factors[0] = width * weight_std**2 * input_std**2\n'
            '    stds = np.sqrt(np.cumprod(factors))\n',
    }, ''),
    Scenario('stats-dead-relu-by-column-max', '3.6', {
        'np.mean(np.all(h <= 0, axis=0))':
            'np.mean(h.max(axis=0) <= 0)',
    }, ''),
]
