"""Second held-out batch of module 05_rnn (issue 14): 11 new mistakes were written
before any diagnoser changed, shuffled with random.Random(1730).shuffle (a new Random per
module, in the order written) and every other one from the first (positions 0, 2, 4, ...) was
set aside here, measured once after the diagnosers were improved on the other half.
Hint phrases were filled in after that measurement; the module catalogue merges the
scenarios that have one (those still without a hint are not yet named)."""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('gradient-norms-tanh-of-h', '5.5', {
        'd = d * (1 - h[:, t] ** 2)':
            'd = d * (1 - np.tanh(h[:, t]) ** 2)',
    }, 'not 1 - tanh(h_t)**2'),
    Scenario('classifier-features-from-cell', '5.7', {
        'h, _, cache = lstm_forward(x, zeros, zeros,':
            '_, h, cache = lstm_forward(x, zeros, zeros,',
    }, 'values unpacked in the wrong order'),
    Scenario('lstm-dc0-copy-paste', '5.4', {
        'dh0, dc0 = dh_prev, dc_prev':
            'dh0, dc0 = dh_prev, dh_prev',
    }, 'dc0 equals your dh0'),
    Scenario('clip-sum-of-norms', '5.6', {
        'total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))':
            'total_norm = float(sum(np.linalg.norm(g) for g in grads.values()))',
    }, ''),
    Scenario('rnn-forward-ignores-h0', '5.2', {
        '    cache = []\n    h_prev = h0\n':
            '    cache = []\n    h_prev = np.zeros_like(h0)\n',
    }, 'ignoring the argument `h0`'),
    Scenario('rnn-backward-forward-order', '5.2', {
        '    for t in reversed(range(T)):\n        dx_t, dh_prev, dWx_t':
            '    for t in range(T):\n        dx_t, dh_prev, dWx_t',
    }, 'the loop runs in the wrong direction'),
]
