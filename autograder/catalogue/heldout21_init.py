"""Twenty-first held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-ignores-input-std', '3.1', {
        'var = width * weight_std**2 * input_std**2':
            'var = width * weight_std**2',
    }, ''),
    Scenario('gaussian-clipped-at-two-std', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = np.clip(rng.normal(0.0, std, size=(fan_in, fan_out)), -2 * std, 2 * std)',
    }, ''),
    Scenario('uniform-bound-read-as-interval-width', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = rng.uniform(-bound / 2, bound / 2, size=(fan_in, fan_out))',
    }, ''),
    Scenario('xavier-normal-variance-passed-as-std', '3.3', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)':
            'W = gaussian_init(fan_in, fan_out, 2.0 / (fan_in + fan_out), rng)',
    }, ''),
    Scenario('xavier-uniform-std-used-as-bound', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'W = uniform_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)',
    }, ''),
    Scenario('he-uniform-with-matching-variance', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / fan_in), rng)',
    }, ''),
    Scenario('orthogonal-complete-qr', '3.5', {
        'q, r = np.linalg.qr(rng.normal(size=(big, small)))':
            'q, r = np.linalg.qr(rng.normal(size=(big, small)), mode="complete")',
    }, ''),
    Scenario('orthogonal-gain-squared', '3.5', {
        'W = gain * (q if fan_in >= fan_out else q.T)':
            'W = gain**2 * (q if fan_in >= fan_out else q.T)',
    }, ''),
    Scenario('stats-tanh-frozen-units-saturated-on-every-example', '3.6', {
        'frozen = np.array([np.mean(np.abs(h) > 0.99) for h in hidden])':
            'frozen = np.array([np.mean(np.all(np.abs(h) > 0.99, axis=0)) for h in hidden])',
    }, ''),
    Scenario('stats-hidden-layers-sliced-from-second', '3.6', {
        'hidden = hs[:-1]':
            'hidden = hs[1:]',
    }, ''),
]

VARIANTS = [
    Scenario('gaussian-std-times-standard-normal', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = std * rng.standard_normal((fan_in, fan_out))',
    }, ''),
    Scenario('xavier-uniform-bound-from-normal-std', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'std = np.sqrt(2.0 / (fan_in + fan_out))\n'
            '    W = uniform_init(fan_in, fan_out, np.sqrt(3.0) * std, rng)',
    }, ''),
]
