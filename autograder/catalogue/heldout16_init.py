"""Sixteenth held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-activation-name-capitalised', '3.1', {
        'gain2 = 0.5 if activation == "relu" else 1.0':
            'gain2 = 0.5 if activation == "ReLU" else 1.0',
    }, ''),
    Scenario('predicted-relu-gain-from-output-variance', '3.1', {
        'gain2 = 0.5 if activation == "relu" else 1.0':
            'gain2 = 0.5 - 1 / (2 * np.pi) if activation == "relu" else 1.0',
    }, ''),
    Scenario('gaussian-shape-passed-first', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = rng.normal((fan_in, fan_out), std)',
    }, ''),
    Scenario('uniform-rows-filled-from-one', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = np.zeros((fan_in, fan_out))\n'
            '    for i in range(1, fan_in):\n'
            '        W[i] = rng.uniform(-bound, bound, size=fan_out)',
    }, ''),
    Scenario('xavier-normal-smaller-fan', '3.3', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / min(fan_in, fan_out)), rng)',
    }, ''),
    Scenario('xavier-uniform-missing-brackets', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / fan_in + fan_out), rng)',
    }, ''),
    Scenario('he-normal-std-from-uniform-six', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(6.0 / fan_in), rng)',
    }, ''),
    Scenario('orthogonal-square-qr-rows-sliced', '3.5', {
        '    q, r = np.linalg.qr(rng.normal(size=(big, small)))\n'
        '    q = q * np.sign(np.diag(r))':
            '    q, r = np.linalg.qr(rng.normal(size=(big, big)))\n'
            '    q = (q * np.sign(np.diag(r)))[:small]',
    }, ''),
    Scenario('stats-tanh-frozen-per-unit-array', '3.6', {
        'frozen = np.array([np.mean(np.abs(h) > 0.99) for h in hidden])':
            'frozen = np.array([np.mean(np.abs(h) > 0.99, axis=0) for h in hidden])',
    }, ''),
    Scenario('stats-grad-norm-root-of-plain-sum', '3.6', {
        'np.linalg.norm(grads[f"W{i}"])':
            'np.sqrt(np.sum(grads[f"W{i}"]))',
    }, ''),
]

VARIANTS = [
    Scenario('gaussian-by-multivariate-normal', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = rng.multivariate_normal(np.zeros(fan_out), std**2 * np.eye(fan_out), size=fan_in)',
    }, ''),
    Scenario('he-from-xavier-rescaled', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = xavier_normal(fan_in, fan_out, rng) * np.sqrt((fan_in + fan_out) / fan_in)',
    }, ''),
]
