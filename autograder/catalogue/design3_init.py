"""Third batch of module 03_init (issue 14): the design half, 7 of 14 mistakes,
and 2 new correct-but-different variants.

14 new mistakes were written blind (without reading the feedback code, the
catalogue's hints or any check's output on them), kept in the order written,
shuffled with random.Random(2611).shuffle (a new Random per module) and split:
positions 0, 2, 4, ... are held out (heldout3_init.py), positions 1, 3, 5, ...
are the design half (design3_init.py). Hints are empty until measured.
VARIANTS are correct code written differently; they are not split.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('he-lecun-variance', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(1.0 / fan_in), rng)',
    }, ''),
    Scenario('predicted-recurrence-drops-width', '3.1', {
        'var = var * width * weight_std**2 * gain2':
            'var = var * weight_std**2 * gain2',
    }, ''),
    Scenario('stats-gradients-always-relu', '3.6', {
        '    scores, caches = mlp_forward(params, x, activation)\n'
        '    _, dscores = softmax_cross_entropy(scores, y)\n'
        '    grads = mlp_backward(dscores, caches, activation)':
            '    scores, caches = mlp_forward(params, x, "relu")\n'
            '    _, dscores = softmax_cross_entropy(scores, y)\n'
            '    grads = mlp_backward(dscores, caches, "relu")',
    }, ''),
    Scenario('stats-grad-norm-skips-output-layer', '3.6', {
        'for i in range(1, len(hs) + 1)])':
            'for i in range(1, len(hs))])',
    }, ''),
    Scenario('predicted-half-gain-for-tanh', '3.1', {
        'gain2 = 0.5 if activation == "relu" else 1.0':
            'gain2 = 0.5 if activation != "linear" else 1.0',
    }, ''),
    Scenario('stats-dead-if-any-example-off', '3.6', {
        'np.mean(np.all(h <= 0, axis=0))':
            'np.mean(np.any(h <= 0, axis=0))',
    }, ''),
    Scenario('xavier-uniform-draws-gaussian', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)',
    }, ''),
]

VARIANTS = [
    Scenario('predicted-gain-table', '3.1', {
        'gain2 = 0.5 if activation == "relu" else 1.0':
            'gain2 = {"linear": 1.0, "tanh": 1.0, "relu": 0.5}[activation]',
    }, ''),
    Scenario('xavier-uniform-bound-from-std', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'std = np.sqrt(2.0 / (fan_in + fan_out))\n'
            '    W = uniform_init(fan_in, fan_out, np.sqrt(3.0) * std, rng)',
    }, ''),
]
