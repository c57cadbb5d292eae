"""Sixteenth held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-one-based-indices', '1.1', {
        'perm = rng.permutation(n)':
            'perm = rng.permutation(np.arange(1, n + 1))',
    }, ''),
    Scenario('split-test-skips-one-index', '1.1', {
        'test_idx = perm[n_train + n_val:]':
            'test_idx = perm[n_train + n_val + 1:]',
    }, ''),
    Scenario('mse-targets-reshaped-to-column', '1.2', {
        '    r = X @ w - y\n    loss = np.mean(r**2)':
            '    y = y.reshape(-1, 1)\n    r = X @ w - y\n    loss = np.mean(r**2)',
    }, ''),
    Scenario('least-squares-unscaled-by-matrix-norm', '1.3', {
        'w = np.linalg.lstsq(X, y, rcond=None)[0]':
            'scale = np.linalg.norm(X, axis=0)\n'
            '    w = np.linalg.lstsq(X / scale, y, rcond=None)[0] / np.linalg.norm(X)',
    }, ''),
    Scenario('gd-own-gradient-without-two', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, _ = mse_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        w = w - lr * X.T @ (X @ w - y) / len(y)',
    }, ''),
    Scenario('logistic-softplus-as-relu', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(np.maximum(0, z) - y * z)',
    }, ''),
    Scenario('logistic-grad-over-feature-count', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = X.T @ (sigmoid(z) - y) / X.shape[1]',
    }, ''),
    Scenario('fit-logistic-shrinks-lr-each-step', '1.6', {
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, grad = logistic_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        w = w - lr * grad\n'
            '        lr = lr * 0.99',
    }, ''),
    Scenario('poly-centres-input', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'x = x - x.mean()\n'
            '    Phi = x[:, None] ** np.arange(degree + 1)',
    }, ''),
    Scenario('sweep-features-built-once-before-loop', '1.8', {
        '    train_errors, val_errors = [], []\n'
        '    for d in degrees:\n'
        '        w = fit_least_squares(poly_features(x_train, d), y_train)\n'
        '        train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))\n'
        '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))':
            '    train_errors, val_errors = [], []\n'
            '    P_tr = poly_features(x_train, degrees[0])\n'
            '    P_va = poly_features(x_val, degrees[0])\n'
            '    for d in degrees:\n'
            '        w = fit_least_squares(P_tr, y_train)\n'
            '        train_errors.append(np.mean((P_tr @ w - y_train) ** 2))\n'
            '        val_errors.append(np.mean((P_va @ w - y_val) ** 2))',
    }, ''),
]

VARIANTS = [
    Scenario('poly-ones-column-then-powers', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.hstack([np.ones((len(x), 1)), x[:, None] ** np.arange(1, degree + 1)])',
    }, ''),
    Scenario('sweep-errors-by-mse-loss', '1.8', {
        '        train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))\n'
        '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))':
            '        train_errors.append(mse_loss(w, poly_features(x_train, d), y_train)[0])\n'
            '        val_errors.append(mse_loss(w, poly_features(x_val, d), y_val)[0])',
    }, ''),
]
