"""Sixth held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-by-uniform-thresholds', '1.1', {
        '    perm = rng.permutation(n)\n'
        '    n_train = int(fractions[0] * n)\n'
        '    n_val = int(fractions[1] * n)\n'
        '    train_idx = perm[:n_train]\n'
        '    val_idx = perm[n_train:n_train + n_val]\n'
        '    test_idx = perm[n_train + n_val:]':
            '    u = rng.random(n)\n'
            '    cut1, cut2 = fractions[0], fractions[0] + fractions[1]\n'
            '    train_idx = np.where(u < cut1)[0]\n'
            '    val_idx = np.where((u >= cut1) & (u < cut2))[0]\n'
            '    test_idx = np.where(u >= cut2)[0]',
    }, ''),
    Scenario('mse-grad-sign-of-residual', '1.2', {
        'grad = 2 * X.T @ r / X.shape[0]':
            'grad = 2 * X.T @ np.sign(r) / X.shape[0]',
    }, ''),
    Scenario('least-squares-svd-divides-by-every-singular-value', '1.3', {
        'w = np.linalg.lstsq(X, y, rcond=None)[0]':
            'U, s, Vt = np.linalg.svd(X, full_matrices=False)\n'
            '    w = Vt.T @ (U.T @ y / s)',
    }, ''),
    Scenario('gd-records-only-the-last-loss', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, grad = mse_loss(w, X, y)\n'
            '        w = w - lr * grad\n'
            '    losses.append(loss)',
    }, ''),
    Scenario('logistic-logaddexp-with-one', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(np.logaddexp(1, z) - y * z)',
    }, ''),
    Scenario('logistic-stable-softplus-without-max', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(np.log1p(np.exp(-np.abs(z))) - y * z)',
    }, ''),
    Scenario('fit-logistic-losses-reset-every-step', '1.6', {
        '    for _ in range(steps):\n'
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)':
            '    for _ in range(steps):\n'
            '        losses = []\n'
            '        loss, grad = logistic_loss(w, X, y)\n'
            '        losses.append(loss)',
    }, ''),
    Scenario('poly-loop-multiplies-own-column', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.ones((len(x), degree + 1))\n'
            '    for k in range(1, degree + 1):\n'
            '        Phi[:, k] = Phi[:, k] * x',
    }, ''),
    Scenario('sweep-argmax-of-validation-error', '1.8', {
        'best_degree = degrees[int(np.argmin(val_errors))]':
            'best_degree = degrees[int(np.argmax(val_errors))]',
    }, ''),
    Scenario('sweep-running-best-never-lowered', '1.8', {
        '    train_errors, val_errors = [], []\n'
        '    for d in degrees:':
            '    train_errors, val_errors = [], []\n'
            '    best_err = np.inf\n'
            '    for d in degrees:',
        '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))\n'
        '    best_degree = degrees[int(np.argmin(val_errors))]':
            '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))\n'
            '        if val_errors[-1] < best_err:\n'
            '            best_degree = d',
    }, ''),
]

VARIANTS = [
    Scenario('split-shuffles-an-arange', '1.1', {
        'perm = rng.permutation(n)':
            'perm = np.arange(n)\n'
            '    rng.shuffle(perm)',
    }, ''),
    Scenario('logistic-loss-per-label-softplus', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z))',
    }, ''),
]
