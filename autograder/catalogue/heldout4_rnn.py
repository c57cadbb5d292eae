"""Fourth held-out batch of module 05_rnn (issue 14): 7 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-sigmoid-derivative-for-tanh', '5.1', {
        'da = dh_next * (1 - h_next**2)':
            'da = dh_next * h_next * (1 - h_next)',
    }, ''),
    Scenario('rnn-backward-caches-reversed', '5.2', {
        'rnn_step_backward(dh[:, t] + dh_prev, cache[t])':
            'rnn_step_backward(dh[:, t] + dh_prev, cache[T - 1 - t])',
    }, ''),
    Scenario('lstm-dc-missing-output-gate', '5.3', {
        'dc = dc_next + dh_next * o * (1 - tanh_c**2)':
            'dc = dc_next + dh_next * (1 - tanh_c**2)',
    }, ''),
    Scenario('lstm-backward-unpacks-dh-dc-swapped', '5.4', {
        'dx_t, dh_prev, dc_prev, dWx_t, dWh_t, db_t = lstm_step_backward(':
            'dx_t, dc_prev, dh_prev, dWx_t, dWh_t, db_t = lstm_step_backward(',
    }, ''),
    Scenario('gradient-norms-forward-time-order', '5.5', {
        '    for t in reversed(range(T)):\n'
        '        if activation':
            '    for t in range(T):\n'
            '        if activation',
    }, ''),
    Scenario('clip-values-not-norm', '5.6', {
        'clipped = {k: g * scale for k, g in grads.items()}':
            'clipped = {k: np.clip(g, -max_norm, max_norm) for k, g in grads.items()}',
    }, ''),
    Scenario('classifier-reads-first-step', '5.7', {
        'linear_forward(h[:, -1], params["Wy"], params["by"])':
            'linear_forward(h[:, 0], params["Wy"], params["by"])',
    }, ''),
]

VARIANTS = [
    Scenario('clip-norm-of-flattened-gradients', '5.6', {
        'total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))':
            'total_norm = float(np.linalg.norm(np.concatenate([g.ravel() for g in grads.values()])))',
    }, ''),
    Scenario('gradient-norms-counted-index', '5.5', {
        '    for t in reversed(range(T)):\n'
        '        if activation':
            '    for k in range(T):\n'
            '        t = T - 1 - k\n'
            '        if activation',
    }, ''),
]
