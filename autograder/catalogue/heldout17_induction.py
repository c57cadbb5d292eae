"""Seventeenth held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-val-and-test-cut-from-sorted-rest', '1.1', {
        '    val_idx = perm[n_train:n_train + n_val]\n'
        '    test_idx = perm[n_train + n_val:]':
            '    rest = np.setdiff1d(np.arange(n), train_idx)\n'
            '    val_idx = rest[:n_val]\n'
            '    test_idx = rest[n_val:]',
    }, ''),
    Scenario('mse-loss-expanded-square-drops-constant', '1.2', {
        'loss = np.mean(r**2)':
            'loss = np.mean((X @ w) ** 2 - 2 * y * (X @ w))',
    }, ''),
    Scenario('mse-grad-loop-keeps-last-example', '1.2', {
        '    loss = np.mean(r**2)\n'
        '    grad = 2 * X.T @ r / X.shape[0]':
            '    loss = np.mean(r**2)\n'
            '    grad = np.zeros_like(w)\n'
            '    for n in range(X.shape[0]):\n'
            '        grad = 2 * r[n] * X[n] / X.shape[0]',
    }, ''),
    Scenario('least-squares-svd-multiplies-by-singular-values', '1.3', {
        '    w = np.linalg.lstsq(X, y, rcond=None)[0]':
            '    U, s, Vt = np.linalg.svd(X, full_matrices=False)\n'
            '    w = Vt.T @ np.diag(s) @ U.T @ y',
    }, ''),
    Scenario('gd-steps-with-first-ten-examples', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, grad = mse_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        _, grad = mse_loss(w, X[:10], y[:10])\n'
            '        w = w - lr * grad',
    }, ''),
    Scenario('logistic-loss-squared-error-of-probability', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean((sigmoid(z) - y) ** 2)',
    }, ''),
    Scenario('logistic-grad-sigmoid-of-inputs', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = X.T @ (sigmoid(X) @ w - y) / X.shape[0]',
    }, ''),
    Scenario('fit-logistic-returns-mean-of-iterates', '1.6', {
        '    for _ in range(steps):\n'
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '    w_sum = np.zeros_like(w)\n'
            '    for _ in range(steps):\n'
            '        loss, grad = logistic_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        w = w - lr * grad\n'
            '        w_sum += w\n'
            '    w = w_sum / steps',
    }, ''),
    Scenario('poly-loop-raises-to-degree-not-k', '1.7', {
        '    Phi = x[:, None] ** np.arange(degree + 1)':
            '    Phi = np.ones((len(x), degree + 1))\n'
            '    for k in range(degree + 1):\n'
            '        Phi[:, k] = x ** degree',
    }, ''),
    Scenario('sweep-errors-looked-up-by-degree-value', '1.8', {
        'best_degree = degrees[int(np.argmin(val_errors))]':
            'best_degree = min(degrees, key=lambda d: val_errors[d])',
    }, ''),
]

VARIANTS = [
    Scenario('logistic-grad-sigmoid-by-logaddexp', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = X.T @ (np.exp(-np.logaddexp(0, -z)) - y) / X.shape[0]',
    }, ''),
    Scenario('sweep-running-best-tracked-in-loop', '1.8', {
        '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))\n'
        '    best_degree = degrees[int(np.argmin(val_errors))]':
            '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))\n'
            '        if len(val_errors) == 1 or val_errors[-1] < best_err:\n'
            '            best_err, best_degree = val_errors[-1], d',
    }, ''),
]
