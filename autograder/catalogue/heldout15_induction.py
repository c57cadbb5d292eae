"""Fifteenth held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-val-slice-one-too-long', '1.1', {
        'val_idx = perm[n_train:n_train + n_val]':
            'val_idx = perm[n_train:n_train + n_val + 1]',
    }, ''),
    Scenario('split-val-size-from-train-count', '1.1', {
        'n_val = int(fractions[1] * n)':
            'n_val = int(fractions[1] * n_train)',
    }, ''),
    Scenario('mse-loss-difference-of-squares', '1.2', {
        'loss = np.mean(r**2)':
            'loss = np.mean((X @ w) ** 2 - y ** 2)',
    }, ''),
    Scenario('least-squares-in-single-precision', '1.3', {
        'w = np.linalg.lstsq(X, y, rcond=None)[0]':
            'w = np.linalg.lstsq(X.astype(np.float32), y.astype(np.float32), rcond=None)[0]',
    }, ''),
    Scenario('gd-with-momentum', '1.4', {
        '    for _ in range(steps):\n'
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '    v = np.zeros_like(w)\n'
            '    for _ in range(steps):\n'
            '        loss, grad = mse_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        v = 0.9 * v + grad\n'
            '        w = w - lr * v',
    }, ''),
    Scenario('logistic-grad-copies-mse-factor-two', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = 2 * X.T @ (sigmoid(z) - y) / X.shape[0]',
    }, ''),
    Scenario('fit-logistic-steps-by-gradient-sign', '1.6', {
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, grad = logistic_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        w = w - lr * np.sign(grad)',
    }, ''),
    Scenario('poly-legendre-basis', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.polynomial.legendre.legvander(x, degree)',
    }, ''),
    Scenario('sweep-one-top-degree-fit-sliced', '1.8', {
        'w = fit_least_squares(poly_features(x_train, d), y_train)':
            'w = fit_least_squares(poly_features(x_train, max(degrees)), y_train)[:d + 1]',
    }, ''),
    Scenario('sweep-val-error-on-all-data', '1.8', {
        'val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))':
            'x_all_, y_all_ = np.concatenate([x_train, x_val]), np.concatenate([y_train, y_val])\n'
            '        val_errors.append(np.mean((poly_features(x_all_, d) @ w - y_all_) ** 2))',
    }, ''),
]

VARIANTS = [
    Scenario('split-test-taken-first', '1.1', {
        '    train_idx = perm[:n_train]\n'
        '    val_idx = perm[n_train:n_train + n_val]\n'
        '    test_idx = perm[n_train + n_val:]':
            '    n_test = n - n_train - n_val\n'
            '    test_idx = perm[:n_test]\n'
            '    train_idx = perm[n_test:n_test + n_train]\n'
            '    val_idx = perm[n_test + n_train:]',
    }, ''),
    Scenario('poly-exponents-from-linspace', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = x[:, None] ** np.linspace(0, degree, degree + 1)',
    }, ''),
]
