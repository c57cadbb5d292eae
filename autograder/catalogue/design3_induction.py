"""Third batch of module 01_induction (issue 14): the design half, 9 of 19 mistakes,
and 3 new correct-but-different variants.

19 new mistakes were written blind (without reading the feedback code, the
catalogue's hints or any check's output on them), kept in the order written,
shuffled with random.Random(2611).shuffle (a new Random per module) and split:
positions 0, 2, 4, ... are held out (heldout3_induction.py), positions 1, 3, 5, ...
are the design half (design3_induction.py). Hints are empty until measured.
VARIANTS are correct code written differently; they are not split.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('poly-rescaled-input', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'x = x / np.max(np.abs(x))\n'
            '    Phi = x[:, None] ** np.arange(degree + 1)',
    }, ''),
    Scenario('gd-appends-final-loss', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, grad = mse_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        w = w - lr * grad\n'
            '    losses.append(mse_loss(w, X, y)[0])',
    }, ''),
    Scenario('sweep-stops-at-first-rise', '1.8', {
        'best_degree = degrees[int(np.argmin(val_errors))]':
            'rises = np.diff(val_errors) > 0\n'
            '    best_degree = degrees[int(np.argmax(rises))] if rises.any() else degrees[-1]',
    }, ''),
    Scenario('mse-square-of-mean-residual', '1.2', {
        'loss = np.mean(r**2)':
            'loss = np.mean(r) ** 2',
    }, ''),
    Scenario('least-squares-column-target', '1.3', {
        'w = np.linalg.lstsq(X, y, rcond=None)[0]':
            'w = np.linalg.lstsq(X, y[:, None], rcond=None)[0]',
    }, ''),
    Scenario('fit-logistic-calls-mse-loss', '1.6', {
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)':
            '        loss, grad = mse_loss(w, X, y)\n'
            '        losses.append(loss)',
    }, ''),
    Scenario('sweep-shared-error-list', '1.8', {
        'train_errors, val_errors = [], []':
            'train_errors = val_errors = []',
    }, ''),
    Scenario('logistic-log1p-exp-overflows', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(np.log1p(np.exp(z)) - y * z)',
    }, ''),
    Scenario('logistic-loss-pm1-formula-on-01-labels', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(np.logaddexp(0, -y * z))',
    }, ''),
]

VARIANTS = [
    Scenario('split-by-np-split', '1.1', {
        '    train_idx = perm[:n_train]\n'
        '    val_idx = perm[n_train:n_train + n_val]\n'
        '    test_idx = perm[n_train + n_val:]':
            '    train_idx, val_idx, test_idx = np.split(perm, [n_train, n_train + n_val])',
    }, ''),
    Scenario('logistic-grad-mean-of-rows', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = np.mean((sigmoid(z) - y)[:, None] * X, axis=0)',
    }, ''),
    Scenario('sweep-features-once-per-degree', '1.8', {
        '        w = fit_least_squares(poly_features(x_train, d), y_train)\n'
        '        train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))\n'
        '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))':
            '        P_tr, P_va = poly_features(x_train, d), poly_features(x_val, d)\n'
            '        w = fit_least_squares(P_tr, y_train)\n'
            '        train_errors.append(np.square(P_tr @ w - y_train).mean())\n'
            '        val_errors.append(np.square(P_va @ w - y_val).mean())',
    }, ''),
]
