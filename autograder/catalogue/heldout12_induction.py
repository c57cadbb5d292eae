"""Twelfth held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-val-drawn-from-all-indices', '1.1', {
        '    perm = rng.permutation(n)\n'
        '    n_train = int(fractions[0] * n)\n'
        '    n_val = int(fractions[1] * n)\n'
        '    train_idx = perm[:n_train]\n'
        '    val_idx = perm[n_train:n_train + n_val]\n'
        '    test_idx = perm[n_train + n_val:]':
            '    n_train = int(fractions[0] * n)\n'
            '    n_val = int(fractions[1] * n)\n'
            '    train_idx = rng.choice(n, n_train, replace=False)\n'
            '    val_idx = rng.choice(n, n_val, replace=False)\n'
            '    test_idx = np.setdiff1d(np.arange(n), np.concatenate([train_idx, val_idx]))',
    }, ''),
    Scenario('mse-loss-doubles-instead-of-squares', '1.2', {
        'loss = np.mean(r**2)':
            'loss = np.mean(r*2)',
    }, ''),
    Scenario('least-squares-by-gradient-descent', '1.3', {
        'w = np.linalg.lstsq(X, y, rcond=None)[0]':
            'w, _ = fit_linear_gd(X, y, lr=0.01, steps=5000)',
    }, ''),
    Scenario('gd-hard-coded-step-count', '1.4', {
        '    for _ in range(steps):\n        loss, grad = mse_loss(w, X, y)':
            '    for _ in range(100):\n        loss, grad = mse_loss(w, X, y)',
    }, ''),
    Scenario('logistic-loss-base-two-logaddexp', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(np.logaddexp2(0, z) - y * z)',
    }, ''),
    Scenario('logistic-z-holds-probabilities', '1.5', {
        '    z = X @ w\n':
            '    z = sigmoid(X @ w)\n',
    }, ''),
    Scenario('logistic-grad-pm1-formula-on-01-labels', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = -X.T @ (y * sigmoid(-y * z)) / X.shape[0]',
    }, ''),
    Scenario('fit-logistic-adds-own-bias-column', '1.6', {
        '    for _ in range(steps):\n        loss, grad = logistic_loss(w, X, y)':
            '    X = add_bias(X)\n'
            '    w = np.zeros(X.shape[1])\n'
            '    for _ in range(steps):\n'
            '        loss, grad = logistic_loss(w, X, y)',
    }, ''),
    Scenario('poly-loop-leaves-constant-column-zero', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.zeros((len(x), degree + 1))\n'
            '    for k in range(1, degree + 1):\n'
            '        Phi[:, k] = x ** k',
    }, ''),
    Scenario('sweep-standardises-train-and-val-separately', '1.8', {
        '    train_errors, val_errors = [], []':
            '    x_train = (x_train - x_train.mean()) / x_train.std()\n'
            '    x_val = (x_val - x_val.mean()) / x_val.std()\n'
            '    train_errors, val_errors = [], []',
    }, ''),
]

VARIANTS = [
    Scenario('mse-loss-variance-plus-squared-mean', '1.2', {
        'loss = np.mean(r**2)':
            'loss = np.var(r) + np.mean(r) ** 2',
    }, ''),
    Scenario('poly-stacked-power-columns', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.stack([x ** k for k in range(degree + 1)], axis=1)',
    }, ''),
]
