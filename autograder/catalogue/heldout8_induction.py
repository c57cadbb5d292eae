"""Eighth held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-val-gets-the-remainder', '1.1', {
        '    n_val = int(fractions[1] * n)\n':
            '    n_test = int(fractions[2] * n)\n'
            '    n_val = n - n_train - n_test\n',
    }, ''),
    Scenario('mse-loss-variance-of-residuals', '1.2', {
        'loss = np.mean(r**2)':
            'loss = np.var(r)',
    }, ''),
    Scenario('mse-grad-mean-over-wrong-axis', '1.2', {
        'grad = 2 * X.T @ r / X.shape[0]':
            'grad = 2 * np.mean(X * r[:, None], axis=1)',
    }, ''),
    Scenario('least-squares-coarse-rcond', '1.3', {
        'w = np.linalg.lstsq(X, y, rcond=None)[0]':
            'w = np.linalg.lstsq(X, y, rcond=1e-6)[0]',
    }, ''),
    Scenario('gd-weights-reset-every-step', '1.4', {
        '    for _ in range(steps):\n        loss, grad = mse_loss(w, X, y)':
            '    for _ in range(steps):\n'
            '        w = np.zeros(X.shape[1])\n'
            '        loss, grad = mse_loss(w, X, y)',
    }, ''),
    Scenario('logistic-grad-product-of-means', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = X.mean(axis=0) * np.mean(sigmoid(z) - y)',
    }, ''),
    Scenario('fit-logistic-step-without-lr', '1.6', {
        '        loss, grad = logistic_loss(w, X, y)\n        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, grad = logistic_loss(w, X, y)\n        losses.append(loss)\n'
            '        w -= grad',
    }, ''),
    Scenario('poly-loop-stops-one-power-short', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.ones((len(x), degree + 1))\n'
            '    for k in range(1, degree):\n'
            '        Phi[:, k] = x ** k',
    }, ''),
    Scenario('sweep-positions-used-as-degrees', '1.8', {
        '    for d in degrees:\n        w = fit_least_squares(poly_features(x_train, d), y_train)':
            '    for d in range(len(degrees)):\n'
            '        w = fit_least_squares(poly_features(x_train, d), y_train)',
    }, ''),
    Scenario('sweep-returns-smallest-error', '1.8', {
        'best_degree = degrees[int(np.argmin(val_errors))]':
            'best_degree = min(val_errors)',
    }, ''),
]

VARIANTS = [
    Scenario('logistic-loss-as-two-means', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(np.logaddexp(0, z)) - np.mean(y * z)',
    }, ''),
    Scenario('poly-by-polyvander', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.polynomial.polynomial.polyvander(x, degree)',
    }, ''),
]
