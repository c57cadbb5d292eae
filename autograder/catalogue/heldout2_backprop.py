"""Second held-out batch of module 02_backprop (issue 14): 9 new mistakes were written
before any diagnoser changed, shuffled with random.Random(1730).shuffle (a new Random per
module, in the order written) and every other one from the first (positions 0, 2, 4, ...) was
set aside here, measured once after the diagnosers were improved on the other half.
Hint phrases were filled in after that measurement; the module catalogue merges the
scenarios that have one (those still without a hint are not yet named)."""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('softmax-grad-not-averaged', '2.5', {
        'dlogits /= n':
            'dlogits /= 1',
    }, 'times too large: divide by N as the loss does'),
    Scenario('numgrad-precedence', '2.6', {
        'grad[i] = (fp - fm) / (2 * h)':
            'grad[i] = (fp - fm) / 2 * h',
    }, 'times h**2'),
    Scenario('train-batch-one-short', '2.8', {
        'idx = order[start:start + batch_size]':
            'idx = order[start:start + batch_size - 1]',
    }, 'does not visit every example exactly once'),
    Scenario('dx-averaged', '2.2', {
        'dx = dout @ w.T':
            'dx = dout @ w.T / x.shape[0]',
    }, 'divided by N once too often'),
    Scenario('relu-backward-missing-dout', '2.3', {
        'dx = dout * (x > 0)':
            'dx = (x > 0).astype(float)',
    }, 'the mask alone'),
]
