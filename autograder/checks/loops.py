"""Probes of the promises a minibatch training loop makes, shared by modules 02 and 04.

With lr = 0 the parameters never move, so each recorded loss is the loss of one batch at
the initial parameters: the losses alone then show how many steps an epoch takes, whether
every epoch visits every example once, whether the order is shuffled, reshuffled every
epoch, and drawn from the rng the loop is given. The initial parameters are known because
the given code draws them first: `params = mlp_init(sizes, rng)`.
"""

from __future__ import annotations

import math

import numpy as np

from autograder.compare import Mistake, compare, expect, numbers
from autograder.result import CheckFailed
from course.reference import nn


def _losses(name, train, X, y, sizes, seed, batch_size, epochs, **kw):
    out = train(X.copy(), y.copy(), list(sizes), np.random.default_rng(seed), lr=0.0, epochs=epochs,
                batch_size=batch_size, **kw)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        raise CheckFailed(f"{name} should return (params, losses)")
    losses = numbers("losses", out[1])
    bad = np.flatnonzero(~np.isfinite(losses))
    if bad.size:
        raise CheckFailed(f"{name} recorded a loss of {losses[bad[0]]} at step {bad[0]} with lr = 0",
                          [f"{name}(X, y, sizes, rng, lr=0, epochs={epochs}, batch_size={batch_size})"
                           f": {bad.size} of {losses.size} losses are not finite"],
                          hint="with lr = 0 nothing moves, so a loss of nan comes from the batch: "
                               "an empty one (a slice that starts past the end of the order?) "
                               "or indices that are not examples" if np.isnan(losses[bad[0]])
                          else "with lr = 0 nothing moves: each recorded loss is the finite loss "
                               "of one batch at the initial parameters (append float(loss))",
                          mistake="non-finite-loss")
    return losses


def per_example_losses(X, y, sizes, seed):
    """Loss of each example at the parameters mlp_init(sizes, default_rng(seed)) draws first."""
    params = nn.mlp_init(list(sizes), np.random.default_rng(seed))
    scores = nn.mlp_forward(params, X)[0]
    z = scores - scores.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -logp[np.arange(len(y)), y]


