"""Twentieth held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-cut-points-from-cumulative-fractions', '1.1', {
        '    perm = rng.permutation(n)\n'
        '    n_train = int(fractions[0] * n)\n'
        '    n_val = int(fractions[1] * n)\n'
        '    train_idx = perm[:n_train]\n'
        '    val_idx = perm[n_train:n_train + n_val]\n'
        '    test_idx = perm[n_train + n_val:]':
            '    perm = rng.permutation(n)\n'
            '    cuts = (np.cumsum(fractions[:2]) * n).astype(int)\n'
            '    train_idx, val_idx, test_idx = np.split(perm, cuts)',
    }, ''),
    Scenario('mse-loss-square-of-mean-residual', '1.2', {
        'loss = np.mean(r**2)':
            'loss = np.mean(r)**2',
    }, ''),
    Scenario('least-squares-svd-absolute-cutoff', '1.3', {
        '    w = np.linalg.lstsq(X, y, rcond=None)[0]':
            '    U, s, Vt = np.linalg.svd(X, full_matrices=False)\n'
            '    keep = s > 1e-6\n'
            '    w = Vt[keep].T @ ((U[:, keep].T @ y) / s[keep])',
    }, ''),
    Scenario('gd-starts-from-small-random-weights', '1.4', {
        '    for _ in range(steps):\n'
        '        loss, grad = mse_loss(w, X, y)':
            '    w = 0.01 * np.random.randn(X.shape[1])\n'
            '    for _ in range(steps):\n'
            '        loss, grad = mse_loss(w, X, y)',
    }, ''),
    Scenario('gd-appends-final-loss-too', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad\n':
            '        loss, grad = mse_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        w = w - lr * grad\n'
            '    losses.append(mse_loss(w, X, y)[0])\n',
    }, ''),
    Scenario('logistic-pm1-labels-reused-in-gradient', '1.5', {
        '    z = X @ w\n'
        '    loss = np.mean(np.logaddexp(0, z) - y * z)':
            '    z = X @ w\n'
            '    y = 2 * y - 1\n'
            '    loss = np.mean(np.logaddexp(0, -y * z))',
    }, ''),
    Scenario('fit-logistic-stops-early-on-plateau', '1.6', {
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)':
            '        loss, grad = logistic_loss(w, X, y)\n'
            '        if losses and abs(losses[-1] - loss) < 1e-6:\n'
            '            break\n'
            '        losses.append(loss)',
    }, ''),
    Scenario('poly-vander-column-count-is-degree', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.vander(x, degree, increasing=True)',
    }, ''),
    Scenario('sweep-best-degree-as-position', '1.8', {
        'best_degree = degrees[int(np.argmin(val_errors))]':
            'best_degree = int(np.argmin(val_errors))',
    }, ''),
    Scenario('sweep-iterates-sorted-degrees', '1.8', {
        '    for d in degrees:\n'
        '        w = fit_least_squares(poly_features(x_train, d), y_train)':
            '    for d in sorted(degrees):\n'
            '        w = fit_least_squares(poly_features(x_train, d), y_train)',
    }, ''),
]

VARIANTS = [
    Scenario('mse-grad-broadcast-mean-over-examples', '1.2', {
        'grad = 2 * X.T @ r / X.shape[0]':
            'grad = 2 * (X.T * r).mean(axis=1)',
    }, ''),
    Scenario('least-squares-pinv-with-lstsq-cutoff', '1.3', {
        '    w = np.linalg.lstsq(X, y, rcond=None)[0]':
            '    w = np.linalg.pinv(X, rtol=max(X.shape) * np.finfo(float).eps) @ y',
    }, ''),
]
