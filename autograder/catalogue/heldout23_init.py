"""Twenty-third held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-first-entry-before-loop', '3.1', {
        '    stds = []\n'
        '    for _ in range(depth):\n'
        '        stds.append(np.sqrt(var))\n'
        '        var = var * width * weight_std**2 * gain2':
            '    stds = [np.sqrt(var)]\n'
            '    for _ in range(depth - 1):\n'
            '        var = var * width * weight_std**2 * gain2\n'
            '        stds.append(np.sqrt(var))',
    }, ''),
    Scenario('predicted-recursion-copies-input-std', '3.1', {
        'var = var * width * weight_std**2 * gain2':
            'var = var * width * input_std**2 * gain2',
    }, ''),
    Scenario('gaussian-draws-from-copy-of-generator', '3.2', {
        '    W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            '    import copy\n'
            '    W = copy.deepcopy(rng).normal(0.0, std, size=(fan_in, fan_out))',
    }, ''),
    Scenario('xavier-uniform-copies-normal-line', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)',
    }, ''),
    Scenario('he-shifted-positive-against-dead-units', '3.4', {
        'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            'W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng) + 0.01',
    }, ''),
    Scenario('orthogonal-identity-matrix', '3.5', {
        '    big, small = max(fan_in, fan_out), min(fan_in, fan_out)\n'
        '    q, r = np.linalg.qr(rng.normal(size=(big, small)))\n'
        '    q = q * np.sign(np.diag(r))\n'
        '    W = gain * (q if fan_in >= fan_out else q.T)':
            '    W = gain * np.eye(fan_in, fan_out)',
    }, ''),
    Scenario('orthogonal-default-gain-root-two', '3.5', {
        'def orthogonal_init(fan_in, fan_out, rng, gain=1.0):':
            'def orthogonal_init(fan_in, fan_out, rng, gain=np.sqrt(2.0)):',
    }, ''),
    Scenario('stats-stds-hstacked', '3.6', {
        'std = np.array([h.std() for h in hidden])':
            'std = np.hstack([h.std() for h in hidden])',
    }, ''),
    Scenario('stats-grad-norm-of-bias', '3.6', {
        'np.linalg.norm(grads[f"W{i}"])':
            'np.linalg.norm(grads[f"b{i}"])',
    }, ''),
    Scenario('stats-grad-norms-in-sorted-key-order', '3.6', {
        'grad_norm = np.array([np.linalg.norm(grads[f"W{i}"]) for i in range(1, len(hs) + 1)])':
            'grad_norm = np.array([np.linalg.norm(grads[k]) for k in sorted(grads)\n'
            '                          if k.startswith("W")])',
    }, ''),
]

VARIANTS = [
    Scenario('xavier-uniform-rescaled-standard-uniform', '3.3', {
        'W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            'W = standard_uniform(fan_in, fan_out, rng) * np.sqrt(6.0 * fan_in / (fan_in + fan_out))',
    }, ''),
    Scenario('orthogonal-sign-fix-by-copysign', '3.5', {
        'q = q * np.sign(np.diag(r))':
            'q = q * np.copysign(1.0, np.diag(r))',
    }, ''),
]
