# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 01 · Learning from examples
#
# Supervised learning is induction. We are shown examples, pairs (x, y) produced by
# some rule we do not know, and we must come up with a rule of our own that gives the
# right y for an x we have **not** seen. Doing well on the examples is easy: a table
# that stores them does it perfectly and knows nothing. What counts is the error on
# fresh data, and the gap between training error and held-out error is the number to
# watch for the rest of the course.
#
# This module builds the whole loop with the two oldest models there are, linear and
# logistic regression:
#
# 1. make data from a known rule plus noise, and split it so that some of it stays
#    unseen (1.1);
# 2. write a loss and its gradient by hand (1.2, 1.5);
# 3. fit a model two ways, in closed form and by gradient descent, and see why they
#    agree (1.3, 1.4, 1.6);
# 4. turn up the model's capacity and watch the training error fall while the
#    validation error falls, then rises (1.7, 1.8).
#
# Module 02 replaces the linear model by a neural network; everything else here stays.
#
# **Letters.** N examples with D features each. A design matrix X (N, D) holds one
# example per row (with a column of ones when the model needs an intercept), w (D,) the
# weights, y (N,) the targets.
#
# **How you are graded.** After each exercise a test cell runs `check(...)` on the
# functions you just wrote, on random problems, and says what differs and where. The
# same checks run with `course check 01` in a terminal.

# %%
import matplotlib.pyplot as plt
import numpy as np

from autograder import check
from course.plots import plot_decision_boundary, plot_losses
from course.reference.induction import (
    add_bias,
    curvature,
    ill_conditioned,
    make_blobs,
    make_curve,
    make_linear,
    plot_capacity,
    plot_poly_fits,
    plot_split,
)

# %% [markdown]
# ## Data from a known rule
#
# To study learning we play both sides. We pick the rule, here
# `y = sin(3x) + x/2`, draw x uniformly in [-1, 1] and add Gaussian noise of standard
# deviation 0.3. The learner sees only the noisy pairs. Because we know the rule we can
# later say exactly how well it was recovered. Every random draw in this course comes
# from an explicit generator, `rng = np.random.default_rng(seed)`, so each run is
# repeatable.

# %%
rng = np.random.default_rng(0)
x_all, y_all = make_curve(60, rng, noise=0.3)
print(x_all.shape, y_all.shape, x_all[:3].round(3), y_all[:3].round(3))

# %% [markdown]
# ## 1.1 Train, validation, test
#
# We cut the examples into three disjoint sets:
#
# * **train**: the only data the fitting procedure sees;
# * **validation**: held out from fitting, used to *choose* between models (a degree,
#   a learning rate);
# * **test**: touched once, at the very end, to report how well the chosen model does.
#   Once a choice depends on it, it is no longer unseen.
#
# The cut must be random (data files are often sorted by date or by class) and it must
# never put the same example in two sets: a test example that was also trained on makes
# the test error an optimistic lie. The safe way is to shuffle the indices **once** and
# cut the permutation into three consecutive pieces.
#
# Sizes: `n_train = int(fractions[0] * n)`, `n_val = int(fractions[1] * n)`, and the test
# set gets the rest. Use only the generator `rng` you are given, so the same seed gives
# the same split.

# %% nbgrader={"solution": true, "grade_id": "split_indices"}
def split_indices(n, fractions, rng):
    """Random split of range(n) into three disjoint index arrays.

    n: number of examples; fractions: (f_train, f_val, f_test), summing to 1;
    rng: np.random.Generator, the only source of randomness.
    Returns train_idx, val_idx, test_idx: 1-D integer arrays that together hold each of
    0, ..., n - 1 exactly once.
    """
    ### BEGIN SOLUTION
    perm = rng.permutation(n)
    n_train = int(fractions[0] * n)
    n_val = int(fractions[1] * n)
    train_idx = perm[:n_train]
    val_idx = perm[n_train:n_train + n_val]
    test_idx = perm[n_train + n_val:]
    ### END SOLUTION
    return train_idx, val_idx, test_idx


