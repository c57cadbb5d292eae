# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 03 · Initialisation
#
# Module 02 trained a network with one hidden layer and never asked where its first
# weights came from. Stack twenty or thirty layers and that question decides
# everything: with one choice of random scale the same code, the same data and the
# same learning rate train in a few hundred steps; with a choice ten times smaller, or
# ten times larger, the loss does not move at all.
#
# The reason is arithmetic. A forward pass multiplies the signal by one weight matrix
# per layer, and the backward pass multiplies the gradient by the same matrices again.
# If each multiplication shrinks the typical size by a factor 0.9, thirty layers shrink
# it by 0.9^30 ≈ 0.04; by 0.5, to 1e-9. Nothing in the training algorithm can
# repair a gradient that has vanished before it reaches the weights.
#
# In this module you will
#
# 1. predict, with pencil and paper, how the size of the signal changes from layer to
#    layer, then measure it;
# 2. write the standard initialisers (Gaussian, uniform, Glorot/Xavier, He, orthogonal);
# 3. build a tool that looks inside a deep net at initialisation;
# 4. train deep nets from good and bad starting points and map where training works.
#
# **Conventions.** As in module 02, a weight matrix `W` has shape (fan_in, fan_out) and
# is used as `x @ W`: *fan_in* is the number of inputs of each unit (`W.shape[0]`),
# *fan_out* the number of units the layer feeds (`W.shape[1]`). Every initialiser takes
# an explicit `rng` (a `np.random.Generator`) and draws every random number from it,
# never from `np.random.*`, so that a seed fixes the whole network.
#
# We use the reference layers of module 02 from `course.reference.nn` (`mlp_forward`,
# `mlp_backward` with an `activation` argument, `softmax_cross_entropy`, `sgd_step`), so
# a bug left in your module 02 does not get in the way here.

# %%
import matplotlib.pyplot as plt
import numpy as np

from autograder import check
from course.data import gaussian_blobs
from course.init_plots import plot_layer_histograms, plot_singular_values, plot_stds, plot_trainability
from course.plots import plot_losses
from course.reference.init import full_loss, product_singular_values, train
from course.reference.nn import ACTIVATIONS, mlp_backward, mlp_forward, softmax_cross_entropy

# %% [markdown]
# ## 3.1 Predict before you measure: the variance recursion
#
# Take one layer, `y = h @ W` with zero biases, where the `n` inputs `h_i` and the weights
# `W_ij` are independent with mean zero. One output is a sum of `n` independent terms
# `h_i W_ij`, and variances of independent terms add:
#
# `Var[y_j] = n · Var[W] · E[h_i^2]`.
#
# For a stack of *linear* layers `E[h^2] = Var[y]` of the layer below, so every layer
# multiplies the variance by the same number `n · Var[W]` (Glorot & Bengio 2010,
# Eqs. 5-6). Above 1 the signal grows geometrically with depth, below 1 it shrinks: only
# `Var[W] = 1/n` keeps it steady.
#
# A nonlinearity changes `E[h^2]`. ReLU sets the negative half of a symmetric
# distribution to zero and keeps the positive half, so `E[relu(y)^2] = Var[y] / 2`
# (He et al. 2015): every ReLU layer brings a factor 1/2. tanh is the identity near
# zero, so while the signal is small it brings a factor 1; once units saturate the
# true factor is smaller and the prediction is too high.
#
# Write `predicted_std`: the predicted std of the pre-activations `y_l = h_{l-1} @ W_l`
# of layers 1 to `depth` of a net of equal widths, for an input with std `input_std`.
# The input is not a ReLU output: the factor 1/2 applies from layer 2 on.

# %% nbgrader={"solution": true, "grade_id": "predicted_std"}
def predicted_std(width, depth, weight_std, activation="linear", input_std=1.0):
    """Predicted std of the pre-activations of layers 1..depth.

    width: n, the fan_in of every layer (the input also has n features);
    weight_std: the std of every weight; activation: "linear", "tanh" or "relu".
    Returns an array (depth,): entry l - 1 is the std of y_l.
    """
    ### BEGIN SOLUTION
    gain2 = 0.5 if activation == "relu" else 1.0
    var = width * weight_std**2 * input_std**2
    stds = []
    for _ in range(depth):
        stds.append(np.sqrt(var))
        var = var * width * weight_std**2 * gain2
    ### END SOLUTION
    return np.array(stds)


