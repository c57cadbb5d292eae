"""Tenth held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-dx-skips-tanh-derivative', '5.1', {
        'dx = da @ Wx.T\n    dh_prev = da @ Wh.T\n    dWx':
            'dx = dh_next @ Wx.T\n    dh_prev = da @ Wh.T\n    dWx',
    }, ''),
    Scenario('rnn-step-dh-prev-adds-identity-path', '5.1', {
        'dh_prev = da @ Wh.T\n    dWx = x.T @ da\n    dWh = h_prev.T @ da\n    db = da.sum(axis=0)\n'
        '    ### END SOLUTION\n    return dx, dh_prev, dWx, dWh, db':
            'dh_prev = da @ Wh.T + dh_next\n    dWx = x.T @ da\n    dWh = h_prev.T @ da\n'
            '    db = da.sum(axis=0)\n    ### END SOLUTION\n    return dx, dh_prev, dWx, dWh, db',
    }, ''),
    Scenario('rnn-backward-dh0-adds-first-upstream', '5.2', {
        '    dh0 = dh_prev\n':
            '    dh0 = dh_prev + dh[:, 0]\n',
    }, ''),
    Scenario('lstm-hidden-gated-by-forget', '5.3', {
        'h_next = o * tanh_c':
            'h_next = f * tanh_c',
    }, ''),
    Scenario('lstm-dc-uses-candidate-for-tanh-c', '5.3', {
        'dc = dc_next + dh_next * o * (1 - tanh_c**2)':
            'dc = dc_next + dh_next * o * (1 - g**2)',
    }, ''),
    Scenario('lstm-backward-weight-sums-after-loop', '5.4', {
        '        dx[:, t] = dx_t\n        dWx = dWx + dWx_t\n        dWh = dWh + dWh_t\n'
        '        db = db + db_t\n':
            '        dx[:, t] = dx_t\n    dWx = dWx + dWx_t\n    dWh = dWh + dWh_t\n'
            '    db = db + db_t\n',
    }, ''),
    Scenario('lstm-backward-upstream-added-to-cell-carry', '5.4', {
        'dh[:, t] + dh_prev, dc_prev, cache[t])':
            'dh_prev, dh[:, t] + dc_prev, cache[t])',
    }, ''),
    Scenario('gradient-norms-loop-skips-first-state', '5.5', {
        '    for t in reversed(range(T)):\n        if activation':
            '    for t in reversed(range(1, T)):\n        if activation',
    }, ''),
    Scenario('clip-comparison-inverted', '5.6', {
        'if total_norm > max_norm:':
            'if total_norm < max_norm:',
    }, ''),
    Scenario('classifier-backprop-through-last-step-only', '5.7', {
        '_, _, _, dWx, dWh, db = lstm_backward(dh, cache)':
            '_, _, _, dWx, dWh, db = lstm_step_backward(dh_last, np.zeros((N, H)), cache[-1])',
    }, ''),
]

VARIANTS = [
    Scenario('rnn-step-tanh-derivative-factored', '5.1', {
        'da = dh_next * (1 - h_next**2)':
            'da = dh_next * (1 + h_next) * (1 - h_next)',
    }, ''),
    Scenario('gradient-norms-einsum-backstep', '5.5', {
        'd = d @ Wh.T':
            'd = np.einsum("nj,ij->ni", d, Wh)',
    }, ''),
]
