"""Held-out mistakes of module 01_induction (issue 14): half of the new mistakes, split at random
(random.Random(1414).shuffle per module) and set aside while the diagnosers were designed;
measured before being merged into the catalogue."""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('gd-normalised-step', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, grad = mse_loss(w, X, y)\n        losses.append(loss)\n'
            '        w = w - lr * grad / np.linalg.norm(grad)',
    }, 'the first update is already wrong'),
    Scenario('sweep-fits-on-validation', '1.8', {
        'w = fit_least_squares(poly_features(x_train, d), y_train)':
            'w = fit_least_squares(poly_features(x_val, d), y_val)',
    }, 'fit on the validation set'),
    Scenario('logistic-clipped-probabilities', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'p = np.clip(sigmoid(z), 1e-7, 1 - 1e-7)\n'
            '    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))',
    }, 'large'),
    Scenario('split-val-uses-test-fraction', '1.1', {
        'n_val = int(fractions[1] * n)':
            'n_val = int(fractions[2] * n)',
    }, 'val_idx has'),
]