# %% nbgrader={"grade": true, "grade_id": "ex3_1", "points": 2}
check("3.1", predicted_std)
### BEGIN HIDDEN TESTS
check("3.1", predicted_std, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## Worked example: measuring the signal, and the old standard init
#
# To measure, run a batch through a deep net and record the std of every layer's
# pre-activations. `build_net` fills a net with weights from any initialiser
# `init(fan_in, fan_out, rng)`; `standard_uniform` is the rule that was common before
# 2010, `U[-1/sqrt(fan_in), 1/sqrt(fan_in)]`, which Glorot and Bengio called the
# "standard" initialisation. Note how it uses the `rng` it is given.

# %%
def standard_uniform(fan_in, fan_out, rng):
    """The old rule: W (fan_in, fan_out) ~ U[-1/sqrt(fan_in), 1/sqrt(fan_in)]."""
    a = 1.0 / np.sqrt(fan_in)
    return rng.uniform(-a, a, size=(fan_in, fan_out))


def build_net(sizes, init, rng):
    """{"W1", "b1", ...} for layer sizes [D, ..., C]: W_l = init(fan_in, fan_out, rng), b = 0."""
    params = {}
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
        params[f"W{i}"] = init(fan_in, fan_out, rng)
        params[f"b{i}"] = np.zeros(fan_out)
    return params


def forward_record(params, x, activation):
    """Pre-activations y_l and outputs h_l of every layer: two lists, each (N, n_l)."""
    act, _ = ACTIVATIONS[activation]
    ys, hs, h = [], [], x
    L = len(params) // 2
    for i in range(1, L + 1):
        y = h @ params[f"W{i}"] + params[f"b{i}"]
        h = act(y)[0] if i < L else y
        ys.append(y)
        hs.append(h)
    return ys, hs


# %% [markdown]
# Prediction against measurement, on a log axis, for 30 layers of width 256 and an
# input of std 1. Linear layers at `weight_std = 1/sqrt(n)` keep the signal; at 0.8
# and 1.2 times that it shrinks or grows geometrically, exactly as predicted. ReLU at
# `1/sqrt(n)` loses a factor sqrt(2) per layer; tanh follows the linear prediction
# while its signal is small and falls below it when it is large.

# %% tags=["experiment"]
n, depth = 256, 30
x = np.random.default_rng(0).normal(size=(200, n))
fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
curves = {}
for c in (0.8, 1.0, 1.2):
    params = build_net([n] * (depth + 1), lambda a, b, r, c=c: r.normal(0, c / np.sqrt(a), (a, b)),
                       np.random.default_rng(1))
    ys, _ = forward_record(params, x, "linear")
    curves[f"linear, std {c}/sqrt(n)"] = (predicted_std(n, depth, c / np.sqrt(n)),
                                          [y.std() for y in ys])
plot_stds(curves, ax=axes[0])
curves = {}
for activation, c in (("relu", 1.0), ("relu", np.sqrt(2)), ("tanh", 1.0), ("tanh", 2.0)):
    params = build_net([n] * (depth + 1), lambda a, b, r, c=c: r.normal(0, c / np.sqrt(a), (a, b)),
                       np.random.default_rng(1))
    ys, _ = forward_record(params, x, activation)
    curves[f"{activation}, std {c:.3g}/sqrt(n)"] = (
        predicted_std(n, depth, c / np.sqrt(n), activation), [y.std() for y in ys])
plot_stds(curves, ax=axes[1])
plt.tight_layout()

# %% [markdown]
# ## 3.2 Gaussian and uniform weights
#
# The two basic distributions. A Gaussian `N(0, std^2)` is given by its std. A uniform
# `U[-a, a]` is given by its bound, and its variance is `a^2/3`: the density is `1/(2a)`
# on `[-a, a]`, so `Var = ∫ w^2 dw / (2a) = (2a^3/3) / (2a) = a^2/3`. So the old
# standard rule above, `a = 1/sqrt(n)`, gives `n · Var[W] = 1/3`: each layer shrinks the
# signal by sqrt(1/3) before the nonlinearity even acts.
#
# The checks measure the mean and std of a large non-square matrix from your function
# and accept what sampling error allows (the std of a sample std is about
# `std / sqrt(2 · entries)`); they also call it twice with generators in the same state
# and require the same matrix.

# %% nbgrader={"solution": true, "grade_id": "gaussian_uniform"}
def gaussian_init(fan_in, fan_out, std, rng):
    """W (fan_in, fan_out) with independent N(0, std**2) entries, drawn from rng."""
    ### BEGIN SOLUTION
    W = rng.normal(0.0, std, size=(fan_in, fan_out))
    ### END SOLUTION
    return W


def uniform_init(fan_in, fan_out, bound, rng):
    """W (fan_in, fan_out) with independent U[-bound, bound] entries, drawn from rng."""
    ### BEGIN SOLUTION
    W = rng.uniform(-bound, bound, size=(fan_in, fan_out))
    ### END SOLUTION
    return W


# %% nbgrader={"grade": true, "grade_id": "ex3_2", "points": 2}
check("3.2", gaussian_init, uniform_init)
### BEGIN HIDDEN TESTS
check("3.2", gaussian_init, uniform_init, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 3.3 Glorot / Xavier
#
# The forward pass wants `fan_in · Var[W] = 1`; the backward pass, which multiplies by
# `W.T`, wants `fan_out · Var[W] = 1`. When the two differ Glorot and Bengio (2010,
# Eq. 12) take the compromise
#
# `Var[W] = 2 / (fan_in + fan_out)`,
#
# their "normalized initialization". As a uniform distribution that is
# `a = sqrt(3 · Var[W]) = sqrt(6 / (fan_in + fan_out))`. Write both versions, using your
# functions from 3.2.

# %% nbgrader={"solution": true, "grade_id": "xavier"}
def xavier_normal(fan_in, fan_out, rng):
    """Glorot normal: W (fan_in, fan_out) ~ N(0, 2 / (fan_in + fan_out))."""
    ### BEGIN SOLUTION
    W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)
    ### END SOLUTION
    return W


def xavier_uniform(fan_in, fan_out, rng):
    """Glorot uniform: W (fan_in, fan_out) ~ U[-a, a] with the same variance as xavier_normal."""
    ### BEGIN SOLUTION
    W = uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)
    ### END SOLUTION
    return W


