"""Twenty-third held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-backward-squares-cached-output-in-place', '5.1', {
        '    da = dh_next * (1 - h_next**2)\n':
            '    h_sq = h_next\n'
            '    h_sq **= 2\n'
            '    da = dh_next * (1 - h_sq)\n',
    }, ''),
    Scenario('rnn-backward-dx-reshaped-from-time-major', '5.2', {
        '    dx = np.stack(dx_steps[::-1], axis=1)\n':
            '    dx = np.array(dx_steps[::-1]).reshape(N, T, -1)\n',
    }, ''),
    Scenario('rnn-backward-skips-steps-without-upstream', '5.2', {
        '        dx_t, dh_prev, dWx_t, dWh_t, db_t = rnn_step_backward(dh[:, t] + dh_prev, cache[t])\n':
            '        if not dh[:, t].any():\n'
            '            continue\n'
            '        dx_t, dh_prev, dWx_t, dWh_t, db_t = rnn_step_backward(dh[:, t] + dh_prev, cache[t])\n',
    }, ''),
    Scenario('lstm-step-backward-adds-into-incoming-cell-gradient', '5.3', {
        '    dc = dc_next + dh_next * o * (1 - tanh_c**2)\n':
            '    dc = dc_next\n'
            '    dc += dh_next * o * (1 - tanh_c**2)\n',
    }, ''),
    Scenario('lstm-cell-tanh-derivative-taken-at-hidden-output', '5.3', {
        'dc = dc_next + dh_next * o * (1 - tanh_c**2)':
            'dc = dc_next + dh_next * o * (1 - (o * tanh_c)**2)',
    }, ''),
    Scenario('lstm-backward-cell-carry-gated-by-forget-again', '5.4', {
        '            dh[:, t] + dh_prev, dc_prev, cache[t])\n':
            '            dh[:, t] + dh_prev, dc_prev, cache[t])\n'
            '        f_t = cache[t][6]\n'
            '        dc_prev = f_t * dc_prev\n',
    }, ''),
    Scenario('gradient-norms-recurrent-matrix-not-transposed', '5.5', {
        'd = d @ Wh.T':
            'd = d @ Wh',
    }, ''),
    Scenario('gradient-norms-first-sequence-only', '5.5', {
        '    norms = [np.linalg.norm(d)]':
            '    norms = [np.linalg.norm(d[0])]',
        '        norms.append(np.linalg.norm(d))':
            '        norms.append(np.linalg.norm(d[0]))',
    }, ''),
    Scenario('clip-scale-by-floor-division', '5.6', {
        'scale = max_norm / total_norm':
            'scale = max_norm // total_norm',
    }, ''),
    Scenario('classifier-last-state-squeezed', '5.7', {
        'linear_forward(h[:, -1], params["Wy"], params["by"])':
            'linear_forward(h[:, -1:].squeeze(), params["Wy"], params["by"])',
    }, ''),
]

VARIANTS = [
    Scenario('clip-squares-accumulated-in-loop', '5.6', {
        '    total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))\n':
            '    sq = 0.0\n'
            '    for g in grads.values():\n'
            '        sq += np.sum(g**2)\n'
            '    total_norm = float(np.sqrt(sq))\n',
    }, ''),
    Scenario('classifier-output-layer-written-out', '5.7', {
        '    scores, out_cache = linear_forward(h[:, -1], params["Wy"], params["by"])\n'
        '    loss, dscores = softmax_cross_entropy(scores, y)\n'
        '    dh_last, dWy, dby = linear_backward(dscores, out_cache)\n':
            '    h_last = h[:, -1]\n'
            '    scores = h_last @ params["Wy"] + params["by"]\n'
            '    loss, dscores = softmax_cross_entropy(scores, y)\n'
            '    dh_last = dscores @ params["Wy"].T\n'
            '    dWy = h_last.T @ dscores\n'
            '    dby = dscores.sum(axis=0)\n',
    }, ''),
]
