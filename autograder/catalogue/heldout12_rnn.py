"""Twelfth held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-bias-left-out', '5.1', {
        'h_next = np.tanh(x @ Wx + h_prev @ Wh + b)':
            'h_next = np.tanh(x @ Wx + h_prev @ Wh)',
    }, ''),
    Scenario('rnn-step-derivative-recomputed-without-bias', '5.1', {
        'da = dh_next * (1 - h_next**2)':
            'da = dh_next / np.cosh(x @ Wx + h_prev @ Wh) ** 2',
    }, ''),
    Scenario('rnn-backward-upstream-one-step-early', '5.2', {
        'rnn_step_backward(dh[:, t] + dh_prev, cache[t])':
            'rnn_step_backward(dh[:, t - 1] + dh_prev, cache[t])',
    }, ''),
    Scenario('rnn-backward-carry-summed-over-steps', '5.2', {
        '        dx_t, dh_prev, dWx_t, dWh_t, db_t = rnn_step_backward(dh[:, t] + dh_prev, cache[t])':
            '        dx_t, dh_step, dWx_t, dWh_t, db_t = rnn_step_backward(dh[:, t] + dh_prev, '
            'cache[t])\n'
            '        dh_prev = dh_prev + dh_step',
    }, ''),
    Scenario('lstm-preactivation-reads-cell-state', '5.3', {
        'a = x @ Wx + h_prev @ Wh + b':
            'a = x @ Wx + c_prev @ Wh + b',
    }, ''),
    Scenario('lstm-dc-prev-gated-by-input', '5.3', {
        'dc_prev = dc * f':
            'dc_prev = dc * i',
    }, ''),
    Scenario('lstm-backward-dc-last-starts-hidden-carry', '5.4', {
        '    dh_prev = np.zeros((N, H))\n'
        '    dc_prev = np.zeros((N, H)) if dc_last is None else dc_last':
            '    dh_prev = np.zeros((N, H)) if dc_last is None else dc_last\n'
            '    dc_prev = np.zeros((N, H))',
    }, ''),
    Scenario('gradient-norms-squared', '5.5', {
        '    norms = [np.linalg.norm(d)]':
            '    norms = [np.sum(d ** 2)]',
        '        norms.append(np.linalg.norm(d))':
            '        norms.append(np.sum(d ** 2))',
    }, ''),
    Scenario('clip-sqrt-of-summed-norms', '5.6', {
        'total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))':
            'total_norm = float(np.sqrt(sum(np.linalg.norm(g) for g in grads.values())))',
    }, ''),
    Scenario('classifier-softmax-before-cross-entropy', '5.7', {
        '    loss, dscores = softmax_cross_entropy(scores, y)':
            '    probs = np.exp(scores - scores.max(axis=1, keepdims=True))\n'
            '    probs /= probs.sum(axis=1, keepdims=True)\n'
            '    loss, dscores = softmax_cross_entropy(probs, y)',
    }, ''),
]

VARIANTS = [
    Scenario('lstm-one-sigmoid-for-three-gates', '5.3', {
        '    i = sigmoid(a[:, 0:H])\n    f = sigmoid(a[:, H:2 * H])\n    o = sigmoid(a[:, 2 * H:3 * H])':
            '    ifo = sigmoid(a[:, :3 * H])\n'
            '    i, f, o = ifo[:, :H], ifo[:, H:2 * H], ifo[:, 2 * H:]',
    }, ''),
    Scenario('lstm-backward-preallocated-from-cache', '5.4', {
        '    dx = None\n    dWx, dWh, db = 0.0, 0.0, 0.0\n':
            '    Wx, Wh = cache[0][3], cache[0][4]\n'
            '    dx = np.zeros((N, T, Wx.shape[0]))\n'
            '    dWx, dWh, db = np.zeros_like(Wx), np.zeros_like(Wh), np.zeros(Wx.shape[1])\n',
        '        if dx is None:\n'
        '            dx = np.zeros((N, T, dx_t.shape[1]))\n'
        '        dx[:, t] = dx_t\n'
        '        dWx = dWx + dWx_t\n'
        '        dWh = dWh + dWh_t\n'
        '        db = db + db_t\n':
            '        dx[:, t] = dx_t\n'
            '        dWx += dWx_t\n'
            '        dWh += dWh_t\n'
            '        db += db_t\n',
    }, ''),
]
