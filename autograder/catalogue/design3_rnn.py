"""Third batch of module 05_rnn (issue 14): the design half, 8 of 16 mistakes,
and 3 new correct-but-different variants.

16 new mistakes were written blind (without reading the feedback code, the
catalogue's hints or any check's output on them), kept in the order written,
shuffled with random.Random(2611).shuffle (a new Random per module) and split:
positions 0, 2, 4, ... are held out (heldout3_rnn.py), positions 1, 3, 5, ...
are the design half (design3_rnn.py). Hints are empty until measured.
VARIANTS are correct code written differently; they are not split.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('lstm-forward-always-from-h0', '5.4', {
        'lstm_step_forward(x[:, t], h_prev, c_prev, Wx, Wh, b)':
            'lstm_step_forward(x[:, t], h0, c_prev, Wx, Wh, b)',
    }, ''),
    Scenario('rnn-backward-weights-averaged-over-time', '5.2', {
        '    dx = np.stack(dx_steps[::-1], axis=1)\n'
        '    dh0 = dh_prev':
            '    dWx, dWh, db = dWx / T, dWh / T, db / T\n'
            '    dx = np.stack(dx_steps[::-1], axis=1)\n'
            '    dh0 = dh_prev',
    }, ''),
    Scenario('lstm-backward-gates-concatenated-ifgo', '5.3', {
        'da = np.concatenate([di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), dg * '
        '(1 - g**2)],':
            'da = np.concatenate([di * i * (1 - i), df * f * (1 - f), dg * (1 - g**2), do * o '
            '* (1 - o)],',
    }, ''),
    Scenario('classifier-mean-pooled-features', '5.7', {
        'linear_forward(h[:, -1], params["Wy"], params["by"])':
            'linear_forward(h.mean(axis=1), params["Wy"], params["by"])',
    }, ''),
    Scenario('clip-reports-clipped-norm', '5.6', {
        '    clipped = {k: g * scale for k, g in grads.items()}':
            '    clipped = {k: g * scale for k, g in grads.items()}\n'
            '    total_norm = min(total_norm, max_norm)',
    }, ''),
    Scenario('gradient-norms-reversed', '5.5', {
        '    norms = np.array(norms)\n':
            '    norms = np.array(norms[::-1])\n',
    }, ''),
    Scenario('gradient-norms-derivative-after-matmul', '5.5', {
        '        if activation == "tanh":\n'
        '            d = d * (1 - h[:, t] ** 2)\n'
        '        d = d @ Wh.T':
            '        d = d @ Wh.T\n'
            '        if activation == "tanh":\n'
            '            d = d * (1 - h[:, t] ** 2)',
    }, ''),
    Scenario('clip-mutates-caller-grads', '5.6', {
        '    clipped = {k: g * scale for k, g in grads.items()}':
            '    for k in grads:\n'
            '        grads[k] *= scale\n'
            '    clipped = grads',
    }, ''),
]

VARIANTS = [
    Scenario('lstm-gates-by-reshape', '5.3', {
        '    i = sigmoid(a[:, 0:H])\n'
        '    f = sigmoid(a[:, H:2 * H])\n'
        '    o = sigmoid(a[:, 2 * H:3 * H])\n'
        '    g = np.tanh(a[:, 3 * H:4 * H])':
            '    gates = a.reshape(a.shape[0], 4, H)\n'
            '    i, f, o = (sigmoid(gates[:, k]) for k in range(3))\n'
            '    g = np.tanh(gates[:, 3])',
    }, ''),
    Scenario('rnn-forward-reads-previous-slot', '5.2', {
        '    h_prev = h0\n'
        '    for t in range(T):\n'
        '        h_prev, step_cache = rnn_step_forward(x[:, t], h_prev, Wx, Wh, b)\n'
        '        h[:, t] = h_prev':
            '    for t in range(T):\n'
            '        prev = h[:, t - 1] if t > 0 else h0\n'
            '        h[:, t], step_cache = rnn_step_forward(x[:, t], prev, Wx, Wh, b)',
    }, ''),
    Scenario('gradient-norms-one-line-step', '5.5', {
        '        if activation == "tanh":\n'
        '            d = d * (1 - h[:, t] ** 2)\n'
        '        d = d @ Wh.T':
            '        deriv = 1 - h[:, t] ** 2 if activation == "tanh" else 1.0\n'
            '        d = (d * deriv) @ Wh.T',
    }, ''),
]
