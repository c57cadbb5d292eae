"""Eighteenth held-out batch of module 01_induction (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-sizes-rounded', '1.1', {
        '    n_train = int(fractions[0] * n)\n'
        '    n_val = int(fractions[1] * n)':
            '    n_train = round(fractions[0] * n)\n'
            '    n_val = round(fractions[1] * n)',
    }, ''),
    Scenario('mse-grad-floor-division', '1.2', {
        'grad = 2 * X.T @ r / X.shape[0]':
            'grad = 2 * X.T @ r // X.shape[0]',
    }, ''),
    Scenario('mse-residual-taken-absolute', '1.2', {
        '    r = X @ w - y\n    loss = np.mean(r**2)':
            '    r = np.abs(X @ w - y)\n    loss = np.mean(r**2)',
    }, ''),
    Scenario('least-squares-rows-normalised', '1.3', {
        '    w = np.linalg.lstsq(X, y, rcond=None)[0]':
            '    X = X / np.linalg.norm(X, axis=1, keepdims=True)\n'
            '    w = np.linalg.lstsq(X, y, rcond=None)[0]',
    }, ''),
    Scenario('gd-new-weights-never-fed-back', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad\n':
            '        loss, grad = mse_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        w_new = w - lr * grad\n'
            '    w = w_new\n',
    }, ''),
    Scenario('logistic-clips-logits', '1.5', {
        '    z = X @ w\n    loss = np.mean(np.logaddexp(0, z) - y * z)':
            '    z = np.clip(X @ w, -30, 30)\n'
            '    loss = np.mean(np.logaddexp(0, z) - y * z)',
    }, ''),
    Scenario('fit-logistic-records-every-tenth-loss', '1.6', {
        '    for _ in range(steps):\n'
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)':
            '    for step in range(steps):\n'
            '        loss, grad = logistic_loss(w, X, y)\n'
            '        if step % 10 == 0:\n'
            '            losses.append(loss)',
    }, ''),
    Scenario('poly-running-power-aliases-input', '1.7', {
        '    Phi = x[:, None] ** np.arange(degree + 1)':
            '    Phi = np.ones((len(x), degree + 1))\n'
            '    power = x\n'
            '    for k in range(1, degree + 1):\n'
            '        Phi[:, k] = power\n'
            '        power *= x',
    }, ''),
    Scenario('sweep-best-degree-index-one-back', '1.8', {
        'best_degree = degrees[int(np.argmin(val_errors))]':
            'best_degree = degrees[int(np.argmin(val_errors)) - 1]',
    }, ''),
    Scenario('sweep-errors-divided-by-target-variance', '1.8', {
        '        train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))\n'
        '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))':
            '        train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2)\n'
            '                            / np.var(y_train))\n'
            '        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2)\n'
            '                          / np.var(y_val))',
    }, ''),
]

VARIANTS = [
    Scenario('gd-inline-mse-gradient', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad\n':
            '        r = X @ w - y\n'
            '        losses.append(np.mean(r**2))\n'
            '        w = w - lr * 2 * X.T @ r / len(y)\n',
    }, ''),
    Scenario('least-squares-lstsq-on-qr-factor', '1.3', {
        '    w = np.linalg.lstsq(X, y, rcond=None)[0]':
            '    q, r = np.linalg.qr(X)\n'
            '    w = np.linalg.lstsq(r, q.T @ y, rcond=None)[0]',
    }, ''),
]
