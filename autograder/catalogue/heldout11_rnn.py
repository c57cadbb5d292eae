"""Eleventh held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-recurrent-term-outside-tanh', '5.1', {
        'h_next = np.tanh(x @ Wx + h_prev @ Wh + b)':
            'h_next = np.tanh(x @ Wx + b) + h_prev @ Wh',
    }, ''),
    Scenario('rnn-step-dwh-from-upstream-gradient', '5.1', {
        'dWh = h_prev.T @ da\n    db = da.sum(axis=0)\n    ### END SOLUTION\n    return dx, dh_prev, dWx':
            'dWh = h_prev.T @ dh_next\n    db = da.sum(axis=0)\n    ### END SOLUTION\n'
            '    return dx, dh_prev, dWx',
    }, ''),
    Scenario('rnn-forward-state-overwritten-in-place', '5.2', {
        '        h_prev, step_cache = rnn_step_forward(x[:, t], h_prev, Wx, Wh, b)\n'
        '        h[:, t] = h_prev':
            '        h_new, step_cache = rnn_step_forward(x[:, t], h_prev, Wx, Wh, b)\n'
            '        h_prev[:] = h_new\n'
            '        h[:, t] = h_prev',
    }, ''),
    Scenario('lstm-forget-derivative-from-input-gate', '5.3', {
        'df * f * (1 - f)':
            'df * i * (1 - i)',
    }, ''),
    Scenario('lstm-backward-cache-unpacked-in-ifgo-order', '5.3', {
        '    x, h_prev, c_prev, Wx, Wh, i, f, o, g, tanh_c = cache\n    dc =':
            '    x, h_prev, c_prev, Wx, Wh, i, f, g, o, tanh_c = cache\n    dc =',
    }, ''),
    Scenario('lstm-forward-cell-starts-from-h0', '5.4', {
        'h_prev, c_prev = h0, c0':
            'h_prev, c_prev = h0, h0',
    }, ''),
    Scenario('lstm-forward-stores-tanh-of-cell', '5.4', {
        'c[:, t] = c_prev':
            'c[:, t] = np.tanh(c_prev)',
    }, ''),
    Scenario('gradient-norms-recurrent-step-only-for-tanh', '5.5', {
        '            d = d * (1 - h[:, t] ** 2)\n        d = d @ Wh.T':
            '            d = d * (1 - h[:, t] ** 2)\n            d = d @ Wh.T',
    }, ''),
    Scenario('clip-sum-of-squares-overwritten-per-tensor', '5.6', {
        'total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))':
            'sq = 0.0\n    for g in grads.values():\n        sq = np.sum(g**2)\n'
            '    total_norm = float(np.sqrt(sq))',
    }, ''),
    Scenario('classifier-input-and-recurrent-grads-swapped', '5.7', {
        'grads = {"Wx": dWx, "Wh": dWh,':
            'grads = {"Wx": dWh, "Wh": dWx,',
    }, ''),
]

VARIANTS = [
    Scenario('rnn-step-dx-by-transposed-product', '5.1', {
        'dx = da @ Wx.T\n    dh_prev = da @ Wh.T\n    dWx = x.T @ da':
            'dx = (Wx @ da.T).T\n    dh_prev = da @ Wh.T\n    dWx = x.T @ da',
    }, ''),
    Scenario('clip-sum-of-squares-by-vdot', '5.6', {
        'total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))':
            'total_norm = float(np.sqrt(sum(np.vdot(g, g) for g in grads.values())))',
    }, ''),
]
