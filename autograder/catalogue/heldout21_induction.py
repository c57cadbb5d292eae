"""Twenty-first held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-train-fraction-truncated-before-scaling', '1.1', {
        'n_train = int(fractions[0] * n)':
            'n_train = int(fractions[0]) * n',
    }, ''),
    Scenario('split-val-size-from-test-fraction', '1.1', {
        'n_val = int(fractions[1] * n)':
            'n_val = int(fractions[2] * n)',
    }, ''),
    Scenario('mse-grad-summed-over-examples', '1.2', {
        'grad = 2 * X.T @ r / X.shape[0]':
            'grad = 2 * X.T @ r',
    }, ''),
    Scenario('least-squares-qr-solve-without-rank-check', '1.3', {
        '    w = np.linalg.lstsq(X, y, rcond=None)[0]':
            '    q, r = np.linalg.qr(X)\n'
            '    w = np.linalg.solve(r, q.T @ y)',
    }, ''),
    Scenario('gd-loop-starts-at-one', '1.4', {
        '    for _ in range(steps):\n'
        '        loss, grad = mse_loss(w, X, y)':
            '    for _ in range(1, steps):\n'
            '        loss, grad = mse_loss(w, X, y)',
    }, ''),
    Scenario('logistic-grad-extra-sigmoid-derivative', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'p = sigmoid(z)\n'
            '    grad = X.T @ ((p - y) * p * (1 - p)) / X.shape[0]',
    }, ''),
    Scenario('fit-logistic-steps-up-the-gradient', '1.6', {
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, grad = logistic_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        w = w + lr * grad',
    }, ''),
    Scenario('poly-multiplies-by-exponents', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = x[:, None] * np.arange(degree + 1)',
    }, ''),
    Scenario('sweep-errors-root-mean-square', '1.8', {
        '        train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))\n'
        '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))':
            '        train_errors.append(np.sqrt(np.mean((poly_features(x_train, d) @ w - y_train) ** 2)))\n'
            '        val_errors.append(np.sqrt(np.mean((poly_features(x_val, d) @ w - y_val) ** 2)))',
    }, ''),
    Scenario('sweep-best-degree-by-generalisation-gap', '1.8', {
        'best_degree = degrees[int(np.argmin(val_errors))]':
            'gap = np.array(val_errors) - np.array(train_errors)\n'
            '    best_degree = degrees[int(np.argmin(gap))]',
    }, ''),
]

VARIANTS = [
    Scenario('split-by-np-split-at-cut-points', '1.1', {
        '    train_idx = perm[:n_train]\n'
        '    val_idx = perm[n_train:n_train + n_val]\n'
        '    test_idx = perm[n_train + n_val:]':
            '    train_idx, val_idx, test_idx = np.split(perm, [n_train, n_train + n_val])',
    }, ''),
    Scenario('poly-cumulative-product-of-columns', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.cumprod(np.column_stack([np.ones_like(x)] + [x] * degree), axis=1)',
    }, ''),
]
