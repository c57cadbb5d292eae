"""Fourth held-out batch of module 03_init (issue 14): 7 mistakes and 1 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-std-starts-at-input', '3.1', {
        '    stds = []\n'
        '    for _ in range(depth):':
            '    stds = [input_std]\n'
            '    for _ in range(depth - 1):',
    }, ''),
    Scenario('gaussian-std-read-as-variance', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = rng.normal(0.0, np.sqrt(std), size=(fan_in, fan_out))',
    }, ''),
    Scenario('uniform-draws-normal', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = rng.normal(0.0, bound, size=(fan_in, fan_out))',
    }, ''),
    Scenario('xavier-uniform-three-over-fan-sum', '3.3', {
        'np.sqrt(6.0 / (fan_in + fan_out))':
            'np.sqrt(3.0 / (fan_in + fan_out))',
    }, ''),
    Scenario('he-std-two-over-root-fan-in', '3.4', {
        'np.sqrt(2.0 / fan_in), rng)':
            '2.0 / np.sqrt(fan_in), rng)',
    }, ''),
    Scenario('orthogonal-gain-only-when-tall', '3.5', {
        'W = gain * (q if fan_in >= fan_out else q.T)':
            'W = gain * q if fan_in >= fan_out else q.T',
    }, ''),
    Scenario('stats-dead-relu-strictly-negative', '3.6', {
        'np.mean(np.all(h <= 0, axis=0))':
            'np.mean(np.all(h < 0, axis=0))',
    }, ''),
]

VARIANTS = [
    Scenario('stats-dead-units-as-not-any-active', '3.6', {
        'np.mean(np.all(h <= 0, axis=0))':
            '1.0 - np.mean(np.any(h > 0, axis=0))',
    }, ''),
]
