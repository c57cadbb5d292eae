"""Twenty-third held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-permutation-result-discarded', '1.1', {
        'perm = rng.permutation(n)':
            'perm = np.arange(n)\n'
            '    rng.permutation(perm)',
    }, ''),
    Scenario('split-train-size-at-least-one', '1.1', {
        'n_train = int(fractions[0] * n)':
            'n_train = max(int(fractions[0] * n), 1)',
    }, ''),
    Scenario('mse-residual-prescaled-by-example-count', '1.2', {
        '    r = X @ w - y\n'
        '    loss = np.mean(r**2)\n'
        '    grad = 2 * X.T @ r / X.shape[0]':
            '    r = (X @ w - y) / X.shape[0]\n'
            '    loss = np.sum(r**2)\n'
            '    grad = 2 * X.T @ r',
    }, ''),
    Scenario('least-squares-square-system-solved-directly', '1.3', {
        '    w = np.linalg.lstsq(X, y, rcond=None)[0]':
            '    if X.shape[0] == X.shape[1]:\n'
            '        w = np.linalg.solve(X, y)\n'
            '    else:\n'
            '        w = np.linalg.lstsq(X, y, rcond=None)[0]',
    }, ''),
    Scenario('gd-stops-once-loss-is-tiny', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, grad = mse_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        if loss < 1e-12:\n'
            '            break\n'
            '        w = w - lr * grad',
    }, ''),
    Scenario('gd-learning-rate-capped-at-one', '1.4', {
        '    for _ in range(steps):\n'
        '        loss, grad = mse_loss(w, X, y)':
            '    lr = min(lr, 1.0)\n'
            '    for _ in range(steps):\n'
            '        loss, grad = mse_loss(w, X, y)',
    }, ''),
    Scenario('logistic-grad-tanh-sigmoid-without-half-argument', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = X.T @ ((1 + np.tanh(z)) / 2 - y) / X.shape[0]',
    }, ''),
    Scenario('fit-logistic-losses-list-as-mutable-default', '1.6', {
        'def fit_logistic(X, y, lr, steps):':
            'def fit_logistic(X, y, lr, steps, losses=[]):',
        '    losses = []\n'
        '    ### BEGIN SOLUTION\n'
        '    for _ in range(steps):\n'
        '        loss, grad = logistic_loss(w, X, y)':
            '    ### BEGIN SOLUTION\n'
            '    for _ in range(steps):\n'
            '        loss, grad = logistic_loss(w, X, y)',
    }, ''),
    Scenario('poly-clips-input-to-unit-interval', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.clip(x, -1.0, 1.0)[:, None] ** np.arange(degree + 1)',
    }, ''),
    Scenario('sweep-running-best-starts-at-error-one', '1.8', {
        '    best_degree = degrees[int(np.argmin(val_errors))]':
            '    best_degree, best_err = degrees[0], 1.0\n'
            '    for d, e in zip(degrees, val_errors):\n'
            '        if e < best_err:\n'
            '            best_degree, best_err = d, e',
    }, ''),
]

VARIANTS = [
    Scenario('mse-loss-residual-dot-itself', '1.2', {
        'loss = np.mean(r**2)':
            'loss = r @ r / len(r)',
    }, ''),
    Scenario('poly-vander-increasing-powers', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.vander(x, degree + 1, increasing=True)',
    }, ''),
]