# %% nbgrader={"grade": true, "grade_id": "ex1_1", "points": 2}
check("1.1", split_indices)
### BEGIN HIDDEN TESTS
check("1.1", split_indices, hidden=True)
### END HIDDEN TESTS

# %% tags=["experiment"]
train_idx, val_idx, test_idx = split_indices(len(x_all), (0.5, 0.25, 0.25),
                                             np.random.default_rng(1))
plot_split(x_all, y_all, (train_idx, val_idx, test_idx))
plt.show()

# %% [markdown]
# ## Worked example: a loss and its gradient
#
# A linear model predicts `X @ w`. A **loss** says in one number how far the predictions
# are from the targets, and its **gradient** with respect to w says which way to move w
# to make it smaller. Here is the mean absolute error and its gradient, written by hand.
# With residuals `r = X @ w - y`,
#
# `L(w) = (1/N) sum_n |r_n|`, and since `dr_n / dw = X[n]`,
# `dL/dw = (1/N) sum_n sign(r_n) X[n] = X.T @ sign(r) / N`.
#
# The gradient has the shape of w. Follow this pattern for the squared error below.

# %%
def mae_loss(w, X, y):
    """Mean absolute error of X @ w against y, and its gradient (D,)."""
    r = X @ w - y
    return float(np.mean(np.abs(r))), X.T @ np.sign(r) / X.shape[0]


# %% [markdown]
# ## 1.2 Mean squared error
#
# `L(w) = (1/N) sum_n (X[n] @ w - y_n)^2`. Differentiate one term: the derivative of
# `r^2` is `2 r`, times `dr/dw = X[n]`. Average over the examples and write the result
# as one matrix expression. Both the 2 and the 1/N belong in the gradient: a gradient
# that is off by a constant factor still points the right way, but the learning rate you
# tune for it will be wrong for everybody else's. The check compares your gradient with
# central differences `(L(w + h e_i) - L(w - h e_i)) / 2h`.

# %% nbgrader={"solution": true, "grade_id": "mse_loss"}
def mse_loss(w, X, y):
    """Mean squared error of the linear model X @ w, and its gradient.

    w: (D,) weights; X: (N, D) design matrix; y: (N,) targets.
    Returns loss (float) and grad (D,), the gradient of the loss with respect to w.
    """
    ### BEGIN SOLUTION
    r = X @ w - y
    loss = np.mean(r**2)
    grad = 2 * X.T @ r / X.shape[0]
    ### END SOLUTION
    return loss, grad


