"""Twenty-second held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-permutation-from-fixed-seed-generator', '1.1', {
        'perm = rng.permutation(n)':
            'perm = np.random.default_rng(0).permutation(n)',
    }, ''),
    Scenario('split-test-by-negative-slice-of-its-size', '1.1', {
        'test_idx = perm[n_train + n_val:]':
            'test_idx = perm[-(n - n_train - n_val):]',
    }, ''),
    Scenario('mse-grad-with-respect-to-predictions', '1.2', {
        'grad = 2 * X.T @ r / X.shape[0]':
            'grad = 2 * r / X.shape[0]',
    }, ''),
    Scenario('least-squares-normal-equations-with-lstsq-fallback', '1.3', {
        '    w = np.linalg.lstsq(X, y, rcond=None)[0]':
            '    try:\n'
            '        w = np.linalg.solve(X.T @ X, X.T @ y)\n'
            '    except np.linalg.LinAlgError:\n'
            '        w = np.linalg.lstsq(X, y, rcond=None)[0]',
    }, ''),
    Scenario('gd-halves-lr-when-loss-rises', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)':
            '        loss, grad = mse_loss(w, X, y)\n'
            '        if losses and loss > losses[-1]:\n'
            '            lr = lr / 2\n'
            '        losses.append(loss)',
    }, ''),
    Scenario('logistic-grad-labels-minus-probabilities', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = X.T @ (y - sigmoid(z)) / X.shape[0]',
    }, ''),
    Scenario('logistic-softplus-by-log1p-of-exp', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(np.log1p(np.exp(z)) - y * z)',
    }, ''),
    Scenario('fit-logistic-clips-weights-each-step', '1.6', {
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, grad = logistic_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        w = np.clip(w - lr * grad, -10.0, 10.0)',
    }, ''),
    Scenario('poly-sorts-input-first', '1.7', {
        '    Phi = x[:, None] ** np.arange(degree + 1)':
            '    x = np.sort(x)\n'
            '    Phi = x[:, None] ** np.arange(degree + 1)',
    }, ''),
    Scenario('sweep-stops-when-validation-error-rises', '1.8', {
        '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))':
            '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))\n'
            '        if len(val_errors) > 1 and val_errors[-1] > val_errors[-2]:\n'
            '            break',
    }, ''),
]

VARIANTS = [
    Scenario('logistic-grad-broadcast-mean-over-examples', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = np.mean((sigmoid(z) - y)[:, None] * X, axis=0)',
    }, ''),
    Scenario('poly-by-power-outer', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.power.outer(x, np.arange(degree + 1))',
    }, ''),
]
