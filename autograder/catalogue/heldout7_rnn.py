"""Seventh held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-caches-pre-activation', '5.1', {
        '    h_next = np.tanh(x @ Wx + h_prev @ Wh + b)\n    cache = (x, h_prev, Wx, Wh, h_next)':
            '    a = x @ Wx + h_prev @ Wh + b\n    h_next = np.tanh(a)\n'
            '    cache = (x, h_prev, Wx, Wh, a)',
        '    x, h_prev, Wx, Wh, h_next = cache\n    da = dh_next * (1 - h_next**2)':
            '    x, h_prev, Wx, Wh, a = cache\n    da = dh_next * (1 - a**2)',
    }, ''),
    Scenario('rnn-backward-upstream-from-last-step', '5.2', {
        'rnn_step_backward(dh[:, t] + dh_prev, cache[t])':
            'rnn_step_backward(dh[:, -1] + dh_prev, cache[t])',
    }, ''),
    Scenario('rnn-backward-dx-flipped-on-batch-axis', '5.2', {
        'dx = np.stack(dx_steps[::-1], axis=1)':
            'dx = np.stack(dx_steps, axis=1)[::-1]',
    }, ''),
    Scenario('lstm-candidate-sigmoid-derivative', '5.3', {
        'dg * (1 - g**2)]':
            'dg * g * (1 - g)]',
    }, ''),
    Scenario('lstm-cache-keeps-new-cell', '5.3', {
        'cache = (x, h_prev, c_prev, Wx, Wh, i, f, o, g, tanh_c)':
            'cache = (x, h_prev, c_next, Wx, Wh, i, f, o, g, tanh_c)',
    }, ''),
    Scenario('lstm-incoming-dc-times-forget', '5.3', {
        'dc = dc_next + dh_next * o * (1 - tanh_c**2)':
            'dc = dc_next * f + dh_next * o * (1 - tanh_c**2)',
    }, ''),
    Scenario('lstm-forward-unpacks-c-then-h', '5.4', {
        'h_prev, c_prev, step_cache = lstm_step_forward(':
            'c_prev, h_prev, step_cache = lstm_step_forward(',
    }, ''),
    Scenario('gradient-norms-recorded-before-matmul', '5.5', {
        '            d = d * (1 - h[:, t] ** 2)\n        d = d @ Wh.T\n'
        '        norms.append(np.linalg.norm(d))':
            '            d = d * (1 - h[:, t] ** 2)\n'
            '        norms.append(np.linalg.norm(d))\n        d = d @ Wh.T',
    }, ''),
    Scenario('clip-threshold-on-squared-norm', '5.6', {
        '    total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))\n'
        '    scale = 1.0\n    if total_norm > max_norm:':
            '    sq = sum(np.sum(g**2) for g in grads.values())\n'
            '    total_norm = float(np.sqrt(sq))\n    scale = 1.0\n    if sq > max_norm:',
    }, ''),
    Scenario('classifier-dh-last-passed-as-dc-last', '5.7', {
        '_, _, _, dWx, dWh, db = lstm_backward(dh, cache)':
            '_, _, _, dWx, dWh, db = lstm_backward(dh, cache, dh_last)',
    }, ''),
]

VARIANTS = [
    Scenario('lstm-backward-dx-list-stacked', '5.4', {
        '    dx = None\n':
            '    dx_list = []\n',
        '        if dx is None:\n            dx = np.zeros((N, T, dx_t.shape[1]))\n'
        '        dx[:, t] = dx_t\n':
            '        dx_list.insert(0, dx_t)\n',
        '    dh0, dc0 = dh_prev, dc_prev':
            '    dx = np.stack(dx_list, axis=1)\n    dh0, dc0 = dh_prev, dc_prev',
    }, ''),
    Scenario('lstm-step-backward-named-gate-grads', '5.3', {
        '    da = np.concatenate([di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), '
        'dg * (1 - g**2)],\n                        axis=1)':
            '    da_i = di * i * (1 - i)\n    da_f = df * f * (1 - f)\n'
            '    da_o = do * o * (1 - o)\n    da_g = dg * (1 - g * g)\n'
            '    da = np.hstack([da_i, da_f, da_o, da_g])',
    }, ''),
]
