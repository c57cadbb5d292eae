"""Fifth held-out batch of module 05_rnn (issue 14): 7 mistakes and 1 variant.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('rnn-dwh-transposed', '5.1', {
        'dh_prev = da @ Wh.T\n    dWx = x.T @ da\n    dWh = h_prev.T @ da':
            'dh_prev = da @ Wh.T\n    dWx = x.T @ da\n    dWh = da.T @ h_prev',
    }, ''),
    Scenario('rnn-dh0-from-upstream-slot', '5.2', {
        'dh0 = dh_prev\n':
            'dh0 = dh[:, 0]\n',
    }, ''),
    Scenario('lstm-hidden-from-previous-cell', '5.3', {
        'tanh_c = np.tanh(c_next)':
            'tanh_c = np.tanh(c_prev)',
    }, ''),
    Scenario('lstm-di-dg-swapped', '5.3', {
        '    di = dc * g\n':
            '    di = dc * i\n',
        '    dg = dc * i\n':
            '    dg = dc * g\n',
    }, ''),
    Scenario('lstm-forward-cell-from-c0-each-step', '5.4', {
        'lstm_step_forward(x[:, t], h_prev, c_prev, Wx, Wh, b)':
            'lstm_step_forward(x[:, t], h_prev, c0, Wx, Wh, b)',
    }, ''),
    Scenario('gradient-norms-spectral-norm', '5.5', {
        'norms = [np.linalg.norm(d)]':
            'norms = [np.linalg.norm(d, 2)]',
        'norms.append(np.linalg.norm(d))':
            'norms.append(np.linalg.norm(d, 2))',
    }, ''),
    Scenario('clip-square-of-sum', '5.6', {
        'sum(np.sum(g**2) for g in grads.values())':
            'sum(np.sum(g)**2 for g in grads.values())',
    }, ''),
]

VARIANTS = [
    Scenario('gradient-norms-transposed-product', '5.5', {
        'd = d @ Wh.T':
            'd = (Wh @ d.T).T',
    }, ''),
]
