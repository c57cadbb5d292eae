"""Tenth held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-test-starts-after-train', '1.1', {
        'test_idx = perm[n_train + n_val:]':
            'test_idx = perm[n_train:]',
    }, ''),
    Scenario('mse-grad-summed-to-a-scalar', '1.2', {
        'grad = 2 * X.T @ r / X.shape[0]':
            'grad = 2 * np.sum(X * r[:, None]) / X.shape[0]',
    }, ''),
    Scenario('mse-loss-root-mean-square', '1.2', {
        'loss = np.mean(r**2)':
            'loss = np.sqrt(np.mean(r**2))',
    }, ''),
    Scenario('least-squares-adds-own-intercept', '1.3', {
        'w = np.linalg.lstsq(X, y, rcond=None)[0]':
            'Xb = np.column_stack([np.ones(X.shape[0]), X])\n'
            '    w = np.linalg.lstsq(Xb, y, rcond=None)[0][1:]',
    }, ''),
    Scenario('gd-records-gradient-norm', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, grad = mse_loss(w, X, y)\n'
            '        losses.append(float(np.linalg.norm(grad)))\n'
            '        w = w - lr * grad',
    }, ''),
    Scenario('logistic-loss-negated', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = -np.mean(np.logaddexp(0, z) - y * z)',
    }, ''),
    Scenario('logistic-grad-sigmoid-of-difference', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = X.T @ sigmoid(z - y) / X.shape[0]',
    }, ''),
    Scenario('fit-logistic-records-accuracy', '1.6', {
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)':
            '        loss, grad = logistic_loss(w, X, y)\n'
            '        losses.append(float(np.mean((X @ w > 0) == y)))',
    }, ''),
    Scenario('poly-columns-scaled-to-unit-max', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = x[:, None] ** np.arange(degree + 1)\n'
            '    Phi = Phi / np.abs(Phi).max(axis=0)',
    }, ''),
    Scenario('sweep-slices-top-degree-features-one-short', '1.8', {
        '    train_errors, val_errors = [], []\n'
        '    for d in degrees:\n'
        '        w = fit_least_squares(poly_features(x_train, d), y_train)\n'
        '        train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))\n'
        '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))':
            '    train_errors, val_errors = [], []\n'
            '    P_tr = poly_features(x_train, max(degrees))\n'
            '    P_va = poly_features(x_val, max(degrees))\n'
            '    for d in degrees:\n'
            '        w = fit_least_squares(P_tr[:, :d], y_train)\n'
            '        train_errors.append(np.mean((P_tr[:, :d] @ w - y_train) ** 2))\n'
            '        val_errors.append(np.mean((P_va[:, :d] @ w - y_val) ** 2))',
    }, ''),
]

VARIANTS = [
    Scenario('logistic-loss-softplus-of-minus-z-plus-rest', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(np.logaddexp(0, -z) + (1 - y) * z)',
    }, ''),
    Scenario('sweep-by-polyfit', '1.8', {
        '        w = fit_least_squares(poly_features(x_train, d), y_train)\n'
        '        train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))\n'
        '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))':
            '        coef = np.polyfit(x_train, y_train, d)\n'
            '        train_errors.append(np.mean((np.polyval(coef, x_train) - y_train) ** 2))\n'
            '        val_errors.append(np.mean((np.polyval(coef, x_val) - y_val) ** 2))',
    }, ''),
]
