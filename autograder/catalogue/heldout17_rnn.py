"""Seventeenth held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-dh-prev-times-previous-tanh-derivative', '5.1', {
        '    dh_prev = da @ Wh.T\n    dWx = x.T @ da':
            '    dh_prev = (da @ Wh.T) * (1 - h_prev**2)\n    dWx = x.T @ da',
    }, ''),
    Scenario('rnn-step-tanh-derivative-typed-times-two', '5.1', {
        'da = dh_next * (1 - h_next**2)':
            'da = dh_next * (1 - h_next*2)',
    }, ''),
    Scenario('rnn-forward-indexes-batch-axis-as-time', '5.2', {
        'h_prev, step_cache = rnn_step_forward(x[:, t], h_prev, Wx, Wh, b)':
            'h_prev, step_cache = rnn_step_forward(x[t], h_prev, Wx, Wh, b)',
    }, ''),
    Scenario('rnn-backward-loop-skips-last-step', '5.2', {
        '    for t in reversed(range(T)):\n        dx_t, dh_prev, dWx_t':
            '    for t in reversed(range(T - 1)):\n        dx_t, dh_prev, dWx_t',
    }, ''),
    Scenario('lstm-gates-reshaped-hidden-major', '5.3', {
        '    i = sigmoid(a[:, 0:H])\n    f = sigmoid(a[:, H:2 * H])\n'
        '    o = sigmoid(a[:, 2 * H:3 * H])\n    g = np.tanh(a[:, 3 * H:4 * H])':
            '    gates = a.reshape(-1, H, 4)\n    i = sigmoid(gates[:, :, 0])\n'
            '    f = sigmoid(gates[:, :, 1])\n    o = sigmoid(gates[:, :, 2])\n'
            '    g = np.tanh(gates[:, :, 3])',
    }, ''),
    Scenario('lstm-step-dwh-from-previous-cell', '5.3', {
        '    dWh = h_prev.T @ da\n    db = da.sum(axis=0)\n    ### END SOLUTION\n'
        '    return dx, dh_prev, dc_prev':
            '    dWh = c_prev.T @ da\n    db = da.sum(axis=0)\n    ### END SOLUTION\n'
            '    return dx, dh_prev, dc_prev',
    }, ''),
    Scenario('lstm-backward-dc-last-defaulted-with-or', '5.4', {
        'dc_prev = np.zeros((N, H)) if dc_last is None else dc_last':
            'dc_prev = dc_last or np.zeros((N, H))',
    }, ''),
    Scenario('gradient-norms-list-starts-empty', '5.5', {
        '    norms = [np.linalg.norm(d)]':
            '    norms = []',
    }, ''),
    Scenario('clip-norm-of-list-of-arrays', '5.6', {
        'total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))':
            'total_norm = float(np.linalg.norm(list(grads.values())))',
    }, ''),
    Scenario('classifier-linear-backward-unpacked-in-wrong-order', '5.7', {
        'dh_last, dWy, dby = linear_backward(dscores, out_cache)':
            'dWy, dby, dh_last = linear_backward(dscores, out_cache)',
    }, ''),
]

VARIANTS = [
    Scenario('lstm-cell-tanh-derivative-factored', '5.3', {
        'dc = dc_next + dh_next * o * (1 - tanh_c**2)':
            'dc = dc_next + dh_next * o * (1 - tanh_c) * (1 + tanh_c)',
    }, ''),
    Scenario('classifier-dh-by-padding-last-step', '5.7', {
        '    dh = np.zeros_like(h)\n    dh[:, -1] = dh_last\n':
            '    dh = np.pad(dh_last[:, None, :], ((0, 0), (T - 1, 0), (0, 0)))\n',
    }, ''),
]