def check_epochs(name, train, X, y, sizes, seed, *, batch_size=8, epochs=3, **kw):
    """The loop's bookkeeping, from losses at lr = 0 (X has a multiple of batch_size rows).

    One loss per step; a step count of ceil(n / batch_size) per epoch (the short batch kept);
    each epoch visits each example once; the order is shuffled, fresh every epoch, and a
    function of the rng alone.
    """
    n, B, E = len(y), batch_size, epochs
    assert n % B == 0
    where = f"{name}(X, y, sizes, rng, lr=0, epochs={E}, batch_size={B}) on {n} examples"
    losses = _losses(name, train, X, y, sizes, seed, B, E, **kw)
    K = n // B
    if losses.size != E * K:
        hint = ("one loss per epoch was recorded: append the loss of every step (minibatch)"
                if losses.size == E else
                f"each epoch made {B} steps, the batch size: cut it into pieces of batch_size "
                f"examples ({K} of them), not into batch_size pieces (np.array_split(order, "
                "batch_size))" if losses.size == E * B else
                "record exactly one loss per minibatch step")
        raise CheckFailed(f"losses has {losses.size} entries; expected one per step, {E * K} "
                          f"({E} epochs of {K} batches)", [where], hint=hint,
                          mistake="loss-per-epoch" if losses.size == E else "steps-count")
    # with a short last batch: ceil(n / B) steps per epoch, none dropped
    short = _losses(name, train, X[:n - B // 2], y[:n - B // 2], sizes, seed, B, 1, **kw)
    expect(short.size == math.ceil((n - B // 2) / B),
           f"with {n - B // 2} examples and batch_size {B}, an epoch took {short.size} steps; "
           f"expected {math.ceil((n - B // 2) / B)}",
           "the last, short batch is part of the epoch",
           hint="keep the last, short batch: range(0, n, batch_size), or some examples are never "
                "trained on", mistake="drops-last-batch")
    again = _losses(name, train, X, y, sizes, seed, B, E, **kw)
    expect(np.array_equal(losses, again), "two runs with generators of the same seed recorded "
           "different losses", where, hint="shuffle with the rng you are given "
           "(rng.permutation(n)), never np.random or a generator of your own",
           mistake="ignores-rng")
    # the premise of what follows: with lr = 0 the parameters stay where mlp_init put them
    params = train(X.copy(), y.copy(), list(sizes), np.random.default_rng(seed), lr=0.0,
                   epochs=1, batch_size=B, **kw)[0]
    start = nn.mlp_init(list(sizes), np.random.default_rng(seed))
    if isinstance(params, dict) and set(params) == set(start):
        moved = [k for k in start if np.shape(params[k]) != start[k].shape or
                 not np.allclose(params[k], start[k], rtol=1e-6, atol=1e-12)]
        if moved:
            # moved by the same amount on other labels: not by a gradient at all
            other = train(X.copy(), (y + 1) % sizes[-1], list(sizes), np.random.default_rng(seed),
                          lr=0.0, epochs=1, batch_size=B, **kw)[0]
            blind = isinstance(other, dict) and all(
                k in other and np.shape(other[k]) == np.shape(params[k]) and
                np.allclose(other[k], params[k], rtol=1e-9, atol=1e-12) for k in moved)
        expect(not moved, f"with lr = 0 the parameters changed ({', '.join(moved)})",
               f"{where}: nothing may move when the learning rate is 0" + (
                   "; they moved by the same amount with other labels, so not by a gradient"
                   if moved and blind else ""),
               hint="the parameters move without a gradient: does the velocity (the optimiser's "
                    "state) start at zero, or is something else added to them?" if moved and blind
               else "is the learning rate you are given, lr, the one the update uses (not a "
                    "number written in the code)?", mistake="lr-not-used")
    L = per_example_losses(X, y, sizes, seed)
    epochs_ = losses.reshape(E, K)
    means = epochs_.mean(axis=1)
    bad = [e for e in range(E) if abs(means[e] - L.mean()) > 1e-5 * L.mean()]  # float32 passes
    same = bool(bad) and K > 1 and np.allclose(epochs_[bad[0]], epochs_[bad[0]][0],
                                                rtol=1e-9, atol=0)
    expect(not bad, f"epoch {bad[0] if bad else 0} does not visit every example exactly once",
           f"{where}: the mean of its batch losses is {means[bad[0]] if bad else 0:.6g}; over "
           f"all examples the loss is {L.mean():.6g}" + (
               f"; its {K} batches all have the same loss, {epochs_[bad[0]][0]:.6g}" if same
               else ""),
           hint="every batch of the epoch holds the same examples: the slice of the order must "
                "move with the batch (order[start:start + batch_size]), not start at 0 each time"
           if same else "each epoch: one permutation of all n examples, cut into consecutive "
                        "batches", mistake="epoch-coverage")
    # the short run's batches: batch_size examples each, the last one shorter; the batch means
    # weighted by those sizes add up to the loss summed over every example (whatever the order)
    m = n - B // 2
    weights = np.array([B] * (short.size - 1) + [m - B * (short.size - 1)], dtype=float)
    total = float(per_example_losses(X[:m], y[:m], sizes, seed).sum())
    expect(abs(float(weights @ short) - total) <= 1e-5 * total,
           f"with {m} examples and batch_size {B} the batches are not of batch_size examples",
           f"{name}(X, y, sizes, rng, lr=0, epochs=1, batch_size={B}) on {m} examples: the batch "
           f"losses weighted by the sizes {', '.join(str(int(w)) for w in weights)} sum to "
           f"{float(weights @ short):.6g}, not to the loss summed over all examples, {total:.6g}",
           hint="cut the shuffled order into consecutive pieces of batch_size examples "
                "(order[start:start + batch_size]), only the last one shorter: splitting it into "
                "a number of nearly equal pieces (np.array_split(order, k)) gives other sizes",
           mistake="batch-sizes")
    in_order = L.reshape(K, B).mean(axis=1)
    expect(not np.allclose(epochs_[0], in_order, rtol=1e-12, atol=0),
           "the first epoch's batches are the examples in data order: they are not shuffled",
           where, hint="shuffle the examples every epoch with rng.permutation(n)",
           mistake="no-shuffle")
    same = [e for e in range(1, E) if np.allclose(epochs_[e], epochs_[0], rtol=1e-12, atol=0)]
    expect(not same, f"epoch {same[0] if same else 0} has the same batches, in the same order, "
           "as epoch 0", f"{where}: the per-step losses repeat every {K} steps",
           hint="draw a fresh permutation every epoch, inside the epoch loop, from the rng "
                "passed in: a permutation drawn once before the loop, or a new generator with a "
                "fixed seed made at each epoch, repeats the same order",
           mistake="same-order-every-epoch")


def check_shuffle_follows_rng(name, train, seed, n=12):
    """The order of the examples comes from the rng passed in: with lr = 0 and batches of one,
    each loss names its example, so an epoch's order can be read off; generators of two seeds
    must give two orders (the same order has probability 1 / 12!)."""
    r = np.random.default_rng([seed, 30])
    X, y = r.normal(size=(n, 2)), r.integers(0, 3, size=n)   # distinct losses on seeds 0-299
    sizes, orders = [2, 16, 3], []
    for s in (seed, seed + 1):
        losses = _losses(name, train, X, y, sizes, s, 1, 1)
        L = per_example_losses(X, y, sizes, s)
        orders.append([int(np.argmin(np.abs(L - v))) for v in losses])
    expect(orders[0] != orders[1], "generators of two different seeds shuffled the examples "
           "into the same order", f"{name}(X, y, {sizes}, np.random.default_rng(s), lr=0, "
           f"epochs=1, batch_size=1) on {n} examples, s = {seed} and {seed + 1}: order "
           f"{orders[0]} both times", hint="shuffle with the rng you are given "
           "(rng.permutation(n)), not with np.random or a generator of your own with a fixed seed",
           mistake="shuffle-ignores-seed")


def check_losses_before_steps(got, losses, kind, step, rtol):
    """The student's recorded losses against the reference's `losses` (each step's loss taken
    before it, and one more after the last step): a loss taken after its step is named."""
    n = len(losses) - 1
    compare({"losses": numbers("losses", got)}, {"losses": np.array(losses[:n])}, rtol=rtol,
            what=f"the losses of {n} {kind} steps, each before its step",
            axes={"losses": ("step",)}, mistakes=[
                Mistake("loss-after-step", "each loss is the one after its step: record the "
                        f"loss the forward pass computed for the batch, before {step} changes "
                        "the parameters", lambda: {"losses": np.array(losses[1:])})])
