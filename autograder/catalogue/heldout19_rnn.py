"""Nineteenth held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-dwh-transposed', '5.1', {
        'dh_prev = da @ Wh.T\n    dWx = x.T @ da\n    dWh = h_prev.T @ da':
            'dh_prev = da @ Wh.T\n    dWx = x.T @ da\n    dWh = da.T @ h_prev',
    }, ''),
    Scenario('rnn-backward-dx-left-in-reverse-time', '5.2', {
        'dx = np.stack(dx_steps[::-1], axis=1)':
            'dx = np.stack(dx_steps, axis=1)',
    }, ''),
    Scenario('rnn-backward-recurrent-grad-overwritten', '5.2', {
        '        dWh = dWh + dWh_t\n        db = db + db_t\n    dx = np.stack':
            '        dWh = dWh_t\n        db = db + db_t\n    dx = np.stack',
    }, ''),
    Scenario('lstm-gates-in-order-i-o-f-g', '5.3', {
        '    f = sigmoid(a[:, H:2 * H])\n    o = sigmoid(a[:, 2 * H:3 * H])':
            '    o = sigmoid(a[:, H:2 * H])\n    f = sigmoid(a[:, 2 * H:3 * H])',
        'da = np.concatenate([di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), dg * (1 - g**2)],':
            'da = np.concatenate([di * i * (1 - i), do * o * (1 - o), df * f * (1 - f), dg * (1 - g**2)],',
    }, ''),
    Scenario('lstm-dc-prev-from-incoming-cell-grad-only', '5.3', {
        'dc_prev = dc * f':
            'dc_prev = dc_next * f',
    }, ''),
    Scenario('lstm-forward-initial-cell-zeroed', '5.4', {
        'h_prev, c_prev = h0, c0':
            'h_prev, c_prev = h0, np.zeros_like(c0)',
    }, ''),
    Scenario('lstm-backward-hidden-carry-dropped', '5.4', {
        'dh[:, t] + dh_prev, dc_prev, cache[t])':
            'dh[:, t], dc_prev, cache[t])',
    }, ''),
    Scenario('gradient-norms-derivative-at-previous-state', '5.5', {
        'd = d * (1 - h[:, t] ** 2)':
            'd = d * (1 - h[:, t - 1] ** 2)',
    }, ''),
    Scenario('clip-norm-reported-after-clipping', '5.6', {
        '    clipped = {k: g * scale for k, g in grads.items()}\n':
            '    clipped = {k: g * scale for k, g in grads.items()}\n'
            '    total_norm = float(np.sqrt(sum(np.sum(g**2) for g in clipped.values())))\n',
    }, ''),
    Scenario('classifier-reads-final-cell-state', '5.7', {
        '    h, _, cache = lstm_forward(x, zeros, zeros, params["Wx"], params["Wh"], params["b"])\n'
        '    scores, out_cache = linear_forward(h[:, -1], params["Wy"], params["by"])':
            '    h, c, cache = lstm_forward(x, zeros, zeros, params["Wx"], params["Wh"], params["b"])\n'
            '    scores, out_cache = linear_forward(c[:, -1], params["Wy"], params["by"])',
        '    dh = np.zeros_like(h)\n    dh[:, -1] = dh_last\n'
        '    _, _, _, dWx, dWh, db = lstm_backward(dh, cache)':
            '    dh = np.zeros_like(h)\n'
            '    _, _, _, dWx, dWh, db = lstm_backward(dh, cache, dc_last=dh_last)',
    }, ''),
]

VARIANTS = [
    Scenario('rnn-backward-dx-preallocated-by-time', '5.2', {
        '    dx_steps = []\n':
            '    dx = np.zeros((N, T, cache[0][0].shape[1]))\n',
        '        dx_steps.append(dx_t)\n':
            '        dx[:, t] = dx_t\n',
        '    dx = np.stack(dx_steps[::-1], axis=1)\n':
            '',
    }, ''),
    Scenario('clip-norm-of-concatenated-flat-grads', '5.6', {
        'total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))':
            'total_norm = float(np.linalg.norm(np.concatenate([np.ravel(g) for g in grads.values()])))',
    }, ''),
]
