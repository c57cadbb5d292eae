# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 04 · Optimisation: "good enough" from simple rules
#
# The loss of a neural network is not convex. Nothing guarantees that following the
# gradient from a random start ends anywhere good: there are many minima, flat
# regions and saddle points. Yet in practice simple rules, gradient descent with a bit
# of momentum, reliably find solutions that are good enough. This module builds those
# rules and then looks at why they work:
#
# * on an **ill-conditioned quadratic**, the simplest hard problem, plain gradient
#   descent crawls along the flat directions while momentum speeds it up;
# * the **learning rate** has a window: too small and nothing happens, too large and the
#   iterates diverge;
# * on a **small non-convex problem** (the module 02 network on spirals), many random
#   starts end at different solutions that are all about equally good;
# * in **deep linear networks** training stalls on plateaus around saddle points and
#   then escapes, rather than getting stuck in bad minima (Saxe, McClelland, Ganguli 2014).
#
# **The update-rule API.** Parameters live in a dict of arrays, `params = {"W1": ...,
# "b1": ...}`, gradients in a dict `grads` with the same keys and shapes, and a rule's
# memory in a third dict `state`, also keyed like `params`. Every rule has the signature
# `rule(params, grads, state, lr, mu)`, changes `params` and `state` **in place** and
# returns nothing. For momentum, `state[k]` holds the velocity of `params[k]`: the last
# step it took. The caller creates the state as zeros with `zeros_like(params)`.
#
# **Objectives.** A test problem is an object with two methods: `objective.loss(params)`
# returns a float and `objective.grad(params)` returns a dict of gradients keyed like
# `params`.

# %%
import numpy as np

from autograder import check
from course.data import spirals
from course.plots import plot_decision_boundary
from course.reference.nn import accuracy, mlp_backward, mlp_forward, mlp_init, softmax_cross_entropy
from course.reference.optim import (
    Quadratic,
    deep_linear_train,
    full_loss,
    ill_conditioned,
    momentum_speedup,
    plot_curves,
    plot_histogram,
    plot_lr_sweep,
    steps_to_target,
    zeros_like,
)

# %% [markdown]
# ## Worked example: plain SGD as an update rule
#
# The rule from module 02, `p <- p - lr * g`, written with the common signature. It
# needs no memory, so it ignores `state` and `mu`. Note `params[k] -= ...`: the array in
# the dict changes, and the caller sees the new values.

# %%
def sgd_step(params, grads, state, lr, mu=0.0):
    """In place: params[k] <- params[k] - lr * grads[k]; state and mu are unused."""
    for k in params:
        params[k] -= lr * grads[k]


# %% tags=["experiment"]
objective = Quadratic({"x": np.diag([1.0, 0.1])})
params = {"x": np.array([1.0, 1.0])}
state = zeros_like(params)
for t in range(3):
    sgd_step(params, objective.grad(params), state, lr=0.5)
    print(f"step {t + 1}: x = {params['x']}, loss {objective.loss(params):.4f}")

# %% [markdown]
# ## 4.1 Classical momentum
#
# Gradient descent forgets everything but the current gradient. Momentum keeps a
# velocity `v`, a running sum of past steps that decays by a factor `mu` each step:
#
# `v <- mu * v - lr * g`, then `p <- p + v`.
#
# Where successive gradients agree (a long, gently sloping valley floor) the steps add
# up to nearly `lr / (1 - mu)` times the gradient; where they alternate in sign (across a
# narrow valley) they cancel. That is exactly what an ill-conditioned problem needs.
# Update the velocity first, then move the parameters by the *new* velocity, and store
# the velocity in `state[k]` so the next call can use it. Do not change `grads`.

