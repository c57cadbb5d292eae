# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 02 · Backpropagation
#
# A neural network is a chain of simple functions. Training it needs one thing: the
# gradient of the loss with respect to every parameter. Backpropagation computes all
# of them in one backward sweep, by the chain rule, at about the cost of one forward
# pass. That is the whole learning algorithm; the rest of the course is about making
# it work on harder problems.
#
# The idea fits in an hour because every layer is a pair of small functions:
#
# * `forward(inputs) -> (out, cache)` computes the output and keeps what the
#   backward pass will need;
# * `backward(dout, cache) -> dinputs` receives the gradient of the loss with respect to
#   the layer's output and returns the gradient with respect to its inputs, as new arrays:
#   it leaves `dout` and the cache as they were, since the caller may still read them (a
#   gradient check does, and so does a layer whose output feeds two others).
#
# Stack the forwards, run the backwards in reverse order, and you have the gradient of a
# network of any depth. Each backward needs only local knowledge: its own derivative,
# multiplied by what came from above.
#
# **Letters.** A minibatch holds N examples of dimension D; a layer maps them to M
# outputs; a classifier has C classes. Every gradient has the shape of what it is the
# gradient of: `dw` has the shape of `w`.
#
# **How you are graded.** After each exercise a test cell runs `check(...)` on the
# functions you just wrote. It draws random shapes and values, compares your outputs
# with a reference and with numerical gradients, and says what differs and where. The
# same checks run with `course check 02` in a terminal.

# %%
import numpy as np

from autograder import check
from course.data import spirals
from course.plots import plot_decision_boundary, plot_losses

# %% [markdown]
# ## 2.1 The linear layer, forward
#
# `out = x @ w + b`: every one of the N rows of `x` is multiplied by the same weights
# `w` of shape (D, M) and shifted by the same bias `b` of shape (M,). Broadcasting adds
# `b` to every row. Keep `(x, w)` in the cache: the backward pass needs both.

# %% nbgrader={"solution": true, "grade_id": "linear_forward"}
def linear_forward(x, w, b):
    """Forward pass of y = x @ w + b.

    x: (N, D) inputs, w: (D, M) weights, b: (M,) bias.
    Returns out (N, M) and cache = (x, w).
    """
    ### BEGIN SOLUTION
    out = x @ w + b
    cache = (x, w)
    ### END SOLUTION
    return out, cache


