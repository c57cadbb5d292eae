"""Eleventh held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-val-size-from-cumulative-fraction', '1.1', {
        'n_val = int(fractions[1] * n)':
            'n_val = int((fractions[0] + fractions[1]) * n)',
    }, ''),
    Scenario('split-sorts-whole-permutation-for-train', '1.1', {
        'train_idx = perm[:n_train]':
            'train_idx = np.sort(perm)[:n_train]',
    }, ''),
    Scenario('mse-grad-keeps-squared-residual', '1.2', {
        'grad = 2 * X.T @ r / X.shape[0]':
            'grad = X.T @ r**2 / X.shape[0]',
    }, ''),
    Scenario('least-squares-centres-inputs-and-targets', '1.3', {
        'w = np.linalg.lstsq(X, y, rcond=None)[0]':
            'w = np.linalg.lstsq(X - X.mean(axis=0), y - y.mean(), rcond=None)[0]',
    }, ''),
    Scenario('gd-steps-with-running-gradient-sum', '1.4', {
        '    for _ in range(steps):\n'
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '    grad_total = np.zeros_like(w)\n'
            '    for _ in range(steps):\n'
            '        loss, grad = mse_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        grad_total += grad\n'
            '        w = w - lr * grad_total',
    }, ''),
    Scenario('logistic-loss-adds-label-term', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(np.logaddexp(0, z) + y * z)',
    }, ''),
    Scenario('fit-logistic-rescales-features-inside', '1.6', {
        '    for _ in range(steps):\n        loss, grad = logistic_loss(w, X, y)':
            '    X = X / np.abs(X).max(axis=0)\n'
            '    for _ in range(steps):\n'
            '        loss, grad = logistic_loss(w, X, y)',
    }, ''),
    Scenario('poly-extra-bias-column', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.hstack([np.ones((len(x), 1)), x[:, None] ** np.arange(degree + 1)])',
    }, ''),
    Scenario('sweep-features-one-degree-too-high', '1.8', {
        'w = fit_least_squares(poly_features(x_train, d), y_train)':
            'w = fit_least_squares(poly_features(x_train, d + 1), y_train)',
        'train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))':
            'train_errors.append(np.mean((poly_features(x_train, d + 1) @ w - y_train) ** 2))',
        'val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))':
            'val_errors.append(np.mean((poly_features(x_val, d + 1) @ w - y_val) ** 2))',
    }, ''),
    Scenario('sweep-squares-the-mean-residual', '1.8', {
        'train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))':
            'train_errors.append(np.mean(poly_features(x_train, d) @ w - y_train) ** 2)',
        'val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))':
            'val_errors.append(np.mean(poly_features(x_val, d) @ w - y_val) ** 2)',
    }, ''),
]

VARIANTS = [
    Scenario('least-squares-star-unpacking', '1.3', {
        'w = np.linalg.lstsq(X, y, rcond=None)[0]':
            'w, *_ = np.linalg.lstsq(X, y, rcond=None)',
    }, ''),
    Scenario('sweep-best-by-list-index', '1.8', {
        'best_degree = degrees[int(np.argmin(val_errors))]':
            'best_degree = degrees[val_errors.index(min(val_errors))]',
    }, ''),
]
