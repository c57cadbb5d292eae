"""Fifteenth held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-stds-built-in-reverse', '3.1', {
        'stds.append(np.sqrt(var))':
            'stds.insert(0, np.sqrt(var))',
    }, ''),
    Scenario('uniform-high-limit-left-at-default', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = rng.uniform(low=-bound, size=(fan_in, fan_out))',
    }, ''),
    Scenario('gaussian-half-normal', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = np.abs(rng.normal(0.0, std, size=(fan_in, fan_out)))',
    }, ''),
    Scenario('xavier-normal-larger-fan', '3.3', {
        'np.sqrt(2.0 / (fan_in + fan_out))':
            'np.sqrt(2.0 / max(fan_in, fan_out))',
    }, ''),
    Scenario('he-fixed-seed-not-rng', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), np.random.default_rng(0))',
    }, ''),
    Scenario('orthogonal-also-divided-by-root-fan-in', '3.5', {
        'W = gain * (q if fan_in >= fan_out else q.T)':
            'W = gain * (q if fan_in >= fan_out else q.T) / np.sqrt(fan_in)',
    }, ''),
    Scenario('orthogonal-reshaped-not-transposed', '3.5', {
        'W = gain * (q if fan_in >= fan_out else q.T)':
            'W = gain * q.reshape(fan_in, fan_out)',
    }, ''),
    Scenario('stats-std-as-mean-absolute-activation', '3.6', {
        'std = np.array([h.std() for h in hidden])':
            'std = np.array([np.abs(h).mean() for h in hidden])',
    }, ''),
    Scenario('stats-grad-norm-relative-to-weights', '3.6', {
        'np.linalg.norm(grads[f"W{i}"])':
            'np.linalg.norm(grads[f"W{i}"]) / np.linalg.norm(params[f"W{i}"])',
    }, ''),
    Scenario('stats-record-always-relu', '3.6', {
        '_, hs = forward_record(params, x, activation)':
            '_, hs = forward_record(params, x, "relu")',
    }, ''),
]

VARIANTS = [
    Scenario('orthogonal-draw-in-transposed-layout', '3.5', {
        'q, r = np.linalg.qr(rng.normal(size=(big, small)))':
            'q, r = np.linalg.qr(rng.standard_normal((small, big)).T)',
    }, ''),
    Scenario('xavier-normal-drawn-transposed', '3.3', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)':
            'W = gaussian_init(fan_out, fan_in, np.sqrt(2.0 / (fan_in + fan_out)), rng).T',
    }, ''),
]
