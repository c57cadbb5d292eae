"""Thirteenth held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-weight-grads-averaged-over-batch', '5.1', {
        '    dWx = x.T @ da\n    dWh = h_prev.T @ da\n    db = da.sum(axis=0)\n'
        '    ### END SOLUTION\n    return dx, dh_prev, dWx, dWh, db':
            '    N = x.shape[0]\n    dWx = x.T @ da / N\n    dWh = h_prev.T @ da / N\n'
            '    db = da.mean(axis=0)\n'
            '    ### END SOLUTION\n    return dx, dh_prev, dWx, dWh, db',
    }, ''),
    Scenario('rnn-step-dwx-from-upstream-gradient', '5.1', {
        '    dWx = x.T @ da\n    dWh = h_prev.T @ da\n    db = da.sum(axis=0)\n'
        '    ### END SOLUTION\n    return dx, dh_prev, dWx, dWh, db':
            '    dWx = x.T @ dh_next\n    dWh = h_prev.T @ da\n    db = da.sum(axis=0)\n'
            '    ### END SOLUTION\n    return dx, dh_prev, dWx, dWh, db',
    }, ''),
    Scenario('rnn-backward-dx-concatenated-not-stacked', '5.2', {
        'dx = np.stack(dx_steps[::-1], axis=1)':
            'dx = np.concatenate(dx_steps[::-1], axis=1)',
    }, ''),
    Scenario('rnn-forward-states-collected-time-major', '5.2', {
        '    h = np.zeros((N, T, h0.shape[1]))\n    cache = []\n    h_prev = h0\n'
        '    for t in range(T):\n'
        '        h_prev, step_cache = rnn_step_forward(x[:, t], h_prev, Wx, Wh, b)\n'
        '        h[:, t] = h_prev\n        cache.append(step_cache)\n':
            '    states = []\n    cache = []\n    h_prev = h0\n'
            '    for t in range(T):\n'
            '        h_prev, step_cache = rnn_step_forward(x[:, t], h_prev, Wx, Wh, b)\n'
            '        states.append(h_prev)\n        cache.append(step_cache)\n'
            '    h = np.array(states)\n',
    }, ''),
    Scenario('lstm-output-gate-through-tanh', '5.3', {
        'o = sigmoid(a[:, 2 * H:3 * H])':
            'o = np.tanh(a[:, 2 * H:3 * H])',
    }, ''),
    Scenario('lstm-backward-gate-activation-derivatives-left-out', '5.3', {
        'da = np.concatenate([di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), dg * (1 - g**2)],':
            'da = np.concatenate([di, df, do, dg],',
    }, ''),
    Scenario('lstm-backward-cache-one-step-behind', '5.4', {
        'dh[:, t] + dh_prev, dc_prev, cache[t])':
            'dh[:, t] + dh_prev, dc_prev, cache[t - 1])',
    }, ''),
    Scenario('gradient-norms-tanh-step-restarts-from-last-gradient', '5.5', {
        'd = d * (1 - h[:, t] ** 2)':
            'd = dh_last * (1 - h[:, t] ** 2)',
    }, ''),
    Scenario('clip-scale-from-running-norm-inside-loop', '5.6', {
        '    total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))\n'
        '    scale = 1.0\n    if total_norm > max_norm:\n        scale = max_norm / total_norm\n'
        '    clipped = {k: g * scale for k, g in grads.items()}':
            '    sq = 0.0\n    clipped = {}\n    for k, g in grads.items():\n'
            '        sq += np.sum(g**2)\n        total_norm = float(np.sqrt(sq))\n'
            '        scale = 1.0\n        if total_norm > max_norm:\n'
            '            scale = max_norm / total_norm\n        clipped[k] = g * scale',
    }, ''),
    Scenario('classifier-scored-at-every-step', '5.7', {
        '    scores, out_cache = linear_forward(h[:, -1], params["Wy"], params["by"])\n'
        '    loss, dscores = softmax_cross_entropy(scores, y)\n'
        '    dh_last, dWy, dby = linear_backward(dscores, out_cache)\n'
        '    dh = np.zeros_like(h)\n    dh[:, -1] = dh_last\n':
            '    scores, out_cache = linear_forward(h.reshape(N * T, H), params["Wy"], params["by"])\n'
            '    loss, dscores = softmax_cross_entropy(scores, np.repeat(y, T))\n'
            '    dh_flat, dWy, dby = linear_backward(dscores, out_cache)\n'
            '    dh = dh_flat.reshape(N, T, H)\n',
    }, ''),
]

VARIANTS = [
    Scenario('lstm-gates-from-per-gate-products', '5.3', {
        '    a = x @ Wx + h_prev @ Wh + b\n'
        '    i = sigmoid(a[:, 0:H])\n    f = sigmoid(a[:, H:2 * H])\n'
        '    o = sigmoid(a[:, 2 * H:3 * H])\n    g = np.tanh(a[:, 3 * H:4 * H])':
            '    def gate(k):\n'
            '        cols = slice(k * H, (k + 1) * H)\n'
            '        return x @ Wx[:, cols] + h_prev @ Wh[:, cols] + b[cols]\n'
            '    i, f, o = sigmoid(gate(0)), sigmoid(gate(1)), sigmoid(gate(2))\n'
            '    g = np.tanh(gate(3))',
    }, ''),
    Scenario('lstm-backward-da-filled-by-slices', '5.3', {
        '    da = np.concatenate([di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), dg * (1 - g**2)],\n'
        '                        axis=1)':
            '    H = i.shape[1]\n'
            '    da = np.empty((x.shape[0], 4 * H))\n'
            '    da[:, :H] = di * i * (1 - i)\n'
            '    da[:, H:2 * H] = df * f * (1 - f)\n'
            '    da[:, 2 * H:3 * H] = do * o * (1 - o)\n'
            '    da[:, 3 * H:] = dg * (1 - g**2)',
    }, ''),
]
