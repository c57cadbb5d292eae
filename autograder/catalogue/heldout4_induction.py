"""Fourth held-out batch of module 01_induction (issue 14): 7 mistakes and 1 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('split-train-from-the-end', '1.1', {
        'train_idx = perm[:n_train]':
            'train_idx = perm[-n_train:]',
    }, ''),
    Scenario('mse-loss-over-features', '1.2', {
        'loss = np.mean(r**2)':
            'loss = np.sum(r**2) / X.shape[1]',
    }, ''),
    Scenario('least-squares-lstsq-on-normal-equations', '1.3', {
        'w = np.linalg.lstsq(X, y, rcond=None)[0]':
            'w = np.linalg.lstsq(X.T @ X, X.T @ y, rcond=None)[0]',
    }, ''),
    Scenario('gd-decaying-step-size', '1.4', {
        '    for _ in range(steps):\n'
        '        loss, grad = mse_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '    for t in range(steps):\n'
            '        loss, grad = mse_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        w = w - lr / (t + 1) * grad',
    }, ''),
    Scenario('logistic-softplus-of-minus-z', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(np.logaddexp(0, -z) - y * z)',
    }, ''),
    Scenario('fit-logistic-update-after-loop', '1.6', {
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, grad = logistic_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '    w = w - lr * grad',
    }, ''),
    Scenario('sweep-picks-smallest-generalisation-gap', '1.8', {
        'best_degree = degrees[int(np.argmin(val_errors))]':
            'best_degree = degrees[int(np.argmin(np.array(val_errors) - np.array(train_errors)))]',
    }, ''),
]

VARIANTS = [
    Scenario('fit-logistic-in-place-step', '1.6', {
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)\n'
        '        w = w - lr * grad':
            '        loss, grad = logistic_loss(w, X, y)\n'
            '        losses.append(loss)\n'
            '        w -= lr * grad',
    }, ''),
]
