"""Second held-out batch of module 01_induction (issue 14): 9 new mistakes were written
before any diagnoser changed, shuffled with random.Random(1730).shuffle (a new Random per
module, in the order written) and every other one from the first (positions 0, 2, 4, ...) was
set aside here, measured once after the diagnosers were improved on the other half.
Hint phrases were filled in after that measurement; the module catalogue merges the
scenarios that have one (those still without a hint are not yet named)."""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('logistic-gd-extra-step', '1.6', {
        '    for _ in range(steps):\n        loss, grad = logistic_loss(w, X, y)':
            '    for _ in range(steps + 1):\n        loss, grad = logistic_loss(w, X, y)',
    }, 'one entry too many'),
    Scenario('poly-times-not-power', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = x[:, None] * np.arange(degree + 1)',
    }, '`*` where `**` belongs'),
    Scenario('sweep-train-mae', '1.8', {
        'train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))':
            'train_errors.append(np.mean(np.abs(poly_features(x_train, d) @ w - y_train)))',
    }, 'an absolute value where a square belongs'),
    Scenario('mse-loss-halved', '1.2', {
        'loss = np.mean(r**2)':
            'loss = 0.5 * np.mean(r**2)',
    }, 'factor 1/2'),
    Scenario('least-squares-ridge', '1.3', {
        'w = np.linalg.lstsq(X, y, rcond=None)[0]':
            'w = np.linalg.solve(X.T @ X + np.eye(X.shape[1]), X.T @ y)',
    }, ''),
]
