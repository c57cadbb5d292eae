"""Eighteenth held-out batch of module 03_init (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-std-after-the-activation', '3.1', {
        '        stds.append(np.sqrt(var))':
            '        stds.append(np.sqrt(var * gain2))',
    }, ''),
    Scenario('gaussian-lognormal-draw', '3.2', {
        'W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            'W = rng.lognormal(0.0, std, size=(fan_in, fan_out))',
    }, ''),
    Scenario('uniform-bound-read-as-variance', '3.2', {
        '    W = rng.uniform(-bound, bound, size=(fan_in, fan_out))':
            '    a = np.sqrt(bound)\n'
            '    W = rng.uniform(-a, a, size=(fan_in, fan_out))',
    }, ''),
    Scenario('xavier-normal-averages-fan-in-and-fan-out-draws', '3.3', {
        '    W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)':
            '    W_in = gaussian_init(fan_in, fan_out, np.sqrt(1.0 / fan_in), rng)\n'
            '    W_out = gaussian_init(fan_in, fan_out, np.sqrt(1.0 / fan_out), rng)\n'
            '    W = (W_in + W_out) / 2',
    }, ''),
    Scenario('xavier-uniform-clips-a-normal-draw', '3.3', {
        '    W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)':
            '    a = np.sqrt(6.0 / (fan_in + fan_out))\n'
            '    W = np.clip(xavier_normal(fan_in, fan_out, rng), -a, a)',
    }, ''),
    Scenario('he-average-fan', '3.4', {
        '    W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)':
            '    fan = (fan_in + fan_out) / 2\n'
            '    W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan), rng)',
    }, ''),
    Scenario('orthogonal-sign-fix-only-when-tall', '3.5', {
        '    big, small = max(fan_in, fan_out), min(fan_in, fan_out)\n'
        '    q, r = np.linalg.qr(rng.normal(size=(big, small)))\n'
        '    q = q * np.sign(np.diag(r))\n'
        '    W = gain * (q if fan_in >= fan_out else q.T)':
            '    if fan_in >= fan_out:\n'
            '        q, r = np.linalg.qr(rng.normal(size=(fan_in, fan_out)))\n'
            '        W = gain * q * np.sign(np.diag(r))\n'
            '    else:\n'
            '        q, r = np.linalg.qr(rng.normal(size=(fan_out, fan_in)))\n'
            '        W = gain * q.T',
    }, ''),
    Scenario('stats-no-linear-branch', '3.6', {
        '        frozen = np.array([np.mean(np.all(h <= 0, axis=0)) for h in hidden])\n'
        '    else:\n'
        '        frozen = np.zeros(len(hidden))\n':
            '        frozen = np.array([np.mean(np.all(h <= 0, axis=0)) for h in hidden])\n',
    }, ''),
    Scenario('stats-frozen-computed-after-loop', '3.6', {
        '    std = np.array([h.std() for h in hidden])\n'
        '    if activation == "tanh":\n'
        '        frozen = np.array([np.mean(np.abs(h) > 0.99) for h in hidden])\n'
        '    elif activation == "relu":\n'
        '        frozen = np.array([np.mean(np.all(h <= 0, axis=0)) for h in hidden])\n'
        '    else:\n'
        '        frozen = np.zeros(len(hidden))\n':
            '    std, frozen = [], []\n'
            '    for h in hidden:\n'
            '        std.append(h.std())\n'
            '    if activation == "tanh":\n'
            '        frozen.append(np.mean(np.abs(h) > 0.99))\n'
            '    elif activation == "relu":\n'
            '        frozen.append(np.mean(np.all(h <= 0, axis=0)))\n'
            '    else:\n'
            '        frozen.append(0.0)\n'
            '    std, frozen = np.array(std), np.array(frozen)\n',
    }, ''),
    Scenario('stats-gradient-averaged-twice', '3.6', {
        '    grads = mlp_backward(dscores, caches, activation)':
            '    grads = mlp_backward(dscores / len(y), caches, activation)',
    }, ''),
]

VARIANTS = [
    Scenario('gaussian-box-muller', '3.2', {
        '    W = rng.normal(0.0, std, size=(fan_in, fan_out))':
            '    u1 = 1.0 - rng.random((fan_in, fan_out))\n'
            '    u2 = rng.random((fan_in, fan_out))\n'
            '    W = std * np.sqrt(-2.0 * np.log(u1)) * np.cos(2.0 * np.pi * u2)',
    }, ''),
    Scenario('stats-frozen-filled-in-a-loop', '3.6', {
        '    if activation == "tanh":\n'
        '        frozen = np.array([np.mean(np.abs(h) > 0.99) for h in hidden])\n'
        '    elif activation == "relu":\n'
        '        frozen = np.array([np.mean(np.all(h <= 0, axis=0)) for h in hidden])\n'
        '    else:\n'
        '        frozen = np.zeros(len(hidden))\n':
            '    frozen = np.zeros(len(hidden))\n'
            '    for k, h in enumerate(hidden):\n'
            '        if activation == "tanh":\n'
            '            frozen[k] = np.mean(np.abs(h) > 0.99)\n'
            '        elif activation == "relu":\n'
            '            frozen[k] = np.mean(np.all(h <= 0, axis=0))\n',
    }, ''),
]
