"""Sixteenth held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-dwx-from-previous-state', '5.1', {
        '    dWx = x.T @ da\n    dWh = h_prev.T @ da\n    db = da.sum(axis=0)\n    ### END SOLUTION\n'
        '    return dx, dh_prev, dWx':
            '    dWx = h_prev.T @ da\n    dWh = h_prev.T @ da\n    db = da.sum(axis=0)\n'
            '    ### END SOLUTION\n    return dx, dh_prev, dWx',
    }, ''),
    Scenario('rnn-forward-state-stored-one-slot-back', '5.2', {
        '        h[:, t] = h_prev\n        cache.append(step_cache)':
            '        h[:, t - 1] = h_prev\n        cache.append(step_cache)',
    }, ''),
    Scenario('rnn-backward-weight-grads-unpacked-swapped', '5.2', {
        'dx_t, dh_prev, dWx_t, dWh_t, db_t = rnn_step_backward(':
            'dx_t, dh_prev, dWh_t, dWx_t, db_t = rnn_step_backward(',
    }, ''),
    Scenario('lstm-own-sigmoid-sign-dropped', '5.3', {
        '    i = sigmoid(a[:, 0:H])\n    f = sigmoid(a[:, H:2 * H])\n    o = sigmoid(a[:, 2 * H:3 * H])':
            '    sig = lambda z: 1 / (1 + np.exp(z))\n    i = sig(a[:, 0:H])\n'
            '    f = sig(a[:, H:2 * H])\n    o = sig(a[:, 2 * H:3 * H])',
    }, ''),
    Scenario('lstm-step-dh-prev-through-input-weights', '5.3', {
        '    dh_prev = da @ Wh.T\n    dc_prev = dc * f':
            '    dh_prev = da @ Wx.T\n    dc_prev = dc * f',
    }, ''),
    Scenario('lstm-forward-step-gets-cell-as-hidden', '5.4', {
        'lstm_step_forward(x[:, t], h_prev, c_prev, Wx, Wh, b)':
            'lstm_step_forward(x[:, t], c_prev, h_prev, Wx, Wh, b)',
    }, ''),
    Scenario('lstm-backward-recurrent-grad-accumulates-input-grad', '5.4', {
        '        dx[:, t] = dx_t\n        dWx = dWx + dWx_t\n        dWh = dWh + dWh_t':
            '        dx[:, t] = dx_t\n        dWx = dWx + dWx_t\n        dWh = dWx + dWh_t',
    }, ''),
    Scenario('gradient-norms-root-mean-square', '5.5', {
        'norms = [np.linalg.norm(d)]':
            'norms = [np.sqrt(np.mean(d ** 2))]',
        'norms.append(np.linalg.norm(d))':
            'norms.append(np.sqrt(np.mean(d ** 2)))',
    }, ''),
    Scenario('clip-biases-left-unscaled', '5.6', {
        'clipped = {k: g * scale for k, g in grads.items()}':
            'clipped = {k: (g * scale if g.ndim > 1 else g) for k, g in grads.items()}',
    }, ''),
    Scenario('classifier-extra-tanh-on-features', '5.7', {
        'linear_forward(h[:, -1], params["Wy"], params["by"])':
            'linear_forward(np.tanh(h[:, -1]), params["Wy"], params["by"])',
    }, ''),
]

VARIANTS = [
    Scenario('classifier-dh-by-concatenating-zeros', '5.7', {
        '    dh = np.zeros_like(h)\n    dh[:, -1] = dh_last\n':
            '    dh = np.concatenate([np.zeros((N, T - 1, H)), dh_last[:, None, :]], axis=1)\n',
    }, ''),
    Scenario('lstm-backward-dc-last-copied', '5.4', {
        'dc_prev = np.zeros((N, H)) if dc_last is None else dc_last':
            'dc_prev = np.zeros_like(dh[:, 0]) if dc_last is None else np.array(dc_last, copy=True)',
    }, ''),
]
