# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 05 · Recurrent networks and backpropagation through time
#
# An MLP sees a fixed-size input. A recurrent network reads a sequence one step at a time
# and carries a *hidden state* from step to step: the same weights are applied at every
# step, and the state is the network's memory of what it has read so far.
#
# Training it needs nothing new. Unroll the loop over time and you get a deep network
# whose layers share their weights; backpropagation through that unrolled graph is
# *backpropagation through time* (BPTT). Two things are new in practice:
#
# * a weight used at every step receives a gradient from every step: they add up;
# * the gradient reaching an early step is a product of one Jacobian per step, so it can
#   shrink or grow exponentially with the distance. Module 03 met this problem in depth;
#   here the depth is the length of the sequence.
#
# **Letters.** A minibatch holds N sequences of length T; each input has dimension D; the
# hidden state has size H. Inputs are `x` (N, T, D), hidden states `h` (N, T, H). Weights
# are (in, out) as in module 02: the pre-activation of a step is
# `x_t @ Wx + h_prev @ Wh + b`.

# %%
import numpy as np

from autograder import check
from course.reference.nn import linear_backward, linear_forward, softmax_cross_entropy
from course.reference.rnn import lstm_init, orthogonal, rnn_init
from course.reference.sequence_tasks import recall_task, train_recall

# %% [markdown]
# ## 5.1 The vanilla RNN cell
#
# One step: `h_next = tanh(x @ Wx + h_prev @ Wh + b)`, with x (N, D) and h_prev (N, H).
# It is a linear layer on the concatenation of input and previous state, followed by tanh,
# so its backward is the one you wrote in module 02: multiply by the tanh derivative
# `1 - h_next**2` (the step's *output*), then backpropagate through the two matrix
# products. The cell has two inputs, x and h_prev, so it returns a gradient for each. As
# in module 02, every backward returns new arrays and leaves its arguments (the incoming
# gradients and the cache) as they were.

# %% nbgrader={"solution": true, "grade_id": "rnn_step"}
def rnn_step_forward(x, h_prev, Wx, Wh, b):
    """One step of a tanh RNN.

    x: (N, D), h_prev: (N, H), Wx: (D, H), Wh: (H, H), b: (H,).
    Returns h_next (N, H) and a cache for rnn_step_backward.
    """
    ### BEGIN SOLUTION
    h_next = np.tanh(x @ Wx + h_prev @ Wh + b)
    cache = (x, h_prev, Wx, Wh, h_next)
    ### END SOLUTION
    return h_next, cache


def rnn_step_backward(dh_next, cache):
    """dh_next: (N, H) gradient on h_next.

    Returns dx (N, D), dh_prev (N, H), dWx (D, H), dWh (H, H), db (H,).
    """
    ### BEGIN SOLUTION
    x, h_prev, Wx, Wh, h_next = cache
    da = dh_next * (1 - h_next**2)
    dx = da @ Wx.T
    dh_prev = da @ Wh.T
    dWx = x.T @ da
    dWh = h_prev.T @ da
    db = da.sum(axis=0)
    ### END SOLUTION
    return dx, dh_prev, dWx, dWh, db


