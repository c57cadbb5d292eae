"""Fourteenth held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-val-and-test-slices-swapped', '1.1', {
        '    val_idx = perm[n_train:n_train + n_val]\n    test_idx = perm[n_train + n_val:]\n':
            '    val_idx = perm[n_train + n_val:]\n    test_idx = perm[n_train:n_train + n_val]\n',
    }, ''),
    Scenario('mse-divides-by-n-minus-one', '1.2', {
        '    loss = np.mean(r**2)\n    grad = 2 * X.T @ r / X.shape[0]\n':
            '    loss = np.sum(r**2) / (len(y) - 1)\n    grad = 2 * X.T @ r / (len(y) - 1)\n',
    }, ''),
    Scenario('least-squares-solves-first-d-rows', '1.3', {
        '    w = np.linalg.lstsq(X, y, rcond=None)[0]\n':
            '    d = X.shape[1]\n    w = np.linalg.solve(X[:d], y[:d])\n',
    }, ''),
    Scenario('gd-step-copies-warm-up-factor-two', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad\n':
            '        loss, grad = mse_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        w = w - lr * 2 * grad\n',
    }, ''),
    Scenario('logistic-loss-label-term-as-dot-product', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(np.logaddexp(0, z) - y @ z)',
    }, ''),
    Scenario('logistic-grad-from-rounded-predictions', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = X.T @ (np.round(sigmoid(z)) - y) / X.shape[0]',
    }, ''),
    Scenario('fit-logistic-records-loss-grad-tuples', '1.6', {
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad\n':
            '        out = logistic_loss(w, X, y)\n'
            '        losses.append(out)\n'
            '        w = w - lr * out[1]\n',
    }, ''),
    Scenario('poly-recurrence-multiplies-by-one-entry', '1.7', {
        '    Phi = x[:, None] ** np.arange(degree + 1)\n':
            '    Phi = np.ones((len(x), degree + 1))\n'
            '    for k in range(1, degree + 1):\n'
            '        Phi[:, k] = Phi[:, k - 1] * x[k]\n',
    }, ''),
    Scenario('sweep-error-lists-reset-per-degree', '1.8', {
        '    train_errors, val_errors = [], []\n    for d in degrees:\n':
            '    for d in degrees:\n        train_errors, val_errors = [], []\n',
    }, ''),
    Scenario('sweep-polyfit-coefficients-with-own-features', '1.8', {
        '        w = fit_least_squares(poly_features(x_train, d), y_train)\n':
            '        w = np.polyfit(x_train, y_train, d)\n',
    }, ''),
]

VARIANTS = [
    Scenario('logistic-loss-where-on-label', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(np.where(y == 1, np.logaddexp(0, -z), np.logaddexp(0, z)))',
    }, ''),
    Scenario('sweep-errors-by-polyval-of-reversed-weights', '1.8', {
        '        train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))\n'
        '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))\n':
            '        train_errors.append(np.mean((np.polyval(w[::-1], x_train) - y_train) ** 2))\n'
            '        val_errors.append(np.mean((np.polyval(w[::-1], x_val) - y_val) ** 2))\n',
    }, ''),
]
