"""Third held-out batch of module 05_rnn (issue 14), 8 of 16 mistakes.

16 new mistakes were written blind (without reading the feedback code, the
catalogue's hints or any check's output on them), kept in the order written,
shuffled with random.Random(2611).shuffle (a new Random per module) and split:
positions 0, 2, 4, ... are held out (heldout3_rnn.py), positions 1, 3, 5, ...
are the design half (design3_rnn.py). Hints are empty until measured.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('lstm-candidate-through-sigmoid', '5.3', {
        'g = np.tanh(a[:, 3 * H:4 * H])':
            'g = sigmoid(a[:, 3 * H:4 * H])',
    }, ''),
    Scenario('rnn-step-dh-prev-skips-tanh', '5.1', {
        'dh_prev = da @ Wh.T\n'
        '    dWx':
            'dh_prev = dh_next @ Wh.T\n'
            '    dWx',
    }, ''),
    Scenario('lstm-forward-stores-h-as-c', '5.4', {
        'c[:, t] = c_prev':
            'c[:, t] = h_prev',
    }, ''),
    Scenario('clip-norm-without-sqrt', '5.6', {
        'total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))':
            'total_norm = float(sum(np.sum(g**2) for g in grads.values()))',
    }, ''),
    Scenario('lstm-output-gate-grad-from-cell', '5.3', {
        'do = dh_next * tanh_c':
            'do = dc * tanh_c',
    }, ''),
    Scenario('rnn-step-bias-outside-tanh', '5.1', {
        'h_next = np.tanh(x @ Wx + h_prev @ Wh + b)':
            'h_next = np.tanh(x @ Wx + h_prev @ Wh) + b',
    }, ''),
    Scenario('gradient-norms-mean-per-example', '5.5', {
        '    norms = [np.linalg.norm(d)]':
            '    norms = [np.linalg.norm(d, axis=1).mean()]',
        '        norms.append(np.linalg.norm(d))':
            '        norms.append(np.linalg.norm(d, axis=1).mean())',
    }, ''),
    Scenario('lstm-hidden-without-tanh-of-cell', '5.3', {
        'h_next = o * tanh_c':
            'h_next = o * c_next',
    }, ''),
]
