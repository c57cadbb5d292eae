"""Twenty-second held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-backward-scales-upstream-in-place', '5.1', {
        'da = dh_next * (1 - h_next**2)':
            'dh_next *= 1 - h_next**2\n    da = dh_next',
    }, ''),
    Scenario('rnn-backward-pops-step-caches', '5.2', {
        'rnn_step_backward(dh[:, t] + dh_prev, cache[t])':
            'rnn_step_backward(dh[:, t] + dh_prev, cache.pop())',
    }, ''),
    Scenario('rnn-backward-first-step-recurrent-grad-skipped', '5.2', {
        '        dWh = dWh + dWh_t\n        db = db + db_t\n    dx = np.stack':
            '        if t > 0:\n            dWh = dWh + dWh_t\n        db = db + db_t\n    dx = np.stack',
    }, ''),
    Scenario('lstm-forget-gate-copy-pasted-input-slice', '5.3', {
        'f = sigmoid(a[:, H:2 * H])':
            'f = sigmoid(a[:, 0:H])',
    }, ''),
    Scenario('lstm-forget-grad-times-forget-gate', '5.3', {
        'df = dc * c_prev':
            'df = dc * f',
    }, ''),
    Scenario('lstm-backward-dc-last-added-to-dc0', '5.4', {
        '    dc_prev = np.zeros((N, H)) if dc_last is None else dc_last\n':
            '    dc_prev = np.zeros((N, H))\n',
        '    dh0, dc0 = dh_prev, dc_prev\n':
            '    dh0, dc0 = dh_prev, dc_prev if dc_last is None else dc_prev + dc_last\n',
    }, ''),
    Scenario('gradient-norms-derivative-applied-after-matmul', '5.5', {
        '        if activation == "tanh":\n            d = d * (1 - h[:, t] ** 2)\n        d = d @ Wh.T':
            '        d = d @ Wh.T\n        if activation == "tanh":\n            d = d * (1 - h[:, t] ** 2)',
    }, ''),
    Scenario('clip-min-formula-divides-by-zero-norm', '5.6', {
        '    scale = 1.0\n    if total_norm > max_norm:\n        scale = max_norm / total_norm\n':
            '    scale = min(1.0, max_norm / total_norm)\n',
    }, ''),
    Scenario('clip-returns-flattened-gradients', '5.6', {
        '    total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))\n':
            '    flat = [g.ravel() for g in grads.values()]\n'
            '    total_norm = float(np.linalg.norm(np.concatenate(flat)))\n',
        'clipped = {k: g * scale for k, g in grads.items()}':
            'clipped = {k: f * scale for k, f in zip(grads, flat)}',
    }, ''),
    Scenario('classifier-output-gradient-sent-to-every-step', '5.7', {
        '    dh = np.zeros_like(h)\n    dh[:, -1] = dh_last\n':
            '    dh = np.zeros_like(h) + dh_last[:, None, :]\n',
    }, ''),
]

VARIANTS = [
    Scenario('rnn-step-tanh-written-into-preactivation-buffer', '5.1', {
        '    h_next = np.tanh(x @ Wx + h_prev @ Wh + b)\n':
            '    a = x @ Wx + h_prev @ Wh + b\n    h_next = np.tanh(a, out=a)\n',
    }, ''),
    Scenario('rnn-backward-dx-reversed-after-stacking', '5.2', {
        'dx = np.stack(dx_steps[::-1], axis=1)':
            'dx = np.stack(dx_steps, axis=1)[:, ::-1]',
    }, ''),
]
