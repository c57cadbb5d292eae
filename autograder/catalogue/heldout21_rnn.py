"""Twenty-first held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-dwh-from-next-state', '5.1', {
        '    dWh = h_prev.T @ da\n    db = da.sum(axis=0)\n    ### END SOLUTION\n'
        '    return dx, dh_prev, dWx, dWh, db':
            '    dWh = h_next.T @ da\n    db = da.sum(axis=0)\n    ### END SOLUTION\n'
            '    return dx, dh_prev, dWx, dWh, db',
    }, ''),
    Scenario('rnn-step-bias-grad-from-upstream', '5.1', {
        '    db = da.sum(axis=0)\n    ### END SOLUTION\n    return dx, dh_prev, dWx, dWh, db':
            '    db = dh_next.sum(axis=0)\n    ### END SOLUTION\n    return dx, dh_prev, dWx, dWh, db',
    }, ''),
    Scenario('rnn-forward-previous-state-read-from-output-array', '5.2', {
        '        h_prev, step_cache = rnn_step_forward(x[:, t], h_prev, Wx, Wh, b)\n'
        '        h[:, t] = h_prev':
            '        h_prev, step_cache = rnn_step_forward(x[:, t], h[:, t - 1], Wx, Wh, b)\n'
            '        h[:, t] = h_prev',
    }, ''),
    Scenario('rnn-backward-carry-accumulated-into-upstream-array', '5.2', {
        '        dx_t, dh_prev, dWx_t, dWh_t, db_t = rnn_step_backward(dh[:, t] + dh_prev, cache[t])':
            '        dh[:, t] += dh_prev\n'
            '        dx_t, dh_prev, dWx_t, dWh_t, db_t = rnn_step_backward(dh[:, t], cache[t])',
    }, ''),
    Scenario('lstm-input-and-candidate-grads-swapped', '5.3', {
        '    di = dc * g\n    df = dc * c_prev\n    do = dh_next * tanh_c\n    dg = dc * i\n':
            '    di = dc * i\n    df = dc * c_prev\n    do = dh_next * tanh_c\n    dg = dc * g\n',
    }, ''),
    Scenario('lstm-output-gate-grad-from-total-cell-grad', '5.3', {
        'do = dh_next * tanh_c':
            'do = dc * tanh_c',
    }, ''),
    Scenario('lstm-forward-cell-restarts-from-c0', '5.4', {
        'lstm_step_forward(x[:, t], h_prev, c_prev, Wx, Wh, b)':
            'lstm_step_forward(x[:, t], h_prev, c0, Wx, Wh, b)',
    }, ''),
    Scenario('gradient-norms-spectral-norm', '5.5', {
        '    norms = [np.linalg.norm(d)]':
            '    norms = [np.linalg.norm(d, 2)]',
        '        norms.append(np.linalg.norm(d))':
            '        norms.append(np.linalg.norm(d, 2))',
    }, ''),
    Scenario('clip-each-tensor-by-own-norm', '5.6', {
        '    scale = 1.0\n    if total_norm > max_norm:\n        scale = max_norm / total_norm\n'
        '    clipped = {k: g * scale for k, g in grads.items()}':
            '    clipped = {}\n    for k, g in grads.items():\n'
            '        norm_k = np.linalg.norm(g)\n'
            '        clipped[k] = g * (max_norm / norm_k) if norm_k > max_norm else g * 1.0',
    }, ''),
    Scenario('classifier-mean-pooled-states', '5.7', {
        'scores, out_cache = linear_forward(h[:, -1], params["Wy"], params["by"])':
            'scores, out_cache = linear_forward(h.mean(axis=1), params["Wy"], params["by"])',
        '    dh = np.zeros_like(h)\n    dh[:, -1] = dh_last\n':
            '    dh = np.repeat(dh_last[:, None, :] / T, T, axis=1)\n',
    }, ''),
]

VARIANTS = [
    Scenario('rnn-forward-states-stacked-from-list', '5.2', {
        '    h = np.zeros((N, T, h0.shape[1]))\n    cache = []\n    h_prev = h0\n'
        '    for t in range(T):\n'
        '        h_prev, step_cache = rnn_step_forward(x[:, t], h_prev, Wx, Wh, b)\n'
        '        h[:, t] = h_prev\n        cache.append(step_cache)\n':
            '    hs, cache = [], []\n    h_prev = h0\n'
            '    for t in range(T):\n'
            '        h_prev, step_cache = rnn_step_forward(x[:, t], h_prev, Wx, Wh, b)\n'
            '        hs.append(h_prev)\n        cache.append(step_cache)\n'
            '    h = np.stack(hs, axis=1)\n',
    }, ''),
    Scenario('lstm-gates-by-np-split', '5.3', {
        '    i = sigmoid(a[:, 0:H])\n    f = sigmoid(a[:, H:2 * H])\n    o = sigmoid(a[:, 2 * H:3 * H])\n'
        '    g = np.tanh(a[:, 3 * H:4 * H])':
            '    a_i, a_f, a_o, a_g = np.split(a, 4, axis=1)\n'
            '    i, f, o = sigmoid(a_i), sigmoid(a_f), sigmoid(a_o)\n'
            '    g = np.tanh(a_g)',
    }, ''),
]
