"""Fifth held-out batch of module 03_init (issue 14): 7 mistakes and 1 variant.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-gain-squared', '3.1', {
        'var = var * width * weight_std**2 * gain2':
            'var = var * width * weight_std**2 * gain2**2',
    }, ''),
    Scenario('predicted-one-layer-short', '3.1', {
        '    for _ in range(depth):\n        stds.append(np.sqrt(var))':
            '    for _ in range(depth - 1):\n        stds.append(np.sqrt(var))',
    }, ''),
    Scenario('gaussian-std-passed-as-mean', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = rng.normal(std, size=(fan_in, fan_out))',
    }, ''),
    Scenario('xavier-normal-missing-brackets', '3.3', {
        'np.sqrt(2.0 / (fan_in + fan_out))':
            'np.sqrt(2.0 / fan_in + fan_out)',
    }, ''),
    Scenario('orthogonal-qr-of-uniform-matrix', '3.5', {
        'np.linalg.qr(rng.normal(size=(big, small)))':
            'np.linalg.qr(rng.uniform(size=(big, small)))',
    }, ''),
    Scenario('stats-tanh-saturation-positive-only', '3.6', {
        'np.mean(np.abs(h) > 0.99)':
            'np.mean(h > 0.99)',
    }, ''),
    Scenario('stats-grad-max-entry', '3.6', {
        'np.linalg.norm(grads[f"W{i}"])':
            'np.abs(grads[f"W{i}"]).max()',
    }, ''),
]

VARIANTS = [
    Scenario('xavier-normal-reciprocal-sqrt', '3.3', {
        'np.sqrt(2.0 / (fan_in + fan_out))':
            '1.0 / np.sqrt((fan_in + fan_out) / 2.0)',
    }, ''),
]
