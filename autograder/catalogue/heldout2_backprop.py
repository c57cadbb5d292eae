"""Second held-out batch of module 02_backprop (issue 14): 9 new mistakes were written
before any diagnoser changed, shuffled with random.Random(1730).shuffle (a new Random per
module, in the order written) and every other one from the first (positions 0, 2, 4, ...) was
set aside here, measured once after the diagnosers were improved on the other half."""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('softmax-grad-not-averaged', '2.5', {
        'dlogits /= n':
            'dlogits /= 1',
    }, ''),
    Scenario('numgrad-precedence', '2.6', {
        'grad[i] = (fp - fm) / (2 * h)':
            'grad[i] = (fp - fm) / 2 * h',
    }, ''),
    Scenario('train-batch-one-short', '2.8', {
        'idx = order[start:start + batch_size]':
            'idx = order[start:start + batch_size - 1]',
    }, ''),
    Scenario('dx-averaged', '2.2', {
        'dx = dout @ w.T':
            'dx = dout @ w.T / x.shape[0]',
    }, ''),
    Scenario('relu-backward-missing-dout', '2.3', {
        'dx = dout * (x > 0)':
            'dx = (x > 0).astype(float)',
    }, ''),
]