# %% nbgrader={"grade": true, "grade_id": "ex3_3", "points": 2}
check("3.3", xavier_normal, xavier_uniform)
### BEGIN HIDDEN TESTS
check("3.3", xavier_normal, xavier_uniform, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### The Glorot picture
#
# Glorot and Bengio (2010, Fig. 6) drew the histogram of every layer's tanh activations
# at initialisation. Under the standard init each layer's distribution is narrower than
# the one below: the signal fades with depth. Under the normalized init the
# histograms of all layers nearly coincide.

# %% tags=["experiment"]
x = np.random.default_rng(0).normal(size=(500, 256))
fig, axes = plt.subplots(1, 2, figsize=(11, 3.5), sharey=True)
for ax, (title, init) in zip(axes, (("standard U[-1/sqrt(n), 1/sqrt(n)]", standard_uniform),
                                    ("normalized (Xavier uniform)", xavier_uniform))):
    params = build_net([256] * 6, init, np.random.default_rng(1))
    _, hs = forward_record(params, x, "tanh")
    plot_layer_histograms(hs[:-1], ax=ax, title=title)
plt.tight_layout()

# %% [markdown]
# ## 3.4 He
#
# For ReLU nets the recursion of 3.1 has the extra factor 1/2 per layer, so the critical
# weight variance doubles (He et al. 2015, Eq. 10):
#
# `Var[W] = 2 / fan_in`.
#
# With Xavier's `1/n` instead, each ReLU layer shrinks the signal by 1/sqrt(2): after 30
# layers by `2^-15 ≈ 3e-5`. The check builds a 30-layer ReLU net with your `he_init` and
# trains it for 200 steps; it must learn.

# %% nbgrader={"solution": true, "grade_id": "he_init"}
def he_init(fan_in, fan_out, rng):
    """He (Kaiming) normal: W (fan_in, fan_out) ~ N(0, 2 / fan_in)."""
    ### BEGIN SOLUTION
    W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)
    ### END SOLUTION
    return W


