"""Twelfth held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-first-layer-drops-width', '3.1', {
        'var = width * weight_std**2 * input_std**2':
            'var = weight_std**2 * input_std**2',
    }, ''),
    Scenario('gaussian-flat-vector', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = rng.normal(0.0, std, size=fan_in * fan_out)',
    }, ''),
    Scenario('uniform-draws-plus-minus-bound', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = rng.choice([-bound, bound], size=(fan_in, fan_out))',
    }, ''),
    Scenario('xavier-uniform-root-three-times-variance', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'var = 2.0 / (fan_in + fan_out)\n'
            '    W = uniform_init(fan_in, fan_out, np.sqrt(3.0) * var, rng)',
    }, ''),
    Scenario('he-divided-by-root-fan-in-again', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng) / np.sqrt(fan_in)',
    }, ''),
    Scenario('orthogonal-square-draw-not-sliced', '3.5', {
        'q, r = np.linalg.qr(rng.normal(size=(big, small)))':
            'q, r = np.linalg.qr(rng.normal(size=(big, big)))',
    }, ''),
    Scenario('orthogonal-svd-left-factor-only', '3.5', {
        '    big, small = max(fan_in, fan_out), min(fan_in, fan_out)\n'
        '    q, r = np.linalg.qr(rng.normal(size=(big, small)))\n'
        '    q = q * np.sign(np.diag(r))\n'
        '    W = gain * (q if fan_in >= fan_out else q.T)':
            '    u, _, _ = np.linalg.svd(rng.normal(size=(fan_in, fan_out)), full_matrices=False)\n'
            '    W = gain * u',
    }, ''),
    Scenario('stats-grad-norm-over-all-gradients', '3.6', {
        'grad_norm = np.array([np.linalg.norm(grads[f"W{i}"]) for i in range(1, len(hs) + 1)])':
            'grad_norm = np.array([np.linalg.norm(g) for g in grads.values()])',
    }, ''),
    Scenario('stats-tanh-frozen-from-preactivations', '3.6', {
        '    _, hs = forward_record(params, x, activation)':
            '    ys, hs = forward_record(params, x, activation)',
        'frozen = np.array([np.mean(np.abs(h) > 0.99) for h in hidden])':
            'frozen = np.array([np.mean(np.abs(v) > 0.99) for v in ys[:-1]])',
    }, ''),
    Scenario('stats-tanh-frozen-only-at-exactly-one', '3.6', {
        'np.mean(np.abs(h) > 0.99)':
            'np.mean(np.abs(h) == 1.0)',
    }, ''),
]

VARIANTS = [
    Scenario('uniform-drawn-transposed', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = rng.uniform(-bound, bound, size=(fan_out, fan_in)).T',
    }, ''),
    Scenario('stats-tanh-frozen-by-count', '3.6', {
        'np.mean(np.abs(h) > 0.99)':
            'np.count_nonzero(np.abs(h) > 0.99) / h.size',
    }, ''),
]
