"""Held-out mistakes of module 03_init (issue 14): half of the new mistakes, split at random
(random.Random(1414).shuffle per module) and set aside while the diagnosers were designed;
measured before being merged into the catalogue."""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('uniform-bound-halved', '3.2', {
        'W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            'W = rng.uniform(-bound / 2, bound / 2, size=(fan_in, fan_out))',
    }, 'bound'),
    Scenario('stats-tanh-threshold-0.9', '3.6', {
        'frozen = np.array([np.mean(np.abs(h) > 0.99) for h in hidden])':
            'frozen = np.array([np.mean(np.abs(h) > 0.9) for h in hidden])',
    }, 'the threshold is 0.99'),
    Scenario('predicted-std-one-layer-late', '3.1', {
        '        stds.append(np.sqrt(var))\n'
        '        var = var * width * weight_std**2 * gain2':
            '        var = var * width * weight_std**2 * gain2\n'
            '        stds.append(np.sqrt(var))',
    }, 'shifted'),
    Scenario('orthogonal-normalised-columns-only', '3.5', {
        'q, r = np.linalg.qr(rng.normal(size=(big, small)))\n'
        '    q = q * np.sign(np.diag(r))':
            'q = rng.normal(size=(big, small))\n'
            '    q = q / np.linalg.norm(q, axis=0)',
    }, 'are not orthogonal to each other'),
]
