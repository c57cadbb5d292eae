"""Fourteenth held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-relu-activation', '5.1', {
        'h_next = np.tanh(x @ Wx + h_prev @ Wh + b)':
            'h_next = np.maximum(0, x @ Wx + h_prev @ Wh + b)',
    }, ''),
    Scenario('rnn-step-local-derivative-only', '5.1', {
        'da = dh_next * (1 - h_next**2)':
            'da = 1 - h_next**2',
    }, ''),
    Scenario('rnn-backward-upstream-only-at-last-step', '5.2', {
        'rnn_step_backward(dh[:, t] + dh_prev, cache[t])':
            'rnn_step_backward(dh[:, t] if t == T - 1 else dh_prev, cache[t])',
    }, ''),
    Scenario('lstm-output-gate-inside-tanh', '5.3', {
        'h_next = o * tanh_c':
            'h_next = np.tanh(o * c_next)',
    }, ''),
    Scenario('lstm-output-gate-grad-from-previous-cell', '5.3', {
        'do = dh_next * tanh_c':
            'do = dh_next * np.tanh(c_prev)',
    }, ''),
    Scenario('lstm-forward-runs-backwards-in-time', '5.4', {
        '    for t in range(T):\n        h_prev, c_prev, step_cache = lstm_step_forward(':
            '    for t in reversed(range(T)):\n        h_prev, c_prev, step_cache = lstm_step_forward(',
    }, ''),
    Scenario('lstm-backward-step-called-with-dc-then-dh', '5.4', {
        'lstm_step_backward(\n            dh[:, t] + dh_prev, dc_prev, cache[t])':
            'lstm_step_backward(\n            dc_prev, dh[:, t] + dh_prev, cache[t])',
    }, ''),
    Scenario('gradient-norms-tanh-derivative-square-dropped', '5.5', {
        'd = d * (1 - h[:, t] ** 2)':
            'd = d * (1 - h[:, t])',
    }, ''),
    Scenario('clip-norm-skips-bias-vectors', '5.6', {
        'total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))':
            'total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values() if g.ndim > 1)))',
    }, ''),
    Scenario('classifier-backward-given-one-step-sequence', '5.7', {
        '    dh = np.zeros_like(h)\n    dh[:, -1] = dh_last\n'
        '    _, _, _, dWx, dWh, db = lstm_backward(dh, cache)':
            '    _, _, _, dWx, dWh, db = lstm_backward(dh_last[:, None, :], cache)',
    }, ''),
]

VARIANTS = [
    Scenario('lstm-backward-countdown-range', '5.4', {
        '    for t in reversed(range(T)):\n        dx_t, dh_prev, dc_prev':
            '    for t in range(T - 1, -1, -1):\n        dx_t, dh_prev, dc_prev',
    }, ''),
    Scenario('classifier-hidden-size-from-gate-columns', '5.7', {
        'H = params["Wh"].shape[0]':
            'H = params["Wx"].shape[1] // 4',
    }, ''),
]
