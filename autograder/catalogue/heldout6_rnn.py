"""Sixth held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-tanh-derivative-square-misplaced', '5.1', {
        'da = dh_next * (1 - h_next**2)':
            'da = dh_next * (1 - h_next) ** 2',
    }, ''),
    Scenario('rnn-backward-carry-starts-at-last-upstream', '5.2', {
        '    dh_prev = np.zeros((N, H))\n    for t in reversed(range(T)):\n        dx_t, dh_prev, dWx_t':
            '    dh_prev = dh[:, T - 1]\n    for t in reversed(range(T)):\n        dx_t, dh_prev, dWx_t',
    }, ''),
    Scenario('rnn-backward-dx-stacked-time-first', '5.2', {
        'dx = np.stack(dx_steps[::-1], axis=1)':
            'dx = np.stack(dx_steps[::-1])',
    }, ''),
    Scenario('lstm-cell-input-and-forget-roles-swapped', '5.3', {
        'c_next = f * c_prev + i * g':
            'c_next = i * c_prev + f * g',
    }, ''),
    Scenario('lstm-candidate-tanh-derivative-twice', '5.3', {
        '    dg = dc * i\n':
            '    dg = dc * i * (1 - g**2)\n',
    }, ''),
    Scenario('lstm-backward-dx-reallocated-every-step', '5.4', {
        '        if dx is None:\n            dx = np.zeros((N, T, dx_t.shape[1]))':
            '        dx = np.zeros((N, T, dx_t.shape[1]))',
    }, ''),
    Scenario('lstm-backward-reverse-range-misses-step-0', '5.4', {
        '    for t in reversed(range(T)):\n        dx_t, dh_prev, dc_prev':
            '    for t in range(T - 1, 0, -1):\n        dx_t, dh_prev, dc_prev',
    }, ''),
    Scenario('gradient-norms-tanh-factor-for-linear-too', '5.5', {
        '        if activation == "tanh":\n            d = d * (1 - h[:, t] ** 2)':
            '        d = d * (1 - h[:, t] ** 2)',
    }, ''),
    Scenario('clip-norm-from-mean-squares', '5.6', {
        'np.sum(g**2) for g':
            'np.mean(g**2) for g',
    }, ''),
    Scenario('classifier-grads-divided-by-batch', '5.7', {
        '    grads = {"Wx": dWx, "Wh": dWh, "b": db, "Wy": dWy, "by": dby}':
            '    grads = {"Wx": dWx / N, "Wh": dWh / N, "b": db / N, "Wy": dWy / N, "by": dby / N}',
    }, ''),
]

VARIANTS = [
    Scenario('rnn-step-concatenated-input', '5.1', {
        'h_next = np.tanh(x @ Wx + h_prev @ Wh + b)':
            'xh = np.concatenate([x, h_prev], axis=1)\n'
            '    h_next = np.tanh(xh @ np.vstack([Wx, Wh]) + b)',
    }, ''),
    Scenario('clip-scale-min-with-guard', '5.6', {
        '    scale = 1.0\n    if total_norm > max_norm:\n        scale = max_norm / total_norm':
            '    scale = min(1.0, max_norm / max(total_norm, 1e-12))',
    }, ''),
]
