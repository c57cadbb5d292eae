"""Tenth held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-input-variance-every-layer', '3.1', {
        'var = var * width * weight_std**2 * gain2':
            'var = var * width * weight_std**2 * gain2 * input_std**2',
    }, ''),
    Scenario('gaussian-one-row-tiled', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = np.tile(rng.normal(0.0, std, size=fan_out), (fan_in, 1))',
    }, ''),
    Scenario('uniform-difference-of-two-draws', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = (rng.uniform(0, bound, size=(fan_in, fan_out))\n'
            '         - rng.uniform(0, bound, size=(fan_in, fan_out)))',
    }, ''),
    Scenario('xavier-normal-fan-out-only', '3.3', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(1.0 / fan_out), rng)',
    }, ''),
    Scenario('xavier-uniform-bound-from-sixth-variance', '3.3', {
        'np.sqrt(6.0 / (fan_in + fan_out))':
            'np.sqrt(12.0 / (fan_in + fan_out))',
    }, ''),
    Scenario('he-fan-in-not-rooted', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0) / fan_in, rng)',
    }, ''),
    Scenario('orthogonal-root-of-gain', '3.5', {
        'W = gain * (q if fan_in >= fan_out else q.T)':
            'W = np.sqrt(gain) * (q if fan_in >= fan_out else q.T)',
    }, ''),
    Scenario('orthogonal-sign-fix-as-absolute-value', '3.5', {
        'q = q * np.sign(np.diag(r))':
            'q = np.abs(q)',
    }, ''),
    Scenario('stats-grad-norm-of-weights', '3.6', {
        'np.linalg.norm(grads[f"W{i}"])':
            'np.linalg.norm(params[f"W{i}"])',
    }, ''),
    Scenario('stats-std-of-first-layer-repeated', '3.6', {
        'std = np.array([h.std() for h in hidden])':
            'std = np.array([hidden[0].std() for h in hidden])',
    }, ''),
]

VARIANTS = [
    Scenario('orthogonal-square-qr-then-slice', '3.5', {
        '    q, r = np.linalg.qr(rng.normal(size=(big, small)))\n'
        '    q = q * np.sign(np.diag(r))\n':
            '    q, r = np.linalg.qr(rng.normal(size=(big, big)))\n'
            '    q = (q * np.sign(np.diag(r)))[:, :small]\n',
    }, ''),
    Scenario('stats-std-as-root-of-variance', '3.6', {
        'std = np.array([h.std() for h in hidden])':
            'std = np.array([np.sqrt(h.var()) for h in hidden])',
    }, ''),
]
