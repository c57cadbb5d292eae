"""Held-out mistakes of module 05_rnn (issue 14): half of the new mistakes, split at random
(random.Random(1414).shuffle per module) and set aside while the diagnosers were designed;
measured before being merged into the catalogue."""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('clip-scale-inverted', '5.6', {
        'scale = max_norm / total_norm':
            'scale = total_norm / max_norm',
    }, 'max_norm / total_norm'),
    Scenario('lstm-backward-dx-reversed-time', '5.4', {
        'dx[:, t] = dx_t':
            'dx[:, T - 1 - t] = dx_t',
    }, 'belongs to step t'),
    Scenario('gradient-norms-tanh-of-previous-step', '5.5', {
        'd = d * (1 - h[:, t] ** 2)':
            'd = d * (1 - h[:, t - 1] ** 2)',
    }, 'step'),
    Scenario('lstm-output-gate-no-sigmoid-derivative', '5.3', {
        'do * o * (1 - o)':
            'do',
    }, 'belong to the output gate o'),
    Scenario('rnn-step-tanh-of-h-next', '5.1', {
        'da = dh_next * (1 - h_next**2)':
            'da = dh_next * (1 - np.tanh(h_next)**2)',
    }, 'not 1 - tanh(h_next)**2'),
]
