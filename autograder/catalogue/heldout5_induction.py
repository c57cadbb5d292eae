"""Fifth held-out batch of module 01_induction (issue 14): 7 mistakes and 1 variant.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-int-before-multiply', '1.1', {
        'n_train = int(fractions[0] * n)':
            'n_train = int(fractions[0]) * n',
    }, ''),
    Scenario('mse-grad-ignores-targets', '1.2', {
        'grad = 2 * X.T @ r / X.shape[0]':
            'grad = 2 * X.T @ (X @ w) / X.shape[0]',
    }, ''),
    Scenario('gd-step-with-summed-gradient', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, grad = mse_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        w = w - lr * grad * X.shape[0]',
    }, ''),
    Scenario('logistic-loss-labels-flipped', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(np.logaddexp(0, z) - (1 - y) * z)',
    }, ''),
    Scenario('fit-logistic-labels-as-pm1', '1.6', {
        'loss, grad = logistic_loss(w, X, y)':
            'loss, grad = logistic_loss(w, X, 2 * y - 1)',
    }, ''),
    Scenario('fit-logistic-starts-from-least-squares', '1.6', {
        '    for _ in range(steps):\n        loss, grad = logistic_loss(w, X, y)':
            '    w = fit_least_squares(X, y)\n'
            '    for _ in range(steps):\n'
            '        loss, grad = logistic_loss(w, X, y)',
    }, ''),
    Scenario('sweep-chooses-by-train-plus-val', '1.8', {
        'best_degree = degrees[int(np.argmin(val_errors))]':
            'best_degree = degrees[int(np.argmin(np.array(train_errors) + np.array(val_errors)))]',
    }, ''),
]

VARIANTS = [
    Scenario('logistic-grad-sigmoid-via-tanh', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = X.T @ (0.5 * (1 + np.tanh(z / 2)) - y) / X.shape[0]',
    }, ''),
]
