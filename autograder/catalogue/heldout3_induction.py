"""Third held-out batch of module 01_induction (issue 14), 10 of 19 mistakes.

19 new mistakes were written blind (without reading the feedback code, the
catalogue's hints or any check's output on them), kept in the order written,
shuffled with random.Random(2611).shuffle (a new Random per module) and split:
positions 0, 2, 4, ... are held out (heldout3_induction.py), positions 1, 3, 5, ...
are the design half (design3_induction.py). Hints are empty until measured.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('logistic-grad-extra-sigmoid-derivative', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'p = sigmoid(z)\n'
            '    grad = X.T @ ((p - y) * p * (1 - p)) / X.shape[0]',
    }, ''),
    Scenario('least-squares-qr-solve', '1.3', {
        'w = np.linalg.lstsq(X, y, rcond=None)[0]':
            'Q, R = np.linalg.qr(X)\n'
            '    w = np.linalg.solve(R, Q.T @ y)',
    }, ''),
    Scenario('poly-missing-top-power', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = x[:, None] ** np.arange(degree)',
    }, ''),
    Scenario('mse-norm-not-squared', '1.2', {
        'loss = np.mean(r**2)':
            'loss = np.linalg.norm(r) / X.shape[0]',
    }, ''),
    Scenario('gd-per-example-updates', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        losses.append(mse_loss(w, X, y)[0])\n'
            '        for n in range(X.shape[0]):\n'
            '            _, grad = mse_loss(w, X[n:n + 1], y[n:n + 1])\n'
            '            w = w - lr * grad',
    }, ''),
    Scenario('split-second-cut-not-cumulative', '1.1', {
        '    train_idx = perm[:n_train]\n'
        '    val_idx = perm[n_train:n_train + n_val]\n'
        '    test_idx = perm[n_train + n_val:]':
            '    train_idx, val_idx, test_idx = np.split(perm, [n_train, n_val])',
    }, ''),
    Scenario('gd-random-start', '1.4', {
        '    for _ in range(steps):\n'
        '        loss, grad = mse_loss(w, X, y)':
            '    w = np.random.default_rng(0).normal(size=X.shape[1])\n'
            '    for _ in range(steps):\n'
            '        loss, grad = mse_loss(w, X, y)',
    }, ''),
    Scenario('sweep-sum-of-squares', '1.8', {
        'train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))\n'
        '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))':
            'train_errors.append(np.sum((poly_features(x_train, d) @ w - y_train) ** 2))\n'
            '        val_errors.append(np.sum((poly_features(x_val, d) @ w - y_val) ** 2))',
    }, ''),
    Scenario('split-val-fraction-of-remainder', '1.1', {
        'n_val = int(fractions[1] * n)':
            'n_val = int(fractions[1] * (n - n_train))',
    }, ''),
    Scenario('fit-logistic-early-stop', '1.6', {
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)':
            '        loss, grad = logistic_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        if np.linalg.norm(grad) < 1e-2:\n'
            '            break',
    }, ''),
]
