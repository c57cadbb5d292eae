"""Eighth held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-db-summed-over-hidden', '5.1', {
        '    dWh = h_prev.T @ da\n    db = da.sum(axis=0)\n    ### END SOLUTION\n'
        '    return dx, dh_prev, dWx, dWh, db':
            '    dWh = h_prev.T @ da\n    db = da.sum(axis=1)\n    ### END SOLUTION\n'
            '    return dx, dh_prev, dWx, dWh, db',
    }, ''),
    Scenario('rnn-step-dx-through-recurrent-weights', '5.1', {
        '    dx = da @ Wx.T\n    dh_prev = da @ Wh.T\n    dWx = x.T @ da\n    dWh = h_prev.T @ da\n'
        '    db = da.sum(axis=0)\n    ### END SOLUTION\n    return dx, dh_prev, dWx, dWh, db':
            '    dx = da @ Wh.T\n    dh_prev = da @ Wh.T\n    dWx = x.T @ da\n    dWh = h_prev.T @ da\n'
            '    db = da.sum(axis=0)\n    ### END SOLUTION\n    return dx, dh_prev, dWx, dWh, db',
    }, ''),
    Scenario('rnn-forward-state-never-advanced', '5.2', {
        '        h_prev, step_cache = rnn_step_forward(x[:, t], h_prev, Wx, Wh, b)\n'
        '        h[:, t] = h_prev':
            '        h_t, step_cache = rnn_step_forward(x[:, t], h_prev, Wx, Wh, b)\n'
            '        h[:, t] = h_t',
    }, ''),
    Scenario('lstm-cell-write-gated-by-output', '5.3', {
        'c_next = f * c_prev + i * g':
            'c_next = f * c_prev + o * g',
    }, ''),
    Scenario('lstm-step-bias-grad-averaged-over-batch', '5.3', {
        '    dWh = h_prev.T @ da\n    db = da.sum(axis=0)\n    ### END SOLUTION\n'
        '    return dx, dh_prev, dc_prev, dWx, dWh, db':
            '    dWh = h_prev.T @ da\n    db = da.mean(axis=0)\n    ### END SOLUTION\n'
            '    return dx, dh_prev, dc_prev, dWx, dWh, db',
    }, ''),
    Scenario('lstm-backward-dc-last-condition-inverted', '5.4', {
        'dc_prev = np.zeros((N, H)) if dc_last is None else dc_last':
            'dc_prev = dc_last if dc_last is None else np.zeros((N, H))',
    }, ''),
    Scenario('lstm-forward-initial-states-swapped', '5.4', {
        'h_prev, c_prev = h0, c0':
            'h_prev, c_prev = c0, h0',
    }, ''),
    Scenario('gradient-norms-activation-test-inverted', '5.5', {
        '        if activation == "tanh":\n            d = d * (1 - h[:, t] ** 2)':
            '        if activation != "tanh":\n            d = d * (1 - h[:, t] ** 2)',
    }, ''),
    Scenario('clip-global-l1-norm', '5.6', {
        'total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))':
            'total_norm = float(sum(np.sum(np.abs(g)) for g in grads.values()))',
    }, ''),
    Scenario('classifier-hidden-size-from-input-weights', '5.7', {
        'H = params["Wh"].shape[0]':
            'H = params["Wx"].shape[1]',
    }, ''),
]

VARIANTS = [
    Scenario('gradient-norms-preallocated-array', '5.5', {
        '    norms = [np.linalg.norm(d)]\n    for t in reversed(range(T)):\n'
        '        if activation == "tanh":\n            d = d * (1 - h[:, t] ** 2)\n'
        '        d = d @ Wh.T\n        norms.append(np.linalg.norm(d))\n    norms = np.array(norms)':
            '    norms = np.zeros(T + 1)\n    norms[0] = np.linalg.norm(d)\n'
            '    for k in range(1, T + 1):\n        if activation == "tanh":\n'
            '            d = d * (1 - h[:, T - k] ** 2)\n'
            '        d = d @ Wh.T\n        norms[k] = np.linalg.norm(d)',
    }, ''),
    Scenario('clip-norm-from-per-tensor-norms', '5.6', {
        'total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))':
            'total_norm = float(np.sqrt(sum(np.linalg.norm(g) ** 2 for g in grads.values())))',
    }, ''),
]