# %% nbgrader={"grade": true, "grade_id": "ex3_4", "points": 3}
check("3.4", he_init)
### BEGIN HIDDEN TESTS
check("3.4", he_init, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 3.5 Orthogonal
#
# Matching the *variance* keeps the signal's size right on average. An orthogonal
# matrix does better: it preserves the length of every vector exactly, so a product of
# any number of them does too (Saxe, McClelland & Ganguli 2014). For a non-square `W`
# only one side can be orthonormal: its columns when fan_in ≥ fan_out
# (`W.T @ W = I`), its rows otherwise (`W @ W.T = I`). A `gain` scales the result, e.g.
# sqrt(2) for ReLU nets.
#
# Recipe: draw a Gaussian matrix of shape (max(fan_in, fan_out), min(fan_in, fan_out)),
# take `q, r = np.linalg.qr(...)`, and multiply each column of `q` by the sign of the
# matching diagonal entry of `r` (without this the distribution of `q` is not uniform
# over orthogonal matrices). Transpose when fan_in < fan_out.

# %% nbgrader={"solution": true, "grade_id": "orthogonal_init"}
def orthogonal_init(fan_in, fan_out, rng, gain=1.0):
    """W (fan_in, fan_out) = gain * (orthonormal columns if fan_in >= fan_out, else rows)."""
    ### BEGIN SOLUTION
    big, small = max(fan_in, fan_out), min(fan_in, fan_out)
    q, r = np.linalg.qr(rng.normal(size=(big, small)))
    q = q * np.sign(np.diag(r))
    W = gain * (q if fan_in >= fan_out else q.T)
    ### END SOLUTION
    return W


# %% nbgrader={"grade": true, "grade_id": "ex3_5", "points": 2}
check("3.5", orthogonal_init)
### BEGIN HIDDEN TESTS
check("3.5", orthogonal_init, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### Products of many random matrices
#
# Multiply k random 64 x 64 matrices. With Gaussian entries of variance 1/n the
# product keeps the length of a typical vector on average, yet its singular values
# spread apart with depth: some directions are amplified, most are crushed. With
# orthogonal matrices every singular value stays at exactly 1, the "dynamical
# isometry" of Saxe et al. (2014).

# %% tags=["experiment"]
rng = np.random.default_rng(0)
n, depths = 64, np.arange(1, 51)
gauss = [gaussian_init(n, n, 1 / np.sqrt(n), rng) for _ in range(depths[-1])]
ortho = [orthogonal_init(n, n, rng) for _ in range(depths[-1])]
spectra = {"Gaussian, Var = 1/n": (depths, [product_singular_values(gauss[:k]) for k in depths]),
           "orthogonal": (depths, [product_singular_values(ortho[:k]) for k in depths])}
plot_singular_values(spectra)

# %% [markdown]
# ## 3.6 Looking inside a deep net at initialisation
#
# Write the signal-propagation tool: for a net and a batch, report per layer
#
# * `"std"`: the std of each hidden layer's output `h_l` (after the nonlinearity), for
#   layers 1 to L - 1;
# * `"frozen"`: per hidden layer, for tanh the fraction of entries with `|h| > 0.99`
#   (saturated units, whose derivative `1 - h^2` is below 0.02); for ReLU the fraction of
#   *units* that are 0 on every example of the batch (dead units, which pass no
#   gradient at all); for a linear net zeros;
# * `"grad_norm"`: for every layer 1 to L, the norm `sqrt(sum(dW^2))` of the gradient of
#   the mean softmax cross-entropy with respect to `W_l`.
#
# `forward_record` above and the reference `mlp_forward` / `mlp_backward` /
# `softmax_cross_entropy` do most of the work.

# %% nbgrader={"solution": true, "grade_id": "layer_stats"}
def layer_stats(params, x, y, activation="relu"):
    """Per-layer statistics of a net at one point.

    params: {"W1": (D, n1), "b1": (n1,), ..., "WL": (n_{L-1}, C), "bL": (C,)};
    x: (N, D) inputs; y: (N,) labels; activation: "relu", "tanh" or "linear".
    Returns {"std": (L-1,), "frozen": (L-1,), "grad_norm": (L,)}.
    """
    ### BEGIN SOLUTION
    _, hs = forward_record(params, x, activation)
    hidden = hs[:-1]
    std = np.array([h.std() for h in hidden])
    if activation == "tanh":
        frozen = np.array([np.mean(np.abs(h) > 0.99) for h in hidden])
    elif activation == "relu":
        frozen = np.array([np.mean(np.all(h <= 0, axis=0)) for h in hidden])
    else:
        frozen = np.zeros(len(hidden))
    scores, caches = mlp_forward(params, x, activation)
    _, dscores = softmax_cross_entropy(scores, y)
    grads = mlp_backward(dscores, caches, activation)
    grad_norm = np.array([np.linalg.norm(grads[f"W{i}"]) for i in range(1, len(hs) + 1)])
    ### END SOLUTION
    return {"std": std, "frozen": frozen, "grad_norm": grad_norm}


# %% nbgrader={"grade": true, "grade_id": "ex3_6", "points": 3}
check("3.6", layer_stats)
### BEGIN HIDDEN TESTS
check("3.6", layer_stats, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## The data for the experiments
#
# Four Gaussian blobs in 16 dimensions, standardised. A net with one hidden layer
# separates them in a few steps, so whenever a deep net fails below, the depth and the
# initial scale are to blame, not the task. Chance level is a loss of ln 4 ≈ 1.386.

# %%
X, y = gaussian_blobs(256, 4, 16, spread=2.0, rng=np.random.default_rng(0))
X = (X - X.mean(axis=0)) / X.std(axis=0)


def deep_sizes(depth, width):
    """[16, width, ..., width, 4]: `depth` weight layers."""
    return [X.shape[1]] + [width] * (depth - 1) + [4]


# %% [markdown]
# ## Experiment: a 20-layer tanh net from three starting points
#
# First look at initialisation: per-layer gradient norms on a log axis, and how many
# units are saturated. Then train each net for 150 steps of SGD.
#
# * **std 0.01.** Each layer multiplies the signal by `0.01 · sqrt(32) ≈ 0.06`. After
#   19 layers nothing of the input is left, and the gradients are of order 1e-20.
# * **Xavier.** The signal keeps its size and every layer receives a usable gradient.
# * **std 1.0.** `sqrt(32) ≈ 6` times too large: almost every unit is saturated at ±1,
#   where tanh is flat, and the network's output jumps chaotically between nearby inputs.

# %% tags=["experiment"]
inits = {"std 0.01": lambda a, b, r: gaussian_init(a, b, 0.01, r),
         "Xavier": xavier_normal,
         "std 1.0": lambda a, b, r: gaussian_init(a, b, 1.0, r)}
fig, axes = plt.subplots(1, 2, figsize=(11, 3.5))
for name, init in inits.items():
    stats = layer_stats(build_net(deep_sizes(20, 32), init, np.random.default_rng(1)), X, y, "tanh")
    axes[0].plot(np.arange(1, 21), stats["grad_norm"], "o-", ms=3, label=name)
    print(f"{name:9s} saturated units per layer: {np.round(stats['frozen'][::3], 2)}")
axes[0].set_yscale("log")
axes[0].set_xlabel("layer")
axes[0].set_ylabel("gradient norm at init")
axes[0].legend()
for name, init in inits.items():
    params = build_net(deep_sizes(20, 32), init, np.random.default_rng(1))
    losses = train(params, X, y, "tanh", steps=150, lr=0.1, rng=np.random.default_rng(2))
    plot_losses(losses, ax=axes[1], label=f"{name}: final {full_loss(params, X, y, 'tanh'):.3f}")
axes[1].legend()
plt.tight_layout()

# %% [markdown]
# ## Experiment: a 30-layer ReLU net, Xavier against He
#
# He et al. (2015, Fig. 3) trained a 30-layer ReLU network: from Xavier's init it stalled,
# from theirs it converged. The same happens here at small scale, for a while: with
# Xavier the signal reaching the last layer is about `2^-15` of the input, and the loss
# sits at chance, ln 4, for hundreds of steps, while He's falls far below it within 200. The
# plateau is long, not permanent. Below, both train for 1000 steps: on this seed Xavier
# leaves it after about 900 steps. Over five seeds (`benchmarks/init_plateau.py`), Xavier
# left its plateau (a mean loss over 20 steps below 0.9 ln 4) within 1000 steps on 4 of 5,
# after 390 to 910 steps, and got below half of chance on 2; He left it within 40 steps
# and learned the task on all 5. So "Xavier does not train" means "not within a few
# hundred steps". A 22-layer model converged with both inits in their paper, so the
# difference is a matter of depth: try `deep_sizes(10, 32)`.
#
# One detail: a deep ReLU net occasionally produces one huge gradient that throws the
# weights far away. `train(..., clip=1.0)` rescales any step's gradient to norm at most 1
# (module 05 explains why). Clipping does not shorten Xavier's plateau, whose gradients
# are tiny, not huge: without it Xavier leaves the plateau at about the same steps, but in
# 3 of those 4 runs the loss is back at or near chance by step 1000; with clipping, every
# run that left the plateau ended below 0.76.

# %% tags=["experiment"]
fig, axes = plt.subplots(1, 2, figsize=(11, 3.5))
for name, init in (("Xavier", xavier_normal), ("He", he_init)):
    params = build_net(deep_sizes(30, 32), init, np.random.default_rng(1))
    stats = layer_stats(params, X, y, "relu")
    axes[0].plot(np.arange(1, 30), stats["std"], "o-", ms=3, label=name)
    losses = train(params, X, y, "relu", steps=1000, lr=0.05, rng=np.random.default_rng(2),
                   clip=1.0)
    plot_losses(losses, ax=axes[1], label=f"{name}: final {full_loss(params, X, y, 'relu'):.3f}")
axes[0].set_yscale("log")
axes[0].set_xlabel("layer")
axes[0].set_ylabel("std of h_l at init")
axes[0].legend()
axes[1].axhline(np.log(4), color="gray", ls=":", lw=1)
axes[1].axvline(200, color="gray", ls="--", lw=1)
axes[1].text(210, 0.1, "200 steps", color="gray")
axes[1].set_title("1000 steps: Xavier's plateau is long, not permanent")
axes[1].legend()
plt.tight_layout()

# %% [markdown]
# ## Experiment: a trainability map
#
# Sweep the weight scale (as `std · sqrt(width)`, so 1 is the critical value for tanh)
# and the depth of a tanh net, train each for the same budget and colour the final
# loss. Shallow nets forgive a wrong scale; deep ones train only in a band around 1.
# Too small and too large both fail, as in Sutskever et al. (2013, Table 3), where
# scaling a good initialisation by 1/4 or 4 ruined a deep autoencoder. The band narrows
# with depth: mean-field theory (Schoenholz et al. 2017) says the signal survives about
# `-1 / ln chi` layers, where `chi` measures how far from critical the scale is.

# %% tags=["experiment"]
scales = np.geomspace(0.1, 10, 9)
depths = [2, 4, 8, 16]
losses = np.zeros((len(depths), len(scales)))
for i, d in enumerate(depths):
    for j, s in enumerate(scales):
        params = build_net(deep_sizes(d, 32),
                           lambda a, b, r, s=s: gaussian_init(a, b, s / np.sqrt(a), r),
                           np.random.default_rng(1))
        with np.errstate(all="ignore"):
            train(params, X, y, "tanh", steps=150, lr=0.1, rng=np.random.default_rng(2))
        losses[i, j] = full_loss(params, X, y, "tanh")
plot_trainability(losses, scales, depths, vmax=2 * np.log(4))

# %% [markdown]
# ## Why the gradient finds no direction
#
# A weight's gradient is the product of two things: the signal that arrives at its layer
# from below in the forward pass, and the error signal that arrives from above in the
# backward pass (`dW = h.T @ delta`). When the initial scale is too small both have
# been multiplied by a small number once per layer, and the gradient is a product of
# two vanishing quantities. Worse than small, it is *uninformative*: the top layers see
# an input that no longer depends on `x`, so no change of their weights can tell the
# classes apart, and the lower layers get a gradient that rounding alone would swamp.
# A larger learning rate does not help; there is nothing to follow.
#
# When the scale is too large the signal does not vanish but saturates (tanh) or
# explodes, and the net's output becomes a chaotic function of its input: nearby inputs
# land far apart, and again the gradient says little about what a small step will do.
#
# Between the two sits a narrow critical scale, where each layer passes on the size of
# the signal unchanged, forwards and backwards. The initialisers of this module aim at
# it: Xavier for tanh, He for ReLU, orthogonal to preserve not only the average size
# but every direction. That is why the initial scale is one of the most important
# hyperparameters of a deep net: off by a factor of two per layer, and thirty layers
# turn it into a factor of a billion.
#
# **Further.** LSUV (Mishkin & Matas 2016) makes the rule empirical: start from
# orthogonal weights, then rescale each layer, bottom to top, until its output variance
# on a batch is 1. Try it with `layer_stats`.
