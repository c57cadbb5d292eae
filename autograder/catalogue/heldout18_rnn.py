"""Eighteenth held-out batch of module 05_rnn (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-step-tanh-derivative-negated', '5.1', {
        'da = dh_next * (1 - h_next**2)':
            'da = dh_next * (h_next**2 - 1)',
    }, ''),
    Scenario('rnn-forward-state-stored-after-loop', '5.2', {
        '        h[:, t] = h_prev\n        cache.append(step_cache)\n'
        '    ### END SOLUTION\n    return h, cache':
            '        cache.append(step_cache)\n    h[:, t] = h_prev\n'
            '    ### END SOLUTION\n    return h, cache',
    }, ''),
    Scenario('lstm-candidate-squashed-twice', '5.3', {
        'c_next = f * c_prev + i * g':
            'c_next = f * c_prev + i * np.tanh(g)',
    }, ''),
    Scenario('lstm-dc-drops-incoming-cell-gradient', '5.3', {
        'dc = dc_next + dh_next * o * (1 - tanh_c**2)':
            'dc = dh_next * o * (1 - tanh_c**2)',
    }, ''),
    Scenario('lstm-step-backward-gates-joined-on-batch-axis', '5.3', {
        'dg * (1 - g**2)],\n                        axis=1)':
            'dg * (1 - g**2)],\n                        axis=0)',
    }, ''),
    Scenario('lstm-forward-cell-states-never-stored', '5.4', {
        '        h[:, t] = h_prev\n        c[:, t] = c_prev\n':
            '        h[:, t] = h_prev\n',
    }, ''),
    Scenario('lstm-backward-cell-carry-added-to-hidden-upstream', '5.4', {
        'dh[:, t] + dh_prev, dc_prev, cache[t])':
            'dh[:, t] + dc_prev, dc_prev, cache[t])',
    }, ''),
    Scenario('gradient-norms-sum-of-example-norms', '5.5', {
        '    norms = [np.linalg.norm(d)]':
            '    norms = [np.linalg.norm(d, axis=1).sum()]',
        '        norms.append(np.linalg.norm(d))':
            '        norms.append(np.linalg.norm(d, axis=1).sum())',
    }, ''),
    Scenario('clip-scale-from-squared-norm', '5.6', {
        '    total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))\n'
        '    scale = 1.0\n    if total_norm > max_norm:\n        scale = max_norm / total_norm':
            '    sq = sum(np.sum(g**2) for g in grads.values())\n'
            '    total_norm = float(np.sqrt(sq))\n'
            '    scale = 1.0\n    if total_norm > max_norm:\n        scale = max_norm / sq',
    }, ''),
    Scenario('classifier-bias-grads-swapped', '5.7', {
        '"b": db, "Wy": dWy, "by": dby}':
            '"b": dby, "Wy": dWy, "by": db}',
    }, ''),
]

VARIANTS = [
    Scenario('gradient-norms-derivative-factor-precomputed', '5.5', {
        '    for t in reversed(range(T)):\n        if activation == "tanh":\n'
        '            d = d * (1 - h[:, t] ** 2)\n        d = d @ Wh.T':
            '    deriv = 1 - h ** 2 if activation == "tanh" else np.ones_like(h)\n'
            '    for t in range(T - 1, -1, -1):\n        d = (d * deriv[:, t]) @ Wh.T',
    }, ''),
    Scenario('clip-scale-with-small-epsilon', '5.6', {
        'scale = max_norm / total_norm':
            'scale = max_norm / (total_norm + 1e-6)',
    }, ''),
]