# %% nbgrader={"solution": true, "grade_id": "momentum_step"}
def momentum_step(params, grads, state, lr, mu):
    """Classical momentum, in place; returns nothing.

    params, grads, state: dicts with the same keys, each value an array of the same shape;
    state[k] is the velocity v of params[k] (zeros before the first step).
    For every key: v <- mu * v - lr * g; p <- p + v.
    """
    ### BEGIN SOLUTION
    for k in params:
        state[k] *= mu
        state[k] -= lr * grads[k]
        params[k] += state[k]
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex4_1", "points": 3}
check("4.1", momentum_step)
### BEGIN HIDDEN TESTS
check("4.1", momentum_step, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 4.2 Nesterov momentum
#
# Momentum will carry the parameters to about `p + mu * v` whatever the gradient says.
# Nesterov's accelerated gradient therefore measures the gradient *there*, at the point
# it is about to reach, and corrects the velocity before it overshoots. In the form of
# Sutskever, Martens, Dahl and Hinton (2013, Eqs. 3-4):
#
# `v <- mu * v - lr * grad(p + mu * v)`, then `p <- p + v`.
#
# The only difference from classical momentum is where the gradient is taken, so this
# rule receives the `objective` instead of `grads` and calls `objective.grad` on a
# look-ahead dict. (Other papers rewrite Nesterov's method in terms of the look-ahead
# point itself; that form gives a different sequence of `params`, so stick to this one:
# the check compares your trajectory with it step by step.)

# %% nbgrader={"solution": true, "grade_id": "nesterov_step"}
def nesterov_step(params, objective, state, lr, mu):
    """Nesterov momentum (Sutskever et al. 2013 form), in place; returns nothing.

    params, state: dicts of arrays with the same keys and shapes; state[k] is the velocity.
    objective.grad(d) returns the gradient dict at the point d (a dict keyed like params).
    For every key: v <- mu * v - lr * grad(params + mu * v)[k]; p <- p + v.
    """
    ### BEGIN SOLUTION
    ahead = {k: params[k] + mu * state[k] for k in params}
    g = objective.grad(ahead)
    for k in params:
        state[k] = mu * state[k] - lr * g[k]
        params[k] += state[k]
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex4_2", "points": 3}
check("4.2", nesterov_step)
### BEGIN HIDDEN TESTS
check("4.2", nesterov_step, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 4.3 The momentum schedule
#
# A large `mu` at the very start, when the gradients are large and change direction
# quickly, makes the first steps erratic. Sutskever et al. (2013) started small and
# raised `mu` every 250 steps towards a ceiling `mu_max`:
#
# `mu_t = min(1 - 2 ** (-1 - log2(floor(t / 250) + 1)), mu_max)`,
#
# for steps t = 0, 1, 2, ... So `mu` is 0.5 for the first 250 steps, then 0.75, then
# 0.833..., approaching 1 until it meets `mu_max`. Use `np.log2` (or `math.log2`) and a
# true floor.

# %% nbgrader={"solution": true, "grade_id": "momentum_schedule"}
def momentum_schedule(t, mu_max):
    """The momentum coefficient (a float) for step t = 0, 1, ..., capped at mu_max."""
    ### BEGIN SOLUTION
    mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)
    ### END SOLUTION
    return float(mu)


# %% nbgrader={"grade": true, "grade_id": "ex4_3", "points": 2}
check("4.3", momentum_schedule)
### BEGIN HIDDEN TESTS
check("4.3", momentum_schedule, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 4.4 An optimisation loop
#
# Put the pieces together: starting from `params`, run `n_steps` steps of one method,
# `"sgd"`, `"momentum"` or `"nesterov"`, on an objective. Step `t` (counting from 0)
# uses `mu = momentum_schedule(t, mu_max)`; SGD ignores it. The state starts at zeros.
# Record the loss before the first step and after every step, so `losses[t]` is the
# loss after `t` steps and the list has `n_steps + 1` entries.

# %% nbgrader={"solution": true, "grade_id": "optimise"}
def optimise(objective, params, method, lr, mu_max, n_steps):
    """Minimise objective from params (a dict of arrays, updated in place).

    method: "sgd", "momentum" or "nesterov"; lr: learning rate; mu_max: momentum ceiling.
    Returns losses, a list of n_steps + 1 floats.
    """
    state = zeros_like(params)
    ### BEGIN SOLUTION
    losses = [objective.loss(params)]
    for t in range(n_steps):
        mu = momentum_schedule(t, mu_max)
        if method == "nesterov":
            nesterov_step(params, objective, state, lr, mu)
        elif method == "momentum":
            momentum_step(params, objective.grad(params), state, lr, mu)
        else:
            sgd_step(params, objective.grad(params), state, lr, mu)
        losses.append(objective.loss(params))
    ### END SOLUTION
    return losses


# %% nbgrader={"grade": true, "grade_id": "ex4_4", "points": 2}
check("4.4", optimise)
### BEGIN HIDDEN TESTS
check("4.4", optimise, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## Experiment: momentum on an ill-conditioned quadratic
#
# `ill_conditioned` builds a quadratic bowl in 20 dimensions whose curvatures range
# from 1 down to 1/1000: a condition number of 1000. Gradient descent must use a
# learning rate below 2 (two over the largest curvature) or it diverges along the
# steepest direction, and with `lr = 1` the flattest direction shrinks by only 0.1% per
# step.
# Momentum accumulates speed along the flat directions. We count the steps each method
# needs to bring the loss a millionfold below its start. The schedule holds `mu` at 0.5
# for the first 250 steps, which costs some of the gain on a problem this easy; the last
# line measures momentum at a constant `mu = 0.9` instead.

# %% tags=["experiment"]
obj, start = ill_conditioned(n=20, kappa=1000.0, rng=np.random.default_rng(0))
curves = {}
for method in ("sgd", "momentum", "nesterov"):
    p = {k: v.copy() for k, v in start.items()}
    curves[method] = optimise(obj, p, method, lr=1.0, mu_max=0.99, n_steps=2500)
target = 1e-6 * curves["sgd"][0]
steps = {m: steps_to_target(c, target) for m, c in curves.items()}
for m, s in steps.items():
    print(f"{m:9s}: {s:4d} steps to the target, {steps['sgd'] / s:.1f}x fewer than SGD")
m, s = momentum_speedup(obj, start, lr=1.0, mu=0.9, momentum=momentum_step)
print(f"without the schedule (mu = 0.9 from the first step) momentum needs {m} steps: "
      f"{steps['sgd'] / m:.1f}x fewer than SGD")
ax = plot_curves(curves)
ax.axhline(target, color="gray", ls=":", lw=0.8)
ax.set_ylim(1e-14, None)
ax.set_title("condition number 1000, lr = 1, mu_max = 0.99")

# %% [markdown]
# ## Experiment: the learning-rate window
#
# Sweep the learning rate from far too small to too large and look at the loss after
# 150 steps. Too small: the loss barely moves. Larger is better, up to a point. Beyond
# `lr = 2` (two over the largest curvature) SGD diverges: the steepest direction is
# multiplied by `|1 - lr|` > 1 every step. Momentum shifts the window: with a fixed `mu`
# it stays stable up to `lr = 2 (1 + mu)`, here 3. Every curve ends in a cliff: the
# best learning rate is just below the one that diverges.

# %% tags=["experiment"]
lrs = np.geomspace(0.003, 6.0, 30)
finals = {}
with np.errstate(over="ignore", invalid="ignore"):
    for method in ("sgd", "momentum"):
        finals[method] = []
        for lr in lrs:
            p = {k: v.copy() for k, v in start.items()}
            finals[method].append(optimise(obj, p, method, lr, mu_max=0.5, n_steps=150)[-1])
plot_lr_sweep(lrs, {"sgd": finals["sgd"], "momentum, mu = 0.5": finals["momentum"]},
              start=obj.loss(start), diverge_at=2.0)

# %% [markdown]
# ## 4.5 Momentum on a non-convex problem
#
# Now the real thing: the module 02 network (one hidden layer of 64 ReLUs) on three
# spirals, trained by minibatch momentum with the schedule. This is `train_mlp` of
# module 02 with `momentum_step` instead of plain SGD. The step counter `t` of the
# schedule counts minibatch steps over all epochs; the velocity state is created once,
# before the loop. Use `rng` for the initialisation and the shuffling.

# %% nbgrader={"solution": true, "grade_id": "train_mlp_momentum"}
def train_mlp_momentum(X, y, sizes, rng, lr=0.1, mu_max=0.9, epochs=60, batch_size=32):
    """Train a ReLU MLP with softmax cross-entropy by minibatch momentum with the schedule.

    X: (N, D), y: (N,) labels; sizes: [D, H, ..., C]; rng: np.random.Generator.
    Returns the trained params and the list of per-step (minibatch) losses.
    """
    params = mlp_init(sizes, rng)
    losses = []
    ### BEGIN SOLUTION
    state = zeros_like(params)
    n = X.shape[0]
    t = 0
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            scores, caches = mlp_forward(params, X[idx])
            loss, dscores = softmax_cross_entropy(scores, y[idx])
            grads = mlp_backward(dscores, caches)
            momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))
            losses.append(float(loss))
            t += 1
    ### END SOLUTION
    return params, losses


# %% nbgrader={"grade": true, "grade_id": "ex4_5", "points": 3}
check("4.5", train_mlp_momentum)
### BEGIN HIDDEN TESTS
check("4.5", train_mlp_momentum, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## Experiment: many random starts
#
# Train the same network on the same data from 20 random initialisations. If bad local
# minima were common, the final losses would scatter widely, with some runs stuck high
# near where they started (ln 3 ≈ 1.1). They do not: every run goes down the same way
# and the final losses cluster tightly. The solutions are nevertheless different
# networks: two of them are as far apart in weight space as two independent random
# draws (distance / norm ≈ √2). Part of that is trivial (the 64 hidden units can be
# listed in any order, giving 64! equivalent networks), part is real: the boundaries
# agree on the data and differ in their details away from it. No theorem promised any
# of this; it is what happens.

# %% tags=["experiment"]
X, y = spirals(n_per_class=100, n_classes=3, noise=0.15, rng=np.random.default_rng(0))
runs = [train_mlp_momentum(X, y, [2, 64, 3], np.random.default_rng(s)) for s in range(20)]
final = np.array([full_loss(p, X, y) for p, _ in runs])
accs = np.array([accuracy(mlp_forward(p, X)[0], y) for p, _ in runs])
print(f"final training loss: min {final.min():.3f}, median {np.median(final):.3f}, "
      f"max {final.max():.3f} (it started near ln 3 = {np.log(3):.3f})")
print(f"training accuracy: min {accs.min():.1%}, max {accs.max():.1%}")
import matplotlib.pyplot as plt

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.5))
for _, losses in runs:
    ax1.plot(np.convolve(losses, np.ones(20) / 20, mode="valid"), color="C0", alpha=0.3, lw=0.8)