# %% nbgrader={"grade": true, "grade_id": "ex1_2", "points": 2}
check("1.2", mse_loss)
### BEGIN HIDDEN TESTS
check("1.2", mse_loss, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## Worked example: the normal equations
#
# The MSE is a quadratic bowl in w, so its minimum is where the gradient vanishes:
# `2/N X.T (X w - y) = 0`, that is `X.T X w = X.T y`, the **normal equations**. When
# X has full column rank, `X.T X` is invertible and the answer is one line.

# %%
def fit_normal_equations(X, y):
    """Least squares through X.T X w = X.T y. Fine when X is well conditioned."""
    return np.linalg.solve(X.T @ X, X.T @ y)


X_demo, y_demo, w_true = make_linear(50, 4, np.random.default_rng(2))
w_ne = fit_normal_equations(X_demo, y_demo)
print("true w        ", w_true.round(3))
print("normal eqs. w ", w_ne.round(3))
print("gradient there", mse_loss(w_ne, X_demo, y_demo)[1].round(12))

# %% [markdown]
# ### When the normal equations fail
#
# Forming `X.T X` squares the **condition number** of the problem, the ratio of the
# largest to the smallest singular value of X. Floating point keeps about 16 digits, so
# once cond(X) reaches about 1e8, cond(X.T X) reaches 1e16 and the solve returns digits
# that mean nothing. This happens in practice whenever two features are nearly copies of
# each other, or (section 1.7) when the features are powers x, x², x³, ... . If two
# columns are exact copies, `X.T X` is singular and there is no unique answer at all:
# any split of the weight between the two columns fits equally well.
#
# `np.linalg.lstsq` works on X itself, through its singular value decomposition
# `X = U diag(s) V.T`, giving `w = V diag(1/s) U.T y`, with the singular values that are
# zero up to rounding left out. Among all the w that fit equally well it returns the
# one of smallest norm.
#
# Below, the gap between the two methods is measured on the fitted **values** `X @ w`
# and on the loss, not on w: when X is ill conditioned, wildly different weights give
# nearly the same predictions, so the weights are not the thing to compare.

# %%
X_bad = ill_conditioned(40, 6, 1e10, np.random.default_rng(3))
y_bad = X_bad @ np.ones(6) + 0.01 * np.random.default_rng(4).normal(size=40)
cond = np.linalg.cond(X_bad)
print(f"cond(X) = {cond:.1e}, so cond(X.T X) = cond(X)**2 = {cond**2:.1e}")
for name, w in [("normal equations", fit_normal_equations(X_bad, y_bad)),
                ("lstsq", np.linalg.lstsq(X_bad, y_bad, rcond=None)[0])]:
    print(f"{name:17s} loss {mse_loss(w, X_bad, y_bad)[0]:.6e}  |w| = {np.linalg.norm(w):.3g}")

# %% [markdown]
# ## 1.3 Least squares that does not break
#
# Write `fit_least_squares(X, y)`: the w that minimises the MSE, for any X, including ill
# conditioned and rank-deficient ones. You may call `np.linalg.lstsq` (with
# `rcond=None`) or compute the SVD yourself; do not form `X.T @ X`. The check compares
# your w with `lstsq` on well-conditioned problems, and only your loss and your
# predictions on ill-conditioned and rank-deficient ones, for the reason above.

# %% nbgrader={"solution": true, "grade_id": "fit_least_squares"}
def fit_least_squares(X, y):
    """Weights that minimise mean((X @ w - y)**2).

    X: (N, D) design matrix, possibly ill conditioned or with repeated columns;
    y: (N,) targets. Returns w (D,).
    """
    ### BEGIN SOLUTION
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    ### END SOLUTION
    return w


# %% nbgrader={"grade": true, "grade_id": "ex1_3", "points": 2}
check("1.3", fit_least_squares)
### BEGIN HIDDEN TESTS
check("1.3", fit_least_squares, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## Worked example: gradient descent on one number
#
# A closed form exists only for the simplest models. Everything in the rest of the course
# is trained by **gradient descent**: start somewhere, and repeat
# `w <- w - lr * grad L(w)`. Here it is on `L(w) = (w - 3)^2`, whose gradient is
# `2 (w - 3)`. Each step shrinks the distance to the minimum by the factor `1 - 2 lr`:
# with lr = 0.1 it converges; with lr above 1 it would overshoot further each step.

# %%
w_1d = 0.0
for _ in range(30):
    w_1d = w_1d - 0.1 * 2 * (w_1d - 3)
print(f"after 30 steps w = {w_1d:.5f} (the minimum is 3)")

# %% [markdown]
# ## 1.4 Linear regression by gradient descent
#
# Start from `w = 0`, take `steps` steps of size `lr` with the gradient from your
# `mse_loss`, and record the loss **before** each step (so `losses[0]` is the loss at
# w = 0 and there are `steps` of them).
#
# Why does this reach the closed-form answer? The MSE is a convex quadratic with
# constant Hessian `H = 2/N X.T X`, and the gradient vanishes only at the least-squares
# solution. Along each eigenvector of H with eigenvalue λ, the error shrinks by the factor
# `1 - lr λ` per step, exactly as in the one-number example. So any `lr < 2 / λ_max`
# converges, and the slowest direction, the smallest λ, sets how many steps it takes:
# an ill-conditioned X is slow for gradient descent as well.

# %% nbgrader={"solution": true, "grade_id": "fit_linear_gd"}
def fit_linear_gd(X, y, lr, steps):
    """Minimise the MSE by gradient descent from w = 0, using mse_loss.

    X: (N, D); y: (N,); lr: step size; steps: number of steps.
    Returns w (D,) after the last step and losses, a list of `steps` floats: the loss
    before each step.
    """
    w = np.zeros(X.shape[1])
    losses = []
    ### BEGIN SOLUTION
    for _ in range(steps):
        loss, grad = mse_loss(w, X, y)
        losses.append(loss)
        w = w - lr * grad
    ### END SOLUTION
    return w, losses


# %% nbgrader={"grade": true, "grade_id": "ex1_4", "points": 3}
check("1.4", fit_linear_gd)
### BEGIN HIDDEN TESTS
check("1.4", fit_linear_gd, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# Watch both methods meet. The learning rate is a fraction of `2 / λ_max`; the last run
# uses slightly more than that limit and diverges.

# %% tags=["experiment"]
lam = curvature(X_demo)
w_star = fit_least_squares(X_demo, y_demo)
fig, axes = plt.subplots(1, 2, figsize=(10, 3.5))
for frac in (0.1, 0.5, 0.9, 1.02):
    w_gd, losses = fit_linear_gd(X_demo, y_demo, frac * 2 / lam, 60)
    plot_losses(losses, ax=axes[0], label=f"lr = {frac:g} x 2/λmax", logy=True)
    path = [np.zeros(4)]
    for _ in range(60):
        path.append(path[-1] - frac * 2 / lam * mse_loss(path[-1], X_demo, y_demo)[1])
    axes[1].semilogy([np.linalg.norm(p - w_star) for p in path], label=f"{frac:g} x 2/λmax")
axes[0].legend(fontsize=8)
axes[1].set_xlabel("step")
axes[1].set_ylabel("|w - w_closed_form|")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Worked example: the sigmoid
#
# For classification with two classes, y ∈ {0, 1}, the model outputs a probability:
# `p = sigmoid(X @ w)`, with `sigmoid(z) = 1 / (1 + exp(-z))`. Written that way,
# `exp(-z)` overflows for z = -1000 (numpy warns and returns inf). Computing `exp(-|z|)`,
# which never exceeds 1, and choosing the formula by the sign of z avoids it.

# %%
def sigmoid(z):
    """1 / (1 + exp(-z)), elementwise, without overflow."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


print(sigmoid(np.array([-1000.0, -2.0, 0.0, 2.0, 1000.0])))

# %% [markdown]
# ## 1.5 Logistic regression: the cross-entropy loss
#
# The loss is the mean negative log-probability of the observed labels:
#
# `L(w) = -(1/N) sum_n [ y_n log p_n + (1 - y_n) log(1 - p_n) ]`, with `p = sigmoid(X @ w)`.
#
# Two facts to use:
#
# * **Stability.** With `z = X @ w`, `-log p = log(1 + e^-z)` and `-log(1 - p) = log(1 + e^z)`,
#   so each term is `log(1 + e^z) - y z`. `np.logaddexp(0, z)` computes `log(1 + e^z)`
#   without overflow. Taking `np.log(sigmoid(z))` fails once `p` rounds to 0 or 1.
# * **The gradient is simple.** `dL/dw = X.T @ (p - y) / N`: the same form as for the
#   squared error, predictions minus targets, carried back through X.

# %% nbgrader={"solution": true, "grade_id": "logistic_loss"}
def logistic_loss(w, X, y):
    """Mean binary cross-entropy of p = sigmoid(X @ w) against labels y, and its gradient.

    w: (D,); X: (N, D); y: (N,) labels in {0, 1}.
    Returns loss (float) and grad (D,). Must stay finite for |X @ w| in the thousands.
    """
    ### BEGIN SOLUTION
    z = X @ w
    loss = np.mean(np.logaddexp(0, z) - y * z)
    grad = X.T @ (sigmoid(z) - y) / X.shape[0]
    ### END SOLUTION
    return loss, grad


# %% nbgrader={"grade": true, "grade_id": "ex1_5", "points": 2}
check("1.5", logistic_loss)
### BEGIN HIDDEN TESTS
check("1.5", logistic_loss, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 1.6 Logistic regression by gradient descent
#
# There is no closed form this time: the gradient is zero where `X.T @ (p - y) = 0`,
# which is not a linear equation in w. The loss is still convex, so gradient descent
# still finds its minimum. Write the same loop as in 1.4, with `logistic_loss`.

# %% nbgrader={"solution": true, "grade_id": "fit_logistic"}
def fit_logistic(X, y, lr, steps):
    """Minimise the logistic loss by gradient descent from w = 0, using logistic_loss.

    X: (N, D); y: (N,) labels in {0, 1}; lr: step size; steps: number of steps.
    Returns w (D,) and losses, a list of `steps` floats: the loss before each step.
    """
    w = np.zeros(X.shape[1])
    losses = []
    ### BEGIN SOLUTION
    for _ in range(steps):
        loss, grad = logistic_loss(w, X, y)
        losses.append(loss)
        w = w - lr * grad
    ### END SOLUTION
    return w, losses


# %% nbgrader={"grade": true, "grade_id": "ex1_6", "points": 2}
check("1.6", fit_logistic)
### BEGIN HIDDEN TESTS
check("1.6", fit_logistic, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The decision boundary is where `p = 1/2`, that is `X @ w = 0`: a straight line in the
# plane. Training accuracy alone says little; the held-out accuracy is the claim.
# The loss starts at ln 2 ≈ 0.693, the cross-entropy of a coin flip.

# %% tags=["experiment"]
Xb, yb = make_blobs(400, np.random.default_rng(5))
tr, va, te = split_indices(len(yb), (0.5, 0.25, 0.25), np.random.default_rng(6))
w_log, losses = fit_logistic(add_bias(Xb[tr]), yb[tr], lr=0.5, steps=300)
for name, idx in [("train", tr), ("validation", va)]:
    acc = np.mean((add_bias(Xb[idx]) @ w_log > 0) == yb[idx])
    print(f"{name} accuracy {acc:.3f}")
fig, axes = plt.subplots(1, 2, figsize=(10, 3.5))
plot_losses(losses, ax=axes[0])
plot_decision_boundary(lambda P: add_bias(P) @ w_log, Xb[va], yb[va], ax=axes[1])
axes[1].set_title("validation points and the learned boundary")
plt.show()

# %% [markdown]
# ## 1.7 Capacity: polynomial features
#
# A linear model can fit curves if we hand it curved features. For a scalar x, the
# features `1, x, x², ..., x^degree` turn the linear model into a polynomial of that
# degree, still fitted by least squares. The degree is the model's **capacity**: degree
# 0 fits a constant, degree N - 1 passes through any N points.
#
# Return the columns in increasing powers, starting with the constant column `x**0`
# (careful: `np.vander` puts the highest power first unless told otherwise).

# %% nbgrader={"solution": true, "grade_id": "poly_features"}
def poly_features(x, degree):
    """Polynomial design matrix of a 1-D input.

    x: (N,); degree: int >= 0.
    Returns Phi (N, degree + 1) with Phi[n, k] = x[n] ** k.
    """
    ### BEGIN SOLUTION
    Phi = x[:, None] ** np.arange(degree + 1)
    ### END SOLUTION
    return Phi


# %% nbgrader={"grade": true, "grade_id": "ex1_7", "points": 1}
check("1.7", poly_features)
### BEGIN HIDDEN TESTS
check("1.7", poly_features, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## Worked example: one degree, two errors
#
# Fit on the training set, then measure the MSE on both sets. Only the second number
# says anything about unseen data.

# %%
x_tr, y_tr = x_all[:20], y_all[:20]
x_va, y_va = x_all[20:], y_all[20:]
w3 = fit_least_squares(poly_features(x_tr, 3), y_tr)
print("degree 3: train MSE", np.mean((poly_features(x_tr, 3) @ w3 - y_tr) ** 2).round(4),
      " validation MSE", np.mean((poly_features(x_va, 3) @ w3 - y_va) ** 2).round(4))

# %% [markdown]
# ## 1.8 The capacity sweep
#
# Repeat that for every degree in `degrees` and return both error curves and the degree
# with the smallest **validation** error. The training error can only go down as the
# degree grows (each model contains the previous one), so it would always pick the
# largest degree: choosing by training error is choosing to overfit.

# %% nbgrader={"solution": true, "grade_id": "capacity_sweep"}
def capacity_sweep(x_train, y_train, x_val, y_val, degrees):
    """Fit one polynomial per degree on the training set and measure it on both sets.

    x_train, y_train: (N,); x_val, y_val: (M,); degrees: list of K ints.
    Returns train_errors (K,) and val_errors (K,), the MSE of each fit on each set, and
    best_degree, the entry of `degrees` with the smallest validation error.
    """
    ### BEGIN SOLUTION
    train_errors, val_errors = [], []
    for d in degrees:
        w = fit_least_squares(poly_features(x_train, d), y_train)
        train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))
        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))
    best_degree = degrees[int(np.argmin(val_errors))]
    ### END SOLUTION
    return np.array(train_errors), np.array(val_errors), best_degree


# %% nbgrader={"grade": true, "grade_id": "ex1_8", "points": 3}
check("1.8", capacity_sweep)
### BEGIN HIDDEN TESTS
check("1.8", capacity_sweep, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### The U-shaped curve
#
# With 20 training points the training error falls steadily with the degree. The
# validation error falls while the extra capacity captures the real curve, then rises
# once the polynomial starts to follow the noise: that is overfitting, and the bottom
# of the U is the degree the data support.

# %% tags=["experiment"]
degrees = list(range(0, 13))
rng = np.random.default_rng(7)
x_tr, y_tr = make_curve(20, rng)
x_va, y_va = make_curve(200, rng)
x_te, y_te = make_curve(1000, rng)
tr_err, va_err, best = capacity_sweep(x_tr, y_tr, x_va, y_va, degrees)
fig, axes = plt.subplots(1, 2, figsize=(10, 3.5))
plot_capacity(degrees, tr_err, va_err, best, ax=axes[0], label="(N = 20)")
fits = {d: fit_least_squares(poly_features(x_tr, d), y_tr) for d in (1, best, 12)}
plot_poly_fits(x_tr, y_tr, fits, ax=axes[1])
plt.show()
w_best = fits[best]
print(f"chosen degree {best}; its test MSE, measured once: "
      f"{np.mean((poly_features(x_te, best) @ w_best - y_te) ** 2):.3f} "
      f"(the noise variance, the best possible, is {0.3**2:.3f})")

# %% [markdown]
# ### More data moves the bottom of the U
#
# The same sweep with 200 training points. The right side of the U flattens: 200 noisy
# points pin a degree-12 polynomial down, so the extra capacity costs almost nothing, and
# the gap between the training and validation curves nearly closes. How much capacity
# the data support depends on how much data there is.

# %% tags=["experiment"]
x_tr2, y_tr2 = make_curve(200, np.random.default_rng(8))
tr2, va2, best2 = capacity_sweep(x_tr2, y_tr2, x_va, y_va, degrees)
ax = plot_capacity(degrees, tr_err, va_err, best, label="(N = 20)")
plot_capacity(degrees, tr2, va2, best2, ax=ax, label="(N = 200)")
plt.show()
for n_tr, tr_e, va_e, b in [(20, tr_err, va_err, best), (200, tr2, va2, best2)]:
    print(f"N = {n_tr:3d}: chosen degree {b}, validation MSE {va_e.min():.3f}; at degree 12 "
          f"train {tr_e[-1]:.3f}, validation {va_e[-1]:.3g}")

# %% [markdown]
# ### A note on rich models
#
# The U shape suggests that a model with more parameters than examples must overfit.
# Deep networks have millions of parameters and often more than their training examples,
# can even fit random labels exactly (Zhang et al., 2017), and yet generalise well on
# real data. Two things from this module help explain it. First, with plentiful data
# the bottom of the U moves right, as above: capacity is only excessive relative to the
# data. Second, the parameter count is a poor measure of capacity: *which* of the many
# perfect fits the training procedure finds matters. `lstsq` picks the smallest-norm
# one, and gradient descent from small weights has a similar preference for simple
# solutions; past the point where the model interpolates the data, the test error of
# such fits can fall again ("double descent", Belkin et al., 2019). The practical rule
# does not change: hold data out, and trust the validation curve rather than the
# training curve.
