"""Fifteenth held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-backward-unpacks-weights-swapped', '5.1', {
        'x, h_prev, Wx, Wh, h_next = cache':
            'x, h_prev, Wh, Wx, h_next = cache',
    }, ''),
    Scenario('rnn-step-db-keeps-batch-axis', '5.1', {
        '    dWh = h_prev.T @ da\n    db = da.sum(axis=0)\n    ### END SOLUTION\n'
        '    return dx, dh_prev, dWx, dWh, db':
            '    dWh = h_prev.T @ da\n    db = np.sum(da, axis=0, keepdims=True)\n    ### END SOLUTION\n'
            '    return dx, dh_prev, dWx, dWh, db',
    }, ''),
    Scenario('rnn-backward-dx-stacked-on-last-axis', '5.2', {
        'dx = np.stack(dx_steps[::-1], axis=1)':
            'dx = np.stack(dx_steps[::-1], axis=-1)',
    }, ''),
    Scenario('lstm-step-candidate-grad-from-hidden-grad', '5.3', {
        'dg = dc * i':
            'dg = dh_next * i',
    }, ''),
    Scenario('lstm-step-output-gate-tanh-derivative', '5.3', {
        'do * o * (1 - o)':
            'do * (1 - o**2)',
    }, ''),
    Scenario('lstm-backward-upstream-read-in-forward-time', '5.4', {
        '    for t in reversed(range(T)):\n'
        '        dx_t, dh_prev, dc_prev, dWx_t, dWh_t, db_t = lstm_step_backward(\n'
        '            dh[:, t] + dh_prev, dc_prev, cache[t])':
            '    for s in range(T):\n'
            '        t = T - 1 - s\n'
            '        dx_t, dh_prev, dc_prev, dWx_t, dWh_t, db_t = lstm_step_backward(\n'
            '            dh[:, s] + dh_prev, dc_prev, cache[t])',
    }, ''),
    Scenario('lstm-backward-returns-dh0-dc0-swapped', '5.4', {
        'dh0, dc0 = dh_prev, dc_prev':
            'dc0, dh0 = dh_prev, dc_prev',
    }, ''),
    Scenario('gradient-norms-relative-to-last-gradient', '5.5', {
        '    norms = np.array(norms)\n':
            '    norms = np.array(norms) / norms[0]\n',
    }, ''),
    Scenario('clip-scale-normalises-to-unit-norm', '5.6', {
        'scale = max_norm / total_norm':
            'scale = 1.0 / total_norm',
    }, ''),
    Scenario('classifier-output-layer-without-bias', '5.7', {
        '    scores, out_cache = linear_forward(h[:, -1], params["Wy"], params["by"])\n'
        '    loss, dscores = softmax_cross_entropy(scores, y)\n'
        '    dh_last, dWy, dby = linear_backward(dscores, out_cache)\n':
            '    h_last = h[:, -1]\n'
            '    scores = h_last @ params["Wy"]\n'
            '    loss, dscores = softmax_cross_entropy(scores, y)\n'
            '    dWy = h_last.T @ dscores\n'
            '    dby = dscores.sum(axis=0)\n'
            '    dh_last = dscores @ params["Wy"].T\n',
    }, ''),
]

VARIANTS = [
    Scenario('rnn-backward-dx-array-transposed', '5.2', {
        'dx = np.stack(dx_steps[::-1], axis=1)':
            'dx = np.array(dx_steps[::-1]).transpose(1, 0, 2)',
    }, ''),
    Scenario('gradient-norms-test-not-linear', '5.5', {
        '        if activation == "tanh":\n':
            '        if activation != "linear":\n',
    }, ''),
]
