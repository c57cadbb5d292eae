"""Seventh held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-test-size-from-its-fraction', '1.1', {
        'test_idx = perm[n_train + n_val:]':
            'n_test = int(fractions[2] * n)\n'
            '    test_idx = perm[n_train + n_val:n_train + n_val + n_test]',
    }, ''),
    Scenario('mse-loss-absolute-residual', '1.2', {
        'loss = np.mean(r**2)':
            'loss = np.mean(np.abs(r))',
    }, ''),
    Scenario('mse-grad-two-on-first-term-only', '1.2', {
        'grad = 2 * X.T @ r / X.shape[0]':
            'grad = 2 * X.T @ X @ w / X.shape[0] - X.T @ y / X.shape[0]',
    }, ''),
    Scenario('least-squares-svd-vt-not-transposed', '1.3', {
        'w = np.linalg.lstsq(X, y, rcond=None)[0]':
            'U, s, Vt = np.linalg.svd(X, full_matrices=False)\n'
            '    s_inv = np.divide(1.0, s, out=np.zeros_like(s), where=s > s[0] * 1e-12)\n'
            '    w = Vt @ (s_inv * (U.T @ y))',
    }, ''),
    Scenario('gd-uses-mae-loss', '1.4', {
        'loss, grad = mse_loss(w, X, y)':
            'loss, grad = mae_loss(w, X, y)',
    }, ''),
    Scenario('logistic-grad-sigmoid-of-minus-z', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = X.T @ (sigmoid(-z) - y) / X.shape[0]',
    }, ''),
    Scenario('logistic-loss-second-term-copied', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, -z))',
    }, ''),
    Scenario('fit-logistic-step-before-gradient', '1.6', {
        '    for _ in range(steps):\n'
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '    grad = np.zeros_like(w)\n'
            '    for _ in range(steps):\n'
            '        w = w - lr * grad\n'
            '        loss, grad = logistic_loss(w, X, y)\n'
            '        losses.append(loss)',
    }, ''),
    Scenario('poly-constant-column-last', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.column_stack([x**k for k in range(1, degree + 1)] + [np.ones_like(x)])',
    }, ''),
    Scenario('sweep-fits-on-train-and-val', '1.8', {
        'w = fit_least_squares(poly_features(x_train, d), y_train)':
            'x_both = np.concatenate([x_train, x_val])\n'
            '        y_both = np.concatenate([y_train, y_val])\n'
            '        w = fit_least_squares(poly_features(x_both, d), y_both)',
    }, ''),
]

VARIANTS = [
    Scenario('mse-grad-expanded-normal-form', '1.2', {
        'grad = 2 * X.T @ r / X.shape[0]':
            'grad = 2 * (X.T @ X @ w - X.T @ y) / X.shape[0]',
    }, ''),
    Scenario('sweep-errors-by-squared-norm', '1.8', {
        'train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))':
            'train_errors.append(np.linalg.norm(poly_features(x_train, d) @ w - y_train) ** 2\n'
            '                            / len(y_train))',
        'val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))':
            'val_errors.append(np.linalg.norm(poly_features(x_val, d) @ w - y_val) ** 2 / len(y_val))',
    }, ''),
]
