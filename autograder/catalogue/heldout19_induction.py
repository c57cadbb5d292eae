"""Nineteenth held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-permutation-drawn-with-replacement', '1.1', {
        'perm = rng.permutation(n)':
            'perm = rng.integers(0, n, size=n)',
    }, ''),
    Scenario('split-shuffles-with-global-numpy-random', '1.1', {
        'perm = rng.permutation(n)':
            'perm = np.random.permutation(n)',
    }, ''),
    Scenario('mse-half-squared-error-convention', '1.2', {
        '    loss = np.mean(r**2)\n'
        '    grad = 2 * X.T @ r / X.shape[0]':
            '    loss = np.mean(r**2) / 2\n'
            '    grad = X.T @ r / X.shape[0]',
    }, ''),
    Scenario('mse-residual-reversed-without-sign-fix', '1.2', {
        '    r = X @ w - y\n    loss = np.mean(r**2)':
            '    r = y - X @ w\n    loss = np.mean(r**2)',
    }, ''),
    Scenario('least-squares-lstsq-on-gram-matrix', '1.3', {
        '    w = np.linalg.lstsq(X, y, rcond=None)[0]':
            '    w = np.linalg.lstsq(X.T @ X, X.T @ y, rcond=None)[0]',
    }, ''),
    Scenario('gd-records-loss-after-step', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad\n':
            '        loss, grad = mse_loss(w, X, y)\n'
            '        w = w - lr * grad\n'
            '        losses.append(mse_loss(w, X, y)[0])\n',
    }, ''),
    Scenario('logistic-loss-log-of-sigmoid', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'p = sigmoid(z)\n'
            '    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))',
    }, ''),
    Scenario('fit-logistic-uses-mse-loss', '1.6', {
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)':
            '        loss, grad = mse_loss(w, X, y)\n'
            '        losses.append(loss)',
    }, ''),
    Scenario('poly-powers-start-at-one', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = x[:, None] ** np.arange(1, degree + 2)',
    }, ''),
    Scenario('sweep-best-degree-by-training-error', '1.8', {
        'best_degree = degrees[int(np.argmin(val_errors))]':
            'best_degree = degrees[int(np.argmin(train_errors))]',
    }, ''),
]

VARIANTS = [
    Scenario('mse-grad-residual-times-design', '1.2', {
        'grad = 2 * X.T @ r / X.shape[0]':
            'grad = 2 * r @ X / X.shape[0]',
    }, ''),
    Scenario('least-squares-own-svd-with-cutoff', '1.3', {
        '    w = np.linalg.lstsq(X, y, rcond=None)[0]':
            '    U, s, Vt = np.linalg.svd(X, full_matrices=False)\n'
            '    keep = s > s[0] * max(X.shape) * np.finfo(float).eps\n'
            '    w = Vt[keep].T @ ((U[:, keep].T @ y) / s[keep])',
    }, ''),
]
