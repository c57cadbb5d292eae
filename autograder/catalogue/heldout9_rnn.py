"""Ninth held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-recurrent-weights-transposed', '5.1', {
        'h_next = np.tanh(x @ Wx + h_prev @ Wh + b)':
            'h_next = np.tanh(x @ Wx + h_prev @ Wh.T + b)',
    }, ''),
    Scenario('rnn-backward-carry-added-after-step', '5.2', {
        '        dx_t, dh_prev, dWx_t, dWh_t, db_t = rnn_step_backward(dh[:, t] + dh_prev, cache[t])':
            '        dx_t, dh_step, dWx_t, dWh_t, db_t = rnn_step_backward(dh[:, t], cache[t])\n'
            '        dh_prev = dh_prev + dh_step',
    }, ''),
    Scenario('lstm-cell-coupled-input-and-forget', '5.3', {
        'c_next = f * c_prev + i * g':
            'c_next = f * c_prev + (1 - f) * g',
    }, ''),
    Scenario('lstm-forget-grad-from-incoming-cell-grad', '5.3', {
        'df = dc * c_prev':
            'df = dc_next * c_prev',
    }, ''),
    Scenario('lstm-backward-dc-last-added-every-step', '5.4', {
        '    dc_prev = np.zeros((N, H)) if dc_last is None else dc_last\n'
        '    for t in reversed(range(T)):\n'
        '        dx_t, dh_prev, dc_prev, dWx_t, dWh_t, db_t = lstm_step_backward(\n'
        '            dh[:, t] + dh_prev, dc_prev, cache[t])':
            '    dc_prev = np.zeros((N, H))\n'
            '    for t in reversed(range(T)):\n'
            '        if dc_last is not None:\n'
            '            dc_prev = dc_prev + dc_last\n'
            '        dx_t, dh_prev, dc_prev, dWx_t, dWh_t, db_t = lstm_step_backward(\n'
            '            dh[:, t] + dh_prev, dc_prev, cache[t])',
    }, ''),
    Scenario('lstm-forward-h-and-c-share-one-array', '5.4', {
        'h, c = np.zeros((N, T, H)), np.zeros((N, T, H))':
            'h = c = np.zeros((N, T, H))',
    }, ''),
    Scenario('gradient-norms-one-line-precedence', '5.5', {
        '        if activation == "tanh":\n            d = d * (1 - h[:, t] ** 2)\n        d = d @ Wh.T':
            '        if activation == "tanh":\n            d = d * (1 - h[:, t] ** 2) @ Wh.T\n'
            '        else:\n            d = d @ Wh.T',
    }, ''),
    Scenario('clip-largest-tensor-norm', '5.6', {
        'total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))':
            'total_norm = float(max(np.linalg.norm(g) for g in grads.values()))',
    }, ''),
    Scenario('classifier-last-step-gradient-never-set', '5.7', {
        '    dh = np.zeros_like(h)\n    dh[:, -1] = dh_last\n':
            '    dh = np.zeros_like(h)\n',
    }, ''),
    Scenario('lstm-forward-cell-stored-before-step', '5.4', {
        '        h_prev, c_prev, step_cache = lstm_step_forward(x[:, t], h_prev, c_prev, Wx, Wh, b)\n'
        '        h[:, t] = h_prev\n        c[:, t] = c_prev':
            '        c[:, t] = c_prev\n'
            '        h_prev, c_prev, step_cache = lstm_step_forward(x[:, t], h_prev, c_prev, Wx, Wh, b)\n'
            '        h[:, t] = h_prev',
    }, ''),
]

VARIANTS = [
    Scenario('rnn-step-tanh-derivative-expanded', '5.1', {
        'da = dh_next * (1 - h_next**2)':
            'da = dh_next - dh_next * h_next * h_next',
    }, ''),
    Scenario('classifier-explicit-zero-dc-last', '5.7', {
        '_, _, _, dWx, dWh, db = lstm_backward(dh, cache)':
            '_, _, _, dWx, dWh, db = lstm_backward(dh, cache, dc_last=np.zeros((N, H)))',
    }, ''),
]
