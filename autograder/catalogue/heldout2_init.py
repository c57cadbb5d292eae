"""Second held-out batch of module 03_init (issue 14): 10 new mistakes were written
before any diagnoser changed, shuffled with random.Random(1730).shuffle (a new Random per
module, in the order written) and every other one from the first (positions 0, 2, 4, ...) was
set aside here, measured once after the diagnosers were improved on the other half.
Hint phrases were filled in after that measurement; the module catalogue merges the
scenarios that have one (those still without a hint are not yet named)."""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('predicted-weight-std-not-squared-deeper', '3.1', {
        'var = var * width * weight_std**2 * gain2':
            'var = var * width * weight_std * gain2',
    }, 'wrong from layer 1 on'),
    Scenario('stats-mean-of-unit-stds', '3.6', {
        'std = np.array([h.std() for h in hidden])':
            'std = np.array([h.std(axis=0).mean() for h in hidden])',
    }, 'the mean of per-column values where one std over all entries belongs'),
    Scenario('predicted-input-std-not-squared', '3.1', {
        'var = width * weight_std**2 * input_std**2':
            'var = width * weight_std**2 * input_std',
    }, '1/sqrt(input_std)'),
    Scenario('xavier-sqrt-of-numerator-only', '3.3', {
        'np.sqrt(2.0 / (fan_in + fan_out))':
            'np.sqrt(2.0) / (fan_in + fan_out)',
    }, 'written as `np.sqrt(2.0) / (fan_in + fan_out)`'),
    Scenario('he-uses-xavier-fans', '3.4', {
        'np.sqrt(2.0 / fan_in)':
            'np.sqrt(2.0 / (fan_in + fan_out))',
    }, "this is Xavier's"),
]