ax1.set(xlabel="step", ylabel="minibatch loss (moving average)", title=f"{len(runs)} random starts")
plot_histogram(final, ax=ax2)
ax2.set_title("final training losses")

# %% tags=["experiment"]
(pa, _), (pb, _) = runs[0], runs[1]
dist = np.sqrt(sum(np.sum((pa[k] - pb[k]) ** 2) for k in pa))
norm = np.sqrt(sum(np.sum(pa[k] ** 2) for k in pa))
grid = np.random.default_rng(1).uniform(-1.5, 1.5, size=(4000, 2))
disagree_far = np.mean(mlp_forward(pa, grid)[0].argmax(1) != mlp_forward(pb, grid)[0].argmax(1))
disagree_data = np.mean(mlp_forward(pa, X)[0].argmax(1) != mlp_forward(pb, X)[0].argmax(1))
print(f"runs 0 and 1: weight distance / weight norm = {dist / norm:.2f}; they disagree on "
      f"{disagree_data:.1%} of the training points and on {disagree_far:.1%} of points drawn "
      "uniformly from the square [-1.5, 1.5]^2")
fig, axes = plt.subplots(1, 3, figsize=(12, 3.8))
for ax, (p, _), s in zip(axes, runs[:3], range(3)):
    plot_decision_boundary(lambda Z, p=p: mlp_forward(p, Z)[0], X, y, ax=ax)
    ax.set_title(f"start {s}: loss {final[s]:.3f}")