# %% nbgrader={"grade": true, "grade_id": "ex2_1", "points": 1}
check("2.1", linear_forward)
### BEGIN HIDDEN TESTS
check("2.1", linear_forward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 2.2 The linear layer, backward
#
# Take one entry: `out[n, m] = sum_d x[n, d] * w[d, m] + b[m]`. Its derivative with
# respect to `w[d, m]` is `x[n, d]`, and every example `n` contributes, so
# `dw[d, m] = sum_n x[n, d] * dout[n, m]`. Work out `dx` and `db` the same way, then
# write each as one matrix expression. Check your answer by shapes: `dw` must be (D, M).
#
# The loss already averages over the batch, so `dout` carries the 1/N: do not divide
# again.

# %% nbgrader={"solution": true, "grade_id": "linear_backward"}
def linear_backward(dout, cache):
    """Backward pass of y = x @ w + b.

    dout: (N, M) upstream gradient; cache: (x, w) from linear_forward, x: (N, D), w: (D, M).
    Returns dx (N, D), dw (D, M), db (M,).
    """
    x, w = cache
    ### BEGIN SOLUTION
    dx = dout @ w.T
    dw = x.T @ dout
    db = dout.sum(axis=0)
    ### END SOLUTION
    return dx, dw, db


# %% nbgrader={"grade": true, "grade_id": "ex2_2", "points": 3}
check("2.2", linear_backward)
### BEGIN HIDDEN TESTS
check("2.2", linear_backward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## Worked example: the sigmoid
#
# A nonlinearity acts elementwise, so its backward is elementwise too: multiply the
# upstream gradient by the local derivative. For the sigmoid s(x) = 1 / (1 + e^-x) the
# derivative is s(x)(1 - s(x)), which we can compute from the output alone, so the
# cache holds the output. Use this pattern for ReLU and tanh below.

# %%
def sigmoid_forward(x):
    """out = 1 / (1 + exp(-x)), any shape; cache = out."""
    out = 1.0 / (1.0 + np.exp(-x))
    return out, out


def sigmoid_backward(dout, cache):
    """dx = dout * s * (1 - s), with s the forward output."""
    s = cache
    return dout * s * (1.0 - s)


# %% [markdown]
# ## 2.3 ReLU
#
# `relu(x) = max(0, x)`. Its derivative is 1 where the input was positive and 0
# elsewhere (we take 0 at exactly x = 0). The gradient passes through the units that
# were active and stops at the others.

# %% nbgrader={"solution": true, "grade_id": "relu"}
def relu_forward(x):
    """out = max(0, x), any shape. Returns out and a cache for relu_backward."""
    ### BEGIN SOLUTION
    out = np.maximum(0, x)
    cache = x
    ### END SOLUTION
    return out, cache


def relu_backward(dout, cache):
    """dout: upstream gradient, shaped like x. Returns dx, shaped like x."""
    ### BEGIN SOLUTION
    x = cache
    dx = dout * (x > 0)
    ### END SOLUTION
    return dx


# %% nbgrader={"grade": true, "grade_id": "ex2_3", "points": 2}
check("2.3", relu_forward, relu_backward)
### BEGIN HIDDEN TESTS
check("2.3", relu_forward, relu_backward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 2.4 tanh
#
# `d tanh(x) / dx = 1 - tanh(x)^2`. As for the sigmoid, the forward output is all the
# backward needs. The forward must hold for every x, also |x| in the hundreds, where
# `exp(x)` overflows: tanh saturates at +-1 there.

# %% nbgrader={"solution": true, "grade_id": "tanh"}
def tanh_forward(x):
    """out = tanh(x), any shape. Returns out and a cache for tanh_backward."""
    ### BEGIN SOLUTION
    out = np.tanh(x)
    cache = out
    ### END SOLUTION
    return out, cache


def tanh_backward(dout, cache):
    """Returns dx, shaped like dout."""
    ### BEGIN SOLUTION
    dx = dout * (1 - cache**2)
    ### END SOLUTION
    return dx


# %% nbgrader={"grade": true, "grade_id": "ex2_4", "points": 2}
check("2.4", tanh_forward, tanh_backward)
### BEGIN HIDDEN TESTS
check("2.4", tanh_forward, tanh_backward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 2.5 Softmax and cross-entropy
#
# A classifier outputs C scores (logits) per example. The softmax turns them into
# probabilities, `p_c = exp(z_c) / sum_k exp(z_k)`, and the loss is the mean negative
# log-probability of the true class, `L = -(1/N) sum_n log p[n, y_n]`.
#
# Two facts make this easy:
#
# * **Stability.** `exp(1000)` overflows to `inf`. Subtracting each row's maximum
#   changes nothing mathematically (it cancels between numerator and denominator) and
#   keeps every exponent at most 0.
# * **The gradient is simple.** `dL/dz = (p - onehot(y)) / N`: the predicted
#   probabilities minus the truth, averaged over the batch.
#
# With logits near zero every class gets 1/C and the loss is ln C, a number worth
# remembering: it is where training starts.

# %% nbgrader={"solution": true, "grade_id": "softmax_cross_entropy"}
def softmax_cross_entropy(logits, y):
    """Mean cross-entropy loss and its gradient.

    logits: (N, C) scores; y: (N,) integer labels in [0, C).
    Returns loss (float) and dlogits (N, C).
    """
    ### BEGIN SOLUTION
    n = logits.shape[0]
    z = logits - logits.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    loss = -logp[np.arange(n), y].mean()
    dlogits = np.exp(logp)
    dlogits[np.arange(n), y] -= 1
    dlogits /= n
    ### END SOLUTION
    return loss, dlogits


# %% nbgrader={"grade": true, "grade_id": "ex2_5", "points": 3}
check("2.5", softmax_cross_entropy)
### BEGIN HIDDEN TESTS
check("2.5", softmax_cross_entropy, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 2.6 A gradient checker
#
# How do you know a backward pass is right? Compare it with the definition of the
# derivative. The centred difference
#
# `df/dx_i ≈ (f(x + h e_i) - f(x - h e_i)) / (2h)`
#
# is accurate to O(h²), while the one-sided `(f(x + h e_i) - f(x)) / h` is only
# accurate to O(h). Perturb one entry at a time, and put it back afterwards.

# %% nbgrader={"solution": true, "grade_id": "numerical_gradient"}
def numerical_gradient(f, x, h=1e-6):
    """Centred-difference gradient of a scalar function f at x.

    f: maps an array shaped like x to a float; x: array of any shape (restored on return).
    Returns grad, shaped like x.
    """
    ### BEGIN SOLUTION
    grad = np.zeros_like(x, dtype=float)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        fp = f(x)
        x[i] = old - h
        fm = f(x)
        x[i] = old
        grad[i] = (fp - fm) / (2 * h)
    ### END SOLUTION
    return grad


# %% nbgrader={"grade": true, "grade_id": "ex2_6", "points": 2}
check("2.6", numerical_gradient)
### BEGIN HIDDEN TESTS
check("2.6", numerical_gradient, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# Now use it. The relative error `|a - b| / (|a| + |b|)` between your backward pass and
# the numerical gradient should be around 1e-8 or smaller in float64; 1e-2 means a bug.

# %% tags=["experiment"]
rng = np.random.default_rng(0)
x, w, b = rng.normal(size=(4, 5)), rng.normal(size=(5, 3)), rng.normal(size=3)
dout = rng.normal(size=(4, 3))
_, cache = linear_forward(x, w, b)
dx, dw, db = linear_backward(dout, cache)
for name, arg, analytic in [("x", x, dx), ("w", w, dw), ("b", b, db)]:
    def loss(z, name=name):
        args = {"x": x, "w": w, "b": b, name: z}
        return float(np.sum(linear_forward(args["x"], args["w"], args["b"])[0] * dout))
    num = numerical_gradient(loss, arg.copy())
    err = np.max(np.abs(num - analytic) / np.maximum(1e-8, np.abs(num) + np.abs(analytic)))
    print(f"d{name}: max relative error {err:.1e}")

# %% [markdown]
# ## 2.7 A multi-layer perceptron
#
# Compose the layers: hidden layers are linear followed by ReLU, the last layer is
# linear and produces the scores. Parameters live in a dict `{"W1", "b1", "W2", ...}`.
# The forward pass keeps one cache per layer; the backward pass walks them in reverse
# and fills a dict of gradients with the same keys as the parameters.
#
# `mlp_init` (given) draws the weights; module 03 is about why its scale matters.

# %%
def mlp_init(sizes, rng):
    """Parameters for layer sizes [D, H1, ..., C]: W (fan_in, fan_out) ~ N(0, 2/fan_in), b = 0."""
    params = {}
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
        params[f"W{i}"] = rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_in, fan_out))
        params[f"b{i}"] = np.zeros(fan_out)
    return params


# %% nbgrader={"solution": true, "grade_id": "mlp"}
def mlp_forward(params, x):
    """Scores of a ReLU MLP with L = len(params) // 2 layers.

    params: {"W1": (D, H1), "b1": (H1,), ..., "WL": (H, C), "bL": (C,)}; x: (N, D).
    Returns scores (N, C) and a list of per-layer caches.
    """
    ### BEGIN SOLUTION
    L = len(params) // 2
    caches = []
    h = x
    for i in range(1, L + 1):
        h, lin_cache = linear_forward(h, params[f"W{i}"], params[f"b{i}"])
        relu_cache = None
        if i < L:
            h, relu_cache = relu_forward(h)
        caches.append((lin_cache, relu_cache))
    scores = h
    ### END SOLUTION
    return scores, caches


def mlp_backward(dscores, caches):
    """Gradients of the loss for every parameter, given dscores (N, C).

    Returns {"W1": ..., "b1": ..., ...}, each shaped like its parameter.
    """
    ### BEGIN SOLUTION
    grads = {}
    d = dscores
    L = len(caches)
    for i in range(L, 0, -1):
        lin_cache, relu_cache = caches[i - 1]
        if relu_cache is not None:
            d = relu_backward(d, relu_cache)
        d, grads[f"W{i}"], grads[f"b{i}"] = linear_backward(d, lin_cache)
    ### END SOLUTION
    return grads


# %% nbgrader={"grade": true, "grade_id": "ex2_7", "points": 3}
check("2.7", mlp_forward, mlp_backward)
### BEGIN HIDDEN TESTS
check("2.7", mlp_forward, mlp_backward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 2.8 Training with minibatch SGD
#
# The learning algorithm, whole: repeat — take a small random batch, run forward,
# compute the loss, run backward, step every parameter a little against its gradient.
# An *epoch* visits every example once, in a fresh random order.
#
# `train_mlp` must use the `rng` it is given for the initialisation and the shuffling,
# so that a run can be repeated exactly.

# %% nbgrader={"solution": true, "grade_id": "training"}
def sgd_step(params, grads, lr):
    """In place: params[k] <- params[k] - lr * grads[k] for every key."""
    ### BEGIN SOLUTION
    for k in params:
        params[k] -= lr * grads[k]
    ### END SOLUTION


def train_mlp(X, y, sizes, rng, lr=0.5, epochs=150, batch_size=32):
    """Train a ReLU MLP with softmax cross-entropy by minibatch SGD.

    X: (N, D), y: (N,) labels; sizes: [D, H, ..., C]; rng: np.random.Generator.
    Returns the trained params and the list of per-step losses.
    """
    params = mlp_init(sizes, rng)
    losses = []
    ### BEGIN SOLUTION
    n = X.shape[0]
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            scores, caches = mlp_forward(params, X[idx])
            loss, dscores = softmax_cross_entropy(scores, y[idx])
            grads = mlp_backward(dscores, caches)
            sgd_step(params, grads, lr)
            losses.append(float(loss))
    ### END SOLUTION
    return params, losses


# %% nbgrader={"grade": true, "grade_id": "ex2_8", "points": 3}
check("2.8", sgd_step, train_mlp)
### BEGIN HIDDEN TESTS
check("2.8", sgd_step, train_mlp, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## Experiment: spirals
#
# Three interleaved spirals cannot be separated by a line; a network with one hidden
# layer of 64 ReLUs bends the plane until they can. Watch the loss start near
# ln 3 ≈ 1.10 and fall.

# %% tags=["experiment"]
X, y = spirals(n_per_class=100, n_classes=3, noise=0.15, rng=np.random.default_rng(0))
params, losses = train_mlp(X, y, [2, 64, 3], np.random.default_rng(1))
scores, _ = mlp_forward(params, X)
print(f"first loss {losses[0]:.3f} (ln 3 = {np.log(3):.3f}), last loss {losses[-1]:.3f}, "
      f"training accuracy {np.mean(scores.argmax(axis=1) == y):.2%}")
plot_losses(losses)

# %% tags=["experiment"]
plot_decision_boundary(lambda Z: mlp_forward(params, Z)[0], X, y)

# %% [markdown]
# ## What just happened
#
# You wrote every piece of a neural network learner: layers that know their own
# derivative, a loss, a way to check gradients, and the loop that follows them
# downhill. Nothing here needed the network to be small: the same code trains a
# network of any depth. Whether a *deep* one trains at all depends on something this
# module glossed over, the scale of `mlp_init`'s random weights. That is module 03.
