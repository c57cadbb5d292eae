"""Thirteenth held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-val-end-used-as-size-for-test', '1.1', {
        '    n_val = int(fractions[1] * n)\n'
        '    train_idx = perm[:n_train]\n'
        '    val_idx = perm[n_train:n_train + n_val]':
            '    n_val = n_train + int(fractions[1] * n)\n'
            '    train_idx = perm[:n_train]\n'
            '    val_idx = perm[n_train:n_val]',
    }, ''),
    Scenario('mse-residual-adds-targets', '1.2', {
        '    r = X @ w - y\n    loss = np.mean(r**2)':
            '    r = X @ w + y\n    loss = np.mean(r**2)',
    }, ''),
    Scenario('mse-residual-subtracted-in-place-from-targets', '1.2', {
        '    r = X @ w - y\n'
        '    loss = np.mean(r**2)\n'
        '    grad = 2 * X.T @ r / X.shape[0]':
            '    r = y\n'
            '    r -= X @ w\n'
            '    loss = np.mean(r**2)\n'
            '    grad = -2 * X.T @ r / X.shape[0]',
    }, ''),
    Scenario('least-squares-column-scaling-undone-by-multiplying', '1.3', {
        '    w = np.linalg.lstsq(X, y, rcond=None)[0]':
            '    scale = np.linalg.norm(X, axis=0)\n'
            '    w = np.linalg.lstsq(X / scale, y, rcond=None)[0] * scale',
    }, ''),
    Scenario('gd-returns-best-recorded-weights', '1.4', {
        '    for _ in range(steps):\n'
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad\n':
            '    best_w, best_loss = w, np.inf\n'
            '    for _ in range(steps):\n'
            '        loss, grad = mse_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        if loss < best_loss:\n'
            '            best_w, best_loss = w, loss\n'
            '        w = w - lr * grad\n'
            '    w = best_w\n',
    }, ''),
    Scenario('logistic-grad-label-term-alone-averaged', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = X.T @ sigmoid(z) - X.T @ y / X.shape[0]',
    }, ''),
    Scenario('logistic-loss-summed-over-examples', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.sum(np.logaddexp(0, z) - y * z)',
    }, ''),
    Scenario('fit-logistic-adds-weight-decay', '1.6', {
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, grad = logistic_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        w = w - lr * (grad + 0.01 * w)',
    }, ''),
    Scenario('poly-polyvander-one-degree-too-many', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.polynomial.polynomial.polyvander(x, degree + 1)',
    }, ''),
    Scenario('sweep-train-and-val-appends-swapped', '1.8', {
        '        train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))\n'
        '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))':
            '        val_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))\n'
            '        train_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))',
    }, ''),
]

VARIANTS = [
    Scenario('split-permutation-by-choice-without-replacement', '1.1', {
        'perm = rng.permutation(n)':
            'perm = rng.choice(n, size=n, replace=False)',
    }, ''),
    Scenario('poly-vander-columns-reversed', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.vander(x, degree + 1)[:, ::-1]',
    }, ''),
]