# %% [markdown]
# ## Experiment: plateaus and saddles in deep linear networks
#
# Why does training not get stuck? Saxe, McClelland and Ganguli (2014) solved the
# learning dynamics of deep *linear* networks `y = W_L ... W_1 x` exactly. Their loss is
# non-convex, yet every local minimum is global; what slows learning are **saddle
# points**. The origin (all weights zero) is one: the gradient vanishes there, but it is
# not a minimum. Started from small weights, a deep linear net sits on a long plateau
# near that saddle, then escapes abruptly, learning the target map one singular
# direction at a time, strongest first: each drop in the staircase below is one more
# singular value of the target map (3, 2, 1, 0.5) being learned; at depth 4 the weakest
# one is still on its plateau when we stop. A depth-1 net (a convex
# problem) has no plateau at all, and the deeper the net, the longer the plateaus.

# %% tags=["experiment"]
rng = np.random.default_rng(0)
Xl = rng.normal(size=(200, 8))
U, _ = np.linalg.qr(rng.normal(size=(8, 8)))
V, _ = np.linalg.qr(rng.normal(size=(8, 8)))
Yl = Xl @ (U[:, :4] * np.array([3.0, 2.0, 1.0, 0.5])) @ V[:4]  # singular values 3, 2, 1, 0.5
curves = {f"depth {d}": deep_linear_train(Xl, Yl, depth=d, width=8, scale=0.05, lr=0.05,
                                          n_steps=2500, rng=np.random.default_rng(1))
          for d in (1, 2, 4)}
ax = plot_curves(curves, logy=False)
ax.set_title("deep linear nets from small weights: plateaus, then escapes")

# %% [markdown]
# ## What just happened
#
# Three lines of arithmetic, a velocity and a schedule, turned gradient descent into a
# method that is several times faster on a badly conditioned problem. On a genuinely
# non-convex problem no theorem promised anything, yet every random start found a
# solution about as good as every other. The picture that emerges (and that the deep
# linear analysis makes exact) is of a landscape with many equally good minima and with
# saddles and plateaus that slow training down rather than trap it. The next module
# trains recurrent networks, where the same rules meet a new difficulty: gradients that
# vanish or explode through time.
