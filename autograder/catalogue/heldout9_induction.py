"""Ninth held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-permutes-one-index-short', '1.1', {
        'perm = rng.permutation(n)':
            'perm = rng.permutation(n - 1)',
    }, ''),
    Scenario('mse-grad-divided-by-matrix-size', '1.2', {
        'grad = 2 * X.T @ r / X.shape[0]':
            'grad = 2 * X.T @ r / X.size',
    }, ''),
    Scenario('least-squares-scaled-columns-not-unscaled', '1.3', {
        'w = np.linalg.lstsq(X, y, rcond=None)[0]':
            'scale = np.abs(X).max(axis=0)\n'
            '    w = np.linalg.lstsq(X / scale, y, rcond=None)[0]',
    }, ''),
    Scenario('gd-returns-inside-loop', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad\n'
        '    ### END SOLUTION\n'
        '    return w, losses':
            '        loss, grad = mse_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        w = w - lr * grad\n'
            '        return w, losses\n'
            '    ### END SOLUTION\n'
            '    return w, losses',
    }, ''),
    Scenario('gd-step-divided-by-examples', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, grad = mse_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        w = w - lr / len(y) * grad',
    }, ''),
    Scenario('logistic-grad-without-inputs', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = np.mean(sigmoid(z) - y)',
    }, ''),
    Scenario('logistic-loss-mean-of-product-split', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(np.logaddexp(0, z)) - np.mean(y) * np.mean(z)',
    }, ''),
    Scenario('fit-logistic-unpacks-grad-first', '1.6', {
        'loss, grad = logistic_loss(w, X, y)':
            'grad, loss = logistic_loss(w, X, y)',
    }, ''),
    Scenario('poly-rows-reshaped-not-transposed', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.array([x ** k for k in range(degree + 1)]).reshape(len(x), degree + 1)',
    }, ''),
    Scenario('sweep-val-error-over-train-count', '1.8', {
        'val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))':
            'val_errors.append(np.sum((poly_features(x_val, d) @ w - y_val) ** 2) / len(y_train))',
    }, ''),
]

VARIANTS = [
    Scenario('split-val-and-test-from-the-rest', '1.1', {
        '    val_idx = perm[n_train:n_train + n_val]\n'
        '    test_idx = perm[n_train + n_val:]':
            '    rest = perm[n_train:]\n'
            '    val_idx, test_idx = rest[:n_val], rest[n_val:]',
    }, ''),
    Scenario('poly-columns-by-recurrence', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.empty((len(x), degree + 1))\n'
            '    Phi[:, 0] = 1.0\n'
            '    for k in range(1, degree + 1):\n'
            '        Phi[:, k] = Phi[:, k - 1] * x',
    }, ''),
]
