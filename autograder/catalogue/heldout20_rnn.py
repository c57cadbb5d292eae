"""Twentieth held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-dh-prev-recurrent-weights-not-transposed', '5.1', {
        'dh_prev = da @ Wh.T\n    dWx = x.T @ da':
            'dh_prev = da @ Wh\n    dWx = x.T @ da',
    }, ''),
    Scenario('rnn-step-tanh-derivative-at-previous-state', '5.1', {
        'da = dh_next * (1 - h_next**2)':
            'da = dh_next * (1 - h_prev**2)',
    }, ''),
    Scenario('rnn-backward-weight-grads-averaged-over-time', '5.2', {
        '    dx = np.stack(dx_steps[::-1], axis=1)\n':
            '    dWx, dWh, db = dWx / T, dWh / T, db / T\n'
            '    dx = np.stack(dx_steps[::-1], axis=1)\n',
    }, ''),
    Scenario('lstm-forget-gate-default-bias-added-in-cell', '5.3', {
        'f = sigmoid(a[:, H:2 * H])':
            'f = sigmoid(a[:, H:2 * H] + 1.0)',
    }, ''),
    Scenario('lstm-gates-in-order-i-f-g-o', '5.3', {
        '    o = sigmoid(a[:, 2 * H:3 * H])\n    g = np.tanh(a[:, 3 * H:4 * H])':
            '    g = np.tanh(a[:, 2 * H:3 * H])\n    o = sigmoid(a[:, 3 * H:4 * H])',
        '[di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), dg * (1 - g**2)]':
            '[di * i * (1 - i), df * f * (1 - f), dg * (1 - g**2), do * o * (1 - o)]',
    }, ''),
    Scenario('lstm-backward-cell-gradient-not-carried', '5.4', {
        'dx_t, dh_prev, dc_prev, dWx_t, dWh_t, db_t = lstm_step_backward(':
            'dx_t, dh_prev, dc_t, dWx_t, dWh_t, db_t = lstm_step_backward(',
    }, ''),
    Scenario('lstm-backward-dc-last-ignored', '5.4', {
        'dc_prev = np.zeros((N, H)) if dc_last is None else dc_last':
            'dc_prev = np.zeros((N, H))',
    }, ''),
    Scenario('gradient-norms-steps-counted-from-batch-axis', '5.5', {
        '    T = h.shape[1]\n    d = dh_last':
            '    T = len(h)\n    d = dh_last',
    }, ''),
    Scenario('clip-always-rescaled-to-threshold', '5.6', {
        '    scale = 1.0\n    if total_norm > max_norm:\n        scale = max_norm / total_norm':
            '    scale = max_norm / total_norm',
    }, ''),
    Scenario('classifier-output-gradient-placed-at-first-step', '5.7', {
        'dh[:, -1] = dh_last':
            'dh[:, 0] = dh_last',
    }, ''),
]

VARIANTS = [
    Scenario('rnn-step-weight-grads-by-einsum', '5.1', {
        '    dh_prev = da @ Wh.T\n    dWx = x.T @ da\n    dWh = h_prev.T @ da\n    db = da.sum(axis=0)':
            '    dh_prev = da @ Wh.T\n    dWx = np.einsum("nd,nh->dh", x, da)\n'
            '    dWh = np.einsum("ni,nh->ih", h_prev, da)\n    db = np.einsum("nh->h", da)',
    }, ''),
    Scenario('gradient-norms-root-of-summed-squares', '5.5', {
        '    norms = [np.linalg.norm(d)]':
            '    norms = [np.sqrt(np.sum(d * d))]',
        '        norms.append(np.linalg.norm(d))':
            '        norms.append(np.sqrt(np.sum(d * d)))',
    }, ''),
]
