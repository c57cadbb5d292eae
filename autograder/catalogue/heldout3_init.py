"""Third held-out batch of module 03_init (issue 14), 7 of 14 mistakes.

14 new mistakes were written blind (without reading the feedback code, the
catalogue's hints or any check's output on them), kept in the order written,
shuffled with random.Random(2611).shuffle (a new Random per module) and split:
positions 0, 2, 4, ... are held out (heldout3_init.py), positions 1, 3, 5, ...
are the design half (design3_init.py). Hints are empty until measured.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('gaussian-clipped-at-two-std', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = np.clip(rng.normal(0.0, std, size=(fan_in, fan_out)), -2 * std, 2 * std)',
    }, ''),
    Scenario('predicted-ignores-input-std', '3.1', {
        'var = width * weight_std**2 * input_std**2':
            'var = width * weight_std**2',
    }, ''),
    Scenario('he-uniform-not-normal', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / fan_in), rng)',
    }, ''),
    Scenario('stats-tanh-saturated-units-not-entries', '3.6', {
        'frozen = np.array([np.mean(np.abs(h) > 0.99) for h in hidden])':
            'frozen = np.array([np.mean(np.all(np.abs(h) > 0.99, axis=0)) for h in hidden])',
    }, ''),
    Scenario('xavier-normal-two-over-average-fan', '3.3', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)':
            'fan_avg = (fan_in + fan_out) / 2\n'
            '    W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_avg), rng)',
    }, ''),
    Scenario('orthogonal-global-rng', '3.5', {
        'q, r = np.linalg.qr(rng.normal(size=(big, small)))':
            'q, r = np.linalg.qr(np.random.normal(size=(big, small)))',
    }, ''),
    Scenario('uniform-bound-read-as-std', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = rng.uniform(-np.sqrt(3) * bound, np.sqrt(3) * bound, size=(fan_in, fan_out))',
    }, ''),
]