# %% nbgrader={"grade": true, "grade_id": "ex5_1", "points": 2}
check("5.1", rnn_step_forward, rnn_step_backward)
### BEGIN HIDDEN TESTS
check("5.1", rnn_step_forward, rnn_step_backward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 5.2 The whole sequence, and backpropagation through time
#
# Forward: start from h0 and apply the cell T times, storing every state in `h[:, t]` (the
# state *after* reading `x[:, t]`) and every step's cache.
#
# Backward: walk the steps in reverse. The upstream gradient `dh[:, t]` is what the loss
# sends to state t directly (through an output layer, say). But h_t also fed step t + 1,
# so the gradient reaching h_t is **`dh[:, t]` plus the `dh_prev` that step t + 1 returned**.
# Forgetting that sum is the classic BPTT bug. Wx, Wh and b are used at every step, so
# their gradients are sums over the steps. What is left of `dh_prev` after step 0 is dh0.

# %% nbgrader={"solution": true, "grade_id": "rnn_sequence"}
def rnn_forward(x, h0, Wx, Wh, b):
    """Run a tanh RNN over a whole sequence.

    x: (N, T, D), h0: (N, H), Wx: (D, H), Wh: (H, H), b: (H,).
    Returns h (N, T, H), h[:, t] the state after step t, and a cache for rnn_backward.
    """
    ### BEGIN SOLUTION
    N, T, _ = x.shape
    h = np.zeros((N, T, h0.shape[1]))
    cache = []
    h_prev = h0
    for t in range(T):
        h_prev, step_cache = rnn_step_forward(x[:, t], h_prev, Wx, Wh, b)
        h[:, t] = h_prev
        cache.append(step_cache)
    ### END SOLUTION
    return h, cache


def rnn_backward(dh, cache):
    """Backpropagation through time.

    dh: (N, T, H) upstream gradient on every hidden state; cache from rnn_forward.
    Returns dx (N, T, D), dh0 (N, H), dWx (D, H), dWh (H, H), db (H,).
    """
    ### BEGIN SOLUTION
    N, T, H = dh.shape
    dx_steps = []
    dWx, dWh, db = 0.0, 0.0, 0.0
    dh_prev = np.zeros((N, H))
    for t in reversed(range(T)):
        dx_t, dh_prev, dWx_t, dWh_t, db_t = rnn_step_backward(dh[:, t] + dh_prev, cache[t])
        dx_steps.append(dx_t)
        dWx = dWx + dWx_t
        dWh = dWh + dWh_t
        db = db + db_t
    dx = np.stack(dx_steps[::-1], axis=1)
    dh0 = dh_prev
    ### END SOLUTION
    return dx, dh0, dWx, dWh, db


# %% nbgrader={"grade": true, "grade_id": "ex5_2", "points": 3}
check("5.2", rnn_forward, rnn_backward)
### BEGIN HIDDEN TESTS
check("5.2", rnn_forward, rnn_backward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## Worked example: the sigmoid, without overflow
#
# The LSTM's gates are sigmoids. `1 / (1 + np.exp(-x))` overflows (with a warning) for
# x below about -709. Writing it with `exp(-|x|)`, which is at most 1, avoids that; its
# derivative is `s * (1 - s)`, computed from the output as in module 02.

# %%
def sigmoid(x):
    """1 / (1 + exp(-x)), any shape, never overflowing."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


# %% [markdown]
# ## 5.3 The LSTM cell
#
# The long short-term memory (Hochreiter & Schmidhuber 1997, with the forget gate of Gers
# et al. 2000) keeps a second state, the cell `c`, and changes it *additively*:
#
# ```
# a = x @ Wx + h_prev @ Wh + b            (N, 4H), split in the order i, f, o, g:
# i = sigmoid(a[:, 0:H])      input gate        how much of the candidate to write
# f = sigmoid(a[:, H:2H])     forget gate       how much of the old cell to keep
# o = sigmoid(a[:, 2H:3H])    output gate       how much of the cell to show
# g = tanh(a[:, 3H:4H])       candidate
# c_next = f * c_prev + i * g
# h_next = o * tanh(c_next)
# ```
#
# The order of the four slices is a convention; the checks (and module 06) use exactly
# this one. For the backward pass, note that c_next reaches the loss by two paths: directly
# (the next step's cell, gradient `dc_next`) and through h_next. Add both before going
# further back. The derivative of `tanh(c_next)` is `1 - tanh(c_next)**2`: keep
# `tanh(c_next)` in the cache.

# %% nbgrader={"solution": true, "grade_id": "lstm_step"}
def lstm_step_forward(x, h_prev, c_prev, Wx, Wh, b):
    """One LSTM step, gates in the order i, f, o, g.

    x: (N, D), h_prev, c_prev: (N, H), Wx: (D, 4H), Wh: (H, 4H), b: (4H,).
    Returns h_next (N, H), c_next (N, H) and a cache for lstm_step_backward.
    """
    ### BEGIN SOLUTION
    H = h_prev.shape[1]
    a = x @ Wx + h_prev @ Wh + b
    i = sigmoid(a[:, 0:H])
    f = sigmoid(a[:, H:2 * H])
    o = sigmoid(a[:, 2 * H:3 * H])
    g = np.tanh(a[:, 3 * H:4 * H])
    c_next = f * c_prev + i * g
    tanh_c = np.tanh(c_next)
    h_next = o * tanh_c
    cache = (x, h_prev, c_prev, Wx, Wh, i, f, o, g, tanh_c)
    ### END SOLUTION
    return h_next, c_next, cache


def lstm_step_backward(dh_next, dc_next, cache):
    """dh_next, dc_next: (N, H) gradients on h_next and c_next.

    Returns dx (N, D), dh_prev (N, H), dc_prev (N, H), dWx (D, 4H), dWh (H, 4H), db (4H,).
    """
    ### BEGIN SOLUTION
    x, h_prev, c_prev, Wx, Wh, i, f, o, g, tanh_c = cache
    dc = dc_next + dh_next * o * (1 - tanh_c**2)
    di = dc * g
    df = dc * c_prev
    do = dh_next * tanh_c
    dg = dc * i
    da = np.concatenate([di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), dg * (1 - g**2)],
                        axis=1)
    dx = da @ Wx.T
    dh_prev = da @ Wh.T
    dc_prev = dc * f
    dWx = x.T @ da
    dWh = h_prev.T @ da
    db = da.sum(axis=0)
    ### END SOLUTION
    return dx, dh_prev, dc_prev, dWx, dWh, db


# %% nbgrader={"grade": true, "grade_id": "ex5_3", "points": 4}
check("5.3", lstm_step_forward, lstm_step_backward)
### BEGIN HIDDEN TESTS
check("5.3", lstm_step_forward, lstm_step_backward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 5.4 The LSTM over a sequence
#
# The same loop as 5.2 with two carried states. Backward, both gradients flow back in
# time: the `dh_prev` and the `dc_prev` of step t + 1 are inputs of step t's backward
# (the first added to `dh[:, t]`). `dc_last` is an extra gradient on the final cell state,
# used when something reads it after the sequence, like the decoder of module 06; it is
# where the cell gradient starts.

# %% nbgrader={"solution": true, "grade_id": "lstm_sequence"}
def lstm_forward(x, h0, c0, Wx, Wh, b):
    """Run an LSTM over a whole sequence.

    x: (N, T, D), h0, c0: (N, H), Wx: (D, 4H), Wh: (H, 4H), b: (4H,).
    Returns h (N, T, H), c (N, T, H) every hidden and cell state, and a cache.
    """
    ### BEGIN SOLUTION
    N, T, _ = x.shape
    H = h0.shape[1]
    h, c = np.zeros((N, T, H)), np.zeros((N, T, H))
    cache = []
    h_prev, c_prev = h0, c0
    for t in range(T):
        h_prev, c_prev, step_cache = lstm_step_forward(x[:, t], h_prev, c_prev, Wx, Wh, b)
        h[:, t] = h_prev
        c[:, t] = c_prev
        cache.append(step_cache)
    ### END SOLUTION
    return h, c, cache


def lstm_backward(dh, cache, dc_last=None):
    """Backpropagation through time for the LSTM.

    dh: (N, T, H) upstream gradient on every hidden state; dc_last: (N, H) gradient on the
    final cell state c[:, -1], or None for zeros.
    Returns dx (N, T, D), dh0 (N, H), dc0 (N, H), dWx (D, 4H), dWh (H, 4H), db (4H,).
    """
    ### BEGIN SOLUTION
    N, T, H = dh.shape
    dx = None
    dWx, dWh, db = 0.0, 0.0, 0.0
    dh_prev = np.zeros((N, H))
    dc_prev = np.zeros((N, H)) if dc_last is None else dc_last
    for t in reversed(range(T)):
        dx_t, dh_prev, dc_prev, dWx_t, dWh_t, db_t = lstm_step_backward(
            dh[:, t] + dh_prev, dc_prev, cache[t])
        if dx is None:
            dx = np.zeros((N, T, dx_t.shape[1]))
        dx[:, t] = dx_t
        dWx = dWx + dWx_t
        dWh = dWh + dWh_t
        db = db + db_t
    dh0, dc0 = dh_prev, dc_prev
    ### END SOLUTION
    return dx, dh0, dc0, dWx, dWh, db


# %% nbgrader={"grade": true, "grade_id": "ex5_4", "points": 3}
check("5.4", lstm_forward, lstm_backward)
### BEGIN HIDDEN TESTS
check("5.4", lstm_forward, lstm_backward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## Experiment: the forget-gate bias
#
# How much of a gradient sent into the last hidden state reaches the input k steps back,
# in a freshly initialised LSTM? At initialisation every forget gate is about
# sigmoid(forget bias): 0.5 with a bias of 0, 0.73 with 1, 0.95 with 3. The cell gradient
# is multiplied by f at every step back, so the bias sets how far the LSTM can see before
# any training (Gers et al. 2000 introduced the forget gate; a bias of 1 is the usual
# default, Jozefowicz et al. 2015).

# %% tags=["experiment"]
import matplotlib.pyplot as plt

T, H, N, D = 50, 32, 8, 8
rng = np.random.default_rng(0)
x_in = rng.normal(size=(N, T, D))
fig, ax = plt.subplots(figsize=(5, 3.5))
for fb in (0.0, 1.0, 3.0):
    p = lstm_init(D, H, np.random.default_rng(1), forget_bias=fb)
    zeros = np.zeros((N, H))
    h_states, _, cache = lstm_forward(x_in, zeros, zeros, p["Wx"], p["Wh"], p["b"])
    dh = np.zeros_like(h_states)
    dh[:, -1] = rng.normal(size=(N, H))
    dx = lstm_backward(dh, cache)[0]
    norms = np.linalg.norm(dx, axis=(0, 2))[::-1]
    ax.semilogy(norms / norms[0], label=f"forget bias {fb:g}")
ax.set_xlabel("steps back k")
ax.set_ylabel("||dL/dx_{T-k}|| / ||dL/dx_T||")
ax.legend()
plt.show()

# %% [markdown]
# ## 5.5 Gradients through time
#
# Send a gradient `dh_last` into the last state h_T only and follow it back. Each step
# multiplies it by that step's Jacobian: for a tanh RNN, going from the gradient on h_t to
# the gradient on h_{t-1} is `(d * (1 - h_t**2)) @ Wh.T` (the derivative is taken at the
# step's output, h_t); for a linear RNN it is `d @ Wh.T`. So the gradient k steps back is a
# product of k such factors. Pascanu, Mikolov & Bengio (2013) made the consequence precise:
# if the recurrent matrix has spectral radius below 1 the gradient vanishes geometrically,
# and a radius above 1 is needed for it to explode. For `Wh = rho * Q` with Q orthogonal,
# a linear RNN gives exactly `||dh_{T-k}|| = rho**k * ||dh_T||`.
#
# Write `gradient_norms`, returning the norm of the gradient on each state, from the last
# back to h0. `h[:, t]` is the state after step t, as returned by `rnn_forward`; h0 itself
# is not needed.

# %% nbgrader={"solution": true, "grade_id": "gradient_norms"}
def gradient_norms(Wh, h, dh_last, activation="tanh"):
    """Norms of the gradient on every hidden state, when the loss reads only the last one.

    Wh: (H, H); h: (N, T, H) states h_1..h_T of the forward pass; dh_last: (N, H) the
    gradient on h_T; activation: "tanh" or "linear".
    Returns norms (T + 1,): norms[k] = ||dL/dh_{T-k}|| (Frobenius norm over the batch), so
    norms[0] = ||dh_last|| and norms[T] = ||dL/dh_0||.
    """
    ### BEGIN SOLUTION
    T = h.shape[1]
    d = dh_last
    norms = [np.linalg.norm(d)]
    for t in reversed(range(T)):
        if activation == "tanh":
            d = d * (1 - h[:, t] ** 2)
        d = d @ Wh.T
        norms.append(np.linalg.norm(d))
    norms = np.array(norms)
    ### END SOLUTION
    return norms


# %% nbgrader={"grade": true, "grade_id": "ex5_5", "points": 2}
check("5.5", gradient_norms)
### BEGIN HIDDEN TESTS
check("5.5", gradient_norms, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## Experiment: vanishing and exploding, on a log scale
#
# Left: a linear RNN with `Wh = rho * Q`. The measured norms lie exactly on the lines
# rho^k (dotted): 0.9^50 is about 0.005, 1.1^50 about 117. Middle and right: the same
# matrices in a tanh RNN, driven by weak (std 0.1) or strong (std 1) random inputs. The
# tanh derivative is at most 1, so it can only shrink the gradient; the harder the inputs
# push the units towards saturation, the more it shrinks. With strong inputs even
# rho = 1.5 vanishes: a radius above 1 is necessary for explosion, not sufficient
# (Pascanu et al. 2013).

# %% tags=["experiment"]
rng = np.random.default_rng(0)
Q = orthogonal(H, rng)
x_in = rng.normal(size=(N, T, D))
Wx_in = rng.normal(0, 1 / np.sqrt(D), size=(D, H))
dh_T = rng.normal(size=(N, H))
k = np.arange(T + 1)
fig, axes = plt.subplots(1, 3, figsize=(13, 3.5), sharey=True)
for rho in (0.9, 1.0, 1.1, 1.5):
    lin = gradient_norms(rho * Q, np.zeros((N, T, H)), dh_T, activation="linear")
    axes[0].semilogy(k, lin / lin[0], label=f"rho = {rho}")
    axes[0].semilogy(k, rho**k, "k:", lw=1)
    line = f"rho = {rho}: linear {lin[-1] / lin[0]:.3g} (rho^T = {rho**T:.3g})"
    for ax, scale in zip(axes[1:], (0.1, 1.0)):
        h_states, _ = rnn_forward(scale * x_in, np.zeros((N, H)), Wx_in, rho * Q, np.zeros(H))
        tnh = gradient_norms(rho * Q, h_states, dh_T, activation="tanh")
        ax.semilogy(k, tnh / tnh[0], label=f"rho = {rho}")
        ax.set_title(f"tanh RNN, inputs of std {scale}")
        line += f", tanh (inputs {scale}) {tnh[-1] / tnh[0]:.3g}"
    print(line)
axes[0].set_title("linear RNN (dotted: rho^k)")
for ax in axes:
    ax.set_xlabel("steps back k")
    ax.legend()
axes[0].set_ylabel("||dL/dh_{T-k}|| / ||dL/dh_T||")
plt.show()

# %% [markdown]
# ## Experiment: the recurrent initialisation
#
# Module 03's lesson, now through time. A Gaussian Wh with entries N(0, 1/H) has spectral
# radius about 1, but its singular values are spread out, so the gradient norm drifts
# away from 1 at a rate that depends on the draw. An orthogonal Wh keeps every singular
# value at 1 (Saxe et al. 2014), and the identity (Le, Jaitly & Hinton 2015) does too while
# also copying the state unchanged: with them a linear RNN preserves the gradient norm
# exactly at every distance.

# %% tags=["experiment"]
fig, ax = plt.subplots(figsize=(5, 3.5))
for seed in range(3):
    p = rnn_init(D, H, np.random.default_rng(seed), recurrent="normal")
    lin = gradient_norms(p["Wh"], np.zeros((N, T, H)), dh_T, activation="linear")
    ax.semilogy(lin / lin[0], color="C0", label="normal (3 draws)" if seed == 0 else None)
for name, style in (("orthogonal", "-"), ("identity", "--")):
    p = rnn_init(D, H, np.random.default_rng(1), recurrent=name)
    lin = gradient_norms(p["Wh"], np.zeros((N, T, H)), dh_T, activation="linear")
    ax.semilogy(lin / lin[0], style, label=name)
ax.set_xlabel("steps back k")
ax.set_ylabel("gradient norm ratio (linear RNN)")
ax.legend()
plt.show()

# %% [markdown]
# ## 5.6 Gradient clipping by norm
#
# Where the loss surface of a recurrent net has a cliff, one gradient can be enormous and
# one step can throw the parameters far away. Clipping by norm (Pascanu et al. 2013)
# rescales the gradient when its norm exceeds a threshold:
# `g <- g * min(1, max_norm / ||g||)`. The norm is the **global** one, over all parameters
# together, `sqrt(sum_k ||g_k||^2)`, so every parameter is scaled by the same factor and
# the direction of the step is unchanged; only its length is bounded. Clipping each
# parameter by its own norm would change the direction. A zero gradient must stay zero.

# %% nbgrader={"solution": true, "grade_id": "clip_grad_norm"}
def clip_grad_norm(grads, max_norm):
    """Rescale all gradients together so that their global norm is at most max_norm.

    grads: {"name": array}; max_norm: float > 0.
    Returns (clipped, total_norm): a dict with the same keys and shapes, and the global
    norm before clipping (a float).
    """
    ### BEGIN SOLUTION
    total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))
    scale = 1.0
    if total_norm > max_norm:
        scale = max_norm / total_norm
    clipped = {k: g * scale for k, g in grads.items()}
    ### END SOLUTION
    return clipped, total_norm


# %% nbgrader={"grade": true, "grade_id": "ex5_6", "points": 2}
check("5.6", clip_grad_norm)
### BEGIN HIDDEN TESTS
check("5.6", clip_grad_norm, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## Experiment: a cliff
#
# The smallest recurrent net: one tanh unit, `h_t = tanh(w * h_{t-1} + b)` for 30 steps
# from h_0 = 0.5, trained so that h_T hits the target 0.6. With w > 1 the unit has two
# stable states, near +1 and near -1, and which one h_T ends in depends on which side of
# a threshold h_0 lies. Where the threshold crosses h_0, the loss jumps: a cliff, whose
# gradient is huge (Pascanu et al. 2013 study this same one-unit net). Gradient descent with
# learning rate 0.1 starts at w = 1.5, b = -0.1.

# %% tags=["experiment"]
def one_unit_loss(w, b, T=30, h0=0.5, target=0.6):
    """Loss (h_T - target)^2 of a one-unit tanh RNN and its gradient in (w, b), by BPTT."""
    hs = [h0]
    for _ in range(T):
        hs.append(np.tanh(w * hs[-1] + b))
    loss = (hs[-1] - target) ** 2
    dh, dw, db = 2 * (hs[-1] - target), 0.0, 0.0
    for t in range(T, 0, -1):
        da = dh * (1 - hs[t] ** 2)
        dw, db, dh = dw + da * hs[t - 1], db + da, da * w
    return loss, np.array([dw, db])


ws = np.linspace(0.0, 3.0, 600)
fig, axes = plt.subplots(1, 2, figsize=(10, 3.5))
axes[0].plot(ws, [one_unit_loss(w, -0.1)[0] for w in ws])
axes[0].set_xlabel("w (b = -0.1)")
axes[0].set_ylabel("loss")
axes[0].set_title("a cliff in the loss")
for clip in (None, 1.0):
    p = np.array([1.5, -0.1])
    path, biggest = [], 0.0
    for _ in range(100):
        loss, g = one_unit_loss(*p)
        path.append(loss)
        biggest = max(biggest, float(np.linalg.norm(g)))
        if clip is not None:
            g = clip_grad_norm({"g": g}, clip)[0]["g"]
        p = p - 0.1 * g
    axes[1].plot(path, label="no clipping" if clip is None else f"clipped at norm {clip}")
    print(f"clip {clip}: largest gradient norm {biggest:.3g}, final loss {path[-1]:.3g}, "
          f"final (w, b) = {np.round(p, 2)}")
axes[1].set_xlabel("step")
axes[1].set_ylabel("loss")
axes[1].set_yscale("log")
axes[1].legend()
plt.show()

# %% [markdown]
# Without clipping, one step on the cliff multiplies a gradient of norm several hundred by
# the learning rate and throws w and b far out, onto a plateau where the unit is saturated
# and the gradient vanishes: training is over. With clipping the same steps are at most
# 0.1 long, and gradient descent walks down the cliff instead of jumping off it.

# %% [markdown]
# ## 5.7 A classifier that must remember
#
# The recall task: the first input is one of K = 4 signal tokens, the next T - 1 inputs
# are random distractor tokens (one of M = 4), and at the end the network must say which
# signal it saw. Inputs are one-hot vectors over the 8 tokens, the distractors scaled by 3.
# `recall_task(n, T, rng)` generates it.
#
# The model reads the sequence with an LSTM from zero states and classifies its *last*
# hidden state with a linear layer and softmax cross-entropy (`linear_forward`,
# `linear_backward` and `softmax_cross_entropy` from module 02 are imported above). Write
# its loss and gradients. The loss reads only h[:, -1], so the upstream gradient `dh`
# for `lstm_backward` is zero everywhere except at the last step.

# %% tags=["experiment"]
x_demo, y_demo = recall_task(3, 6, np.random.default_rng(0))
print("first tokens:", x_demo[:, 0].argmax(axis=1), "targets:", y_demo)
print("one sequence, as token ids:", x_demo[0].argmax(axis=1))

# %% nbgrader={"solution": true, "grade_id": "lstm_classifier"}
def lstm_classifier_loss(params, x, y):
    """Loss and gradients of an LSTM that classifies a sequence from its last hidden state.

    params: {"Wx": (D, 4H), "Wh": (H, 4H), "b": (4H,), "Wy": (H, C), "by": (C,)};
    x: (N, T, D); y: (N,) integer labels in [0, C). Initial states h0 = c0 = 0.
    Returns loss (float) and grads, a dict with the keys and shapes of params.
    """
    ### BEGIN SOLUTION
    N, T, _ = x.shape
    H = params["Wh"].shape[0]
    zeros = np.zeros((N, H))
    h, _, cache = lstm_forward(x, zeros, zeros, params["Wx"], params["Wh"], params["b"])
    scores, out_cache = linear_forward(h[:, -1], params["Wy"], params["by"])
    loss, dscores = softmax_cross_entropy(scores, y)
    dh_last, dWy, dby = linear_backward(dscores, out_cache)
    dh = np.zeros_like(h)
    dh[:, -1] = dh_last
    _, _, _, dWx, dWh, db = lstm_backward(dh, cache)
    grads = {"Wx": dWx, "Wh": dWh, "b": db, "Wy": dWy, "by": dby}
    ### END SOLUTION
    return loss, grads


# %% nbgrader={"grade": true, "grade_id": "ex5_7", "points": 3}
check("5.7", lstm_classifier_loss)
### BEGIN HIDDEN TESTS
check("5.7", lstm_classifier_loss, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## Experiment: RNN against LSTM as the distance grows
#
# The same budget for both: 60 Adam steps on fresh batches of 64 sequences, gradients
# clipped at norm 5, hidden size 32. `train_recall` trains a classifier and returns its
# accuracy on new sequences (chance is 1/4). The vanilla RNN starts from an orthogonal Wh,
# the best case of the experiment above. The LSTM starts from a forget-gate bias of 3, so a
# fresh cell keeps sigmoid(3) = 95% of its content per step. The distractors are three
# times louder than the signal: the tanh units of the RNN are pushed around by them at
# every step, while the LSTM can learn to close its input gate. This is the check's setting
# at T = 25, where the LSTM is asked for at least 90% accuracy.

# %% tags=["experiment"]
from course.reference.sequence_tasks import rnn_classifier_loss

distances = (5, 10, 15, 25, 35)
results = {"rnn": [], "lstm": []}
for T in distances:
    for cell, fn in (("rnn", rnn_classifier_loss), ("lstm", lstm_classifier_loss)):
        accs = [train_recall(fn, cell, T, seed=s)[0] for s in (0, 1)]
        results[cell].append(np.mean(accs))
    print(f"T = {T:3d}: RNN {results['rnn'][-1]:.2f}, LSTM {results['lstm'][-1]:.2f}")
fig, ax = plt.subplots(figsize=(5, 3.5))
for cell in results:
    ax.plot(distances, results[cell], "o-", label=cell.upper())
ax.axhline(0.25, color="k", ls=":", lw=1, label="chance")
ax.set_xlabel("distance T")
ax.set_ylabel("test accuracy (mean of 2 runs)")
ax.legend()
plt.show()

# %% [markdown]
# ## What just happened
#
# A recurrent network is a deep network whose depth is the length of its input, with one
# set of weights shared by all its layers. Backpropagation through time is ordinary
# backpropagation on that unrolled graph, with two bookkeeping rules: add the gradients
# arriving at a state from the output and from the future, and sum the weight gradients
# over time. The products of Jacobians make gradients vanish or explode with distance;
# orthogonal or identity initialisation keeps a linear RNN exactly on the edge, clipping
# bounds the explosions, and the LSTM's gated additive memory lets information and
# gradients cross long distances. Module 06 puts two LSTMs end to end to translate one
# sequence into another.
