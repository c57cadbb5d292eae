"""Checks of module 04: momentum, Nesterov, the momentum schedule, a loop, training.

Update rules are run for several steps from random parameters *and* random velocities,
with the learning rate and mu changing between steps, and compared with the reference
rules of `course.reference.optim` after every step (params and state). Known mistakes are rolled
forward the same way, so a wrong answer is named at the first step where it shows.
"""

from __future__ import annotations

import math

import numpy as np

from autograder.checks import kind, known, loops
from autograder.compare import Mistake, as_left, compare, describe, expect, hinted, named
from autograder.result import CheckFailed
from autograder.tasks import Module, Task
from course.data import spirals
from course.functions import Coupled
from course.reference import nn, optim

N_STEPS = 4            # steps of each update-rule trajectory check
RTOL = 1e-9            # float64 round-off between equivalent formulations is ~1e-15

# Behavioural thresholds (margins measured by benchmarks/optim.py over 10 seeds).
MAX_FRACTION = 0.6     # momentum must reach the target in at most this fraction of SGD's steps
SPEEDUP = dict(n=20, kappa=300.0, lr=1.0, mu=0.9, target_ratio=1e-4)
MIN_ACCURACY = 0.9     # 4.5: training accuracy on spirals after the budget below
MAX_LOSS = 0.27        # 4.5: full-data training loss (reference <= 0.21, plain SGD >= 0.34)
TRAIN = dict(lr=0.1, mu_max=0.9, epochs=40, batch_size=32)


def _copy(d):
    return {k: np.array(v, dtype=float, copy=True) for k, v in d.items()}


def _shapes(rng):
    """Three distinct sizes for a small parameter dict: W (a, b), b (b,), v (c,)."""
    a, b, c = (int(s) for s in rng.choice(np.arange(2, 8), size=3, replace=False))
    return {"W": (a, b), "b": (b,), "v": (c,)}


def _outputs(params, state):
    out = {f"params['{k}']": params[k] for k in params}
    out.update({f"state['{k}']": state[k] for k in state})
    return out


def _call_rule(name, rule, params, arg, state, lr, mu):
    """Run the student's rule on its own dicts; fail clearly on the wrong API."""
    before = _copy(params)
    ret = rule(params, arg, state, lr, mu)
    expect(isinstance(params, dict) and set(params) == set(before),
           f"{name} changed the keys of params", f"keys now {sorted(params)}")
    expect(isinstance(state, dict) and set(before) <= set(state),
           f"{name} left no velocity in state for every key",
           f"state keys {sorted(state)}, params keys {sorted(before)}",
           hint="state[k] must hold the new velocity of params[k] after the step")
    if ret is not None and all(np.array_equal(params[k], before[k]) for k in before):
        raise CheckFailed(f"{name} returned a {describe(ret)} and left params unchanged",
                          [f"the caller reads the new values from params: {name} returns None"],
                          hint="update params and state in place: params[k] += ..., "
                               "state[k] = ...; do not build and return new dicts",
                          mistake="returned-not-in-place")
    return ret


def _trajectory(name, rule, reference, mistakes, make_arg, params0, state0, rng, *, check_grads):
    """Run rule, reference and each mistaken rule for N_STEPS from the same start; compare
    params and state after every step. make_arg(step) -> grads dict or objective."""
    ps, ss = _copy(params0), _copy(state0)
    pr, sr = _copy(params0), _copy(state0)
    wrong = [(m, _copy(params0), _copy(state0)) for m in mistakes]
    returned = None
    for i in range(N_STEPS):
        lr, mu = float(rng.uniform(0.05, 0.5)), float(rng.uniform(0.5, 0.99))
        arg = make_arg(i)
        given = _copy(arg) if check_grads else arg
        ret = _call_rule(name, rule, ps, given, ss, lr, mu)
        returned = ret if returned is None else returned
        if check_grads:
            seen = as_left(rule, given, 1)
            changed = [k for k in arg if k not in seen or not np.array_equal(seen[k], arg[k])]
            expect(not changed, f"{name} changed grads['{changed[0] if changed else ''}']",
                   "the caller may still need the gradients after the step",
                   hint="compute lr * grads[k] into a new array instead of scaling grads "
                        "in place (grads[k] *= lr changes the caller's gradients)",
                   mistake="grads-modified")
        reference(pr, arg, sr, lr, mu)
        for (_, pw, sw), (_, _, fn) in zip(wrong, mistakes, strict=True):
            fn(pw, arg, sw, lr, mu)
        exp = _outputs(pr, sr)
        got = {n: (ps if n.startswith("params") else ss).get(n.split("'")[1]) for n in exp}
        compare(got, exp, rtol=RTOL, what=f"the reference after step {i + 1} of {N_STEPS} "
                f"(lr = {lr:.3f}, mu = {mu:.3f}, starting from a non-zero velocity)",
                mistakes=[Mistake(m[0], m[1], lambda pw=pw, sw=sw: _outputs(pw, sw))
                          for m, pw, sw in wrong])
    # the API the text states: a rule changes params and state in place and returns nothing
    # (the steps above are right, so only the return is left)
    if returned is not None:
        raise known(CheckFailed(
            f"{name} returned a {describe(returned)}; the update rules return nothing",
            [f"params and state were updated right over {N_STEPS} steps; every rule has the "
             "signature rule(params, ..., state, lr, mu), changes params and state in place "
             "and returns None"],
            hint="drop the return statement: the caller reads the new values from params and "
                 "state, and a returned value is never used", mistake="returns-value"))


# --- 4.1 momentum ----------------------------------------------------------------------------


UNCHANGED = ("params and state are unchanged: update the caller's dicts in place (params[k] += "
             "..., state[k] = ...); assigning a new dict to the name params inside the "
             "function does not change the caller's dict")


def _mom(update):
    """A momentum-like rule from update(p, v, g, lr, mu) -> (new p, new v)."""
    def rule(params, grads, state, lr, mu):
        for k in params:
            params[k], state[k] = update(params[k], state[k], grads[k], lr, mu)
    return rule


MOMENTUM_MISTAKES = [
    ("ascent", "the step goes uphill: the velocity gets minus the gradient, "
     "v <- mu * v - lr * g", _mom(lambda p, v, g, lr, mu: (p + mu * v + lr * g, mu * v + lr * g))),
    ("old-velocity", "params moved by the old velocity: update v first (v <- mu * v - lr * g), "
     "then add the new v to params",
     _mom(lambda p, v, g, lr, mu: (p + v, mu * v - lr * g))),
    ("lr-twice", "the learning rate is applied twice: it is already inside v, so p <- p + v",
     _mom(lambda p, v, g, lr, mu: (p + lr * (mu * v - lr * g), mu * v - lr * g))),
    ("lr-twice-step", "the learning rate is applied twice: it is already inside v, "
     "so p <- p + v, not p + v - lr * g",
     _mom(lambda p, v, g, lr, mu: (p + mu * v - 2 * lr * g, mu * v - lr * g))),
    ("state-not-stored", "state was not updated: store the new velocity in state[k] so the "
     "next step can use it", _mom(lambda p, v, g, lr, mu: (p + mu * v - lr * g, v))),
    ("dampening", "v <- mu * v - lr * g has no (1 - mu) factor on the gradient",
     _mom(lambda p, v, g, lr, mu: (p + mu * v - (1 - mu) * lr * g, mu * v - (1 - mu) * lr * g))),
    ("mu-on-gradient", "mu multiplies the old velocity only: v <- mu * v - lr * g, "
     "not mu * (v - lr * g)",
     _mom(lambda p, v, g, lr, mu: (p + mu * (v - lr * g), mu * (v - lr * g)))),
    ("minus-velocity", "params should move by +v: v already points downhill",
     _mom(lambda p, v, g, lr, mu: (p - (mu * v - lr * g), mu * v - lr * g))),
    ("unchanged", UNCHANGED, _mom(lambda p, v, g, lr, mu: (p, v))),
    ("velocity-sign", "your state holds minus the velocity (v <- mu * v + lr * g, p <- p - v): "
     "state[k] is v itself, v <- mu * v - lr * g and p <- p + v, and the next step decays what "
     "you store", _mom(lambda p, v, g, lr, mu: (p - (mu * v + lr * g), mu * v + lr * g))),
    ("lr-outside", "this is the form v <- mu * v + g, p <- p - lr * v; here state[k] holds the "
     "step itself: v <- mu * v - lr * g, p <- p + v",
     _mom(lambda p, v, g, lr, mu: (p - lr * (mu * v + g), mu * v + g))),
]


def _substituted(reference, name):
    """Mistaken rules: the reference with lr and mu used wrongly (mu as 1 - mu, lr and mu
    swapped, no mu), each with a hint that names the substitution."""
    subs = [("mu-as-1-minus-mu", "mu used as 1 - mu", lambda lr, mu: (lr, 1.0 - mu)),
            ("lr-mu-swapped", "lr and mu swapped", lambda lr, mu: (mu, lr)),
            ("mu-ignored", "mu left out (as if mu = 1)", lambda lr, mu: (lr, 1.0))]
    return [(f"{name}-{n}", f"your step equals the reference {name} step with {what}: check "
             "where lr and mu enter (v <- mu * v - lr * g)",
             lambda p, a, s, lr, mu, f=f: reference(p, a, s, *f(lr, mu)))
            for n, what, f in subs]


def momentum_fraction(momentum_step, seed):
    """(momentum steps, SGD steps) to bring the ill-conditioned quadratic's loss to
    target_ratio of its start, with constant lr and mu (SPEEDUP)."""
    rng = np.random.default_rng(seed)
    obj, params = optim.ill_conditioned(SPEEDUP["n"], SPEEDUP["kappa"], rng)
    return optim.momentum_speedup(obj, params, SPEEDUP["lr"], SPEEDUP["mu"], momentum_step,
                                  SPEEDUP["target_ratio"])


def check_momentum(momentum_step, *, seed):
    rng = np.random.default_rng(seed)
    shapes = _shapes(rng)
    params0 = {k: rng.normal(size=s) for k, s in shapes.items()}
    state0 = {k: rng.normal(scale=0.3, size=s) for k, s in shapes.items()}
    grads = [{k: rng.normal(size=s) for k, s in shapes.items()} for _ in range(N_STEPS)]
    _trajectory("momentum_step", momentum_step, optim.momentum_step,
                MOMENTUM_MISTAKES + _substituted(optim.momentum_step, "momentum"),
                lambda i: grads[i], params0, state0, rng, check_grads=True)
    # a key whose gradient is zero (a frozen or unused parameter) still has a velocity: it
    # decays and it moves the parameter
    zr = np.random.default_rng([seed, 41])
    still = str(zr.choice(sorted(shapes)))
    zg = {k: np.zeros(s) if k == still else zr.normal(size=s) for k, s in shapes.items()}
    lr, mu = float(zr.uniform(0.05, 0.5)), float(zr.uniform(0.5, 0.95))
    got_p, got_s = _copy(params0), _copy(state0)
    momentum_step(got_p, _copy(zg), got_s, lr, mu)
    exp_p, exp_s = _copy(params0), _copy(state0)
    optim.momentum_step(exp_p, zg, exp_s, lr, mu)
    with hinted(f"grads['{still}'] is all zeros, but its velocity is not: it still decays "
                "(v <- mu * v) and still moves the parameter (p <- p + v); no key is "
                "skipped", "zero-grad-skipped"):
        compare({**{f"params['{k}']": v for k, v in got_p.items()},
                 **{f"state['{k}']": v for k, v in got_s.items()}},
                {**{f"params['{k}']": v for k, v in exp_p.items()},
                 **{f"state['{k}']": v for k, v in exp_s.items()}},
                what=f"the reference after a step where grads['{still}'] is all zeros "
                     f"(lr = {lr:.3f}, mu = {mu:.3f}, a non-zero velocity)")
    # behaviour: faster than SGD on an ill-conditioned quadratic, from zero velocity
    m, s = momentum_fraction(momentum_step, seed)
    expect(m <= MAX_FRACTION * s,
           f"momentum needed {m} steps to reduce the loss by {1 / SPEEDUP['target_ratio']:.0e}, "
           f"SGD {s}: expected at most {MAX_FRACTION:.0%} of SGD's steps",
           f"quadratic with condition number {SPEEDUP['kappa']:g}, lr = {SPEEDUP['lr']}, "
           f"mu = {SPEEDUP['mu']}, velocity starting at zero",
           hint="is the velocity carried from one call to the next through state?")
    _check_keys_reordered(momentum_step, seed)
    _check_zero_mu(momentum_step, seed)


def _by_position(params, grads, state, lr, mu, *, grads_by_key=False, state_by_key=False):
    """Momentum with the dicts' values paired by position (zip of .values()), not by key;
    grads_by_key / state_by_key: that dict is read by key (state[k], grads[k]) after all."""
    for k, kg, ks in zip(params, grads, state, strict=True):
        kg, ks = (k if grads_by_key else kg), (k if state_by_key else ks)
        v = mu * state[ks] - lr * grads[kg]
        state[ks] = v
        params[k] = params[k] + v


def _check_keys_reordered(momentum_step, seed):
    """The docstring: params, grads and state are dicts with the same keys; nothing says in
    the same order. Here grads and state list them in two other orders (all values of one
    shape, so values paired by position give numbers, not an error)."""
    r = np.random.default_rng([seed, 42])
    shape = tuple(int(s) for s in r.integers(2, 6, size=2))
    keys = ["W1", "b1", "W2"]
    params0 = {k: r.normal(size=shape) for k in keys}
    state0 = {k: r.normal(scale=0.3, size=shape) for k in keys[2:] + keys[:2]}
    grads = {k: r.normal(size=shape) for k in keys[1:] + keys[:1]}
    lr, mu = float(r.uniform(0.05, 0.5)), float(r.uniform(0.5, 0.95))
    got_p, got_s = _copy(params0), _copy(state0)
    momentum_step(got_p, _copy(grads), got_s, lr, mu)

    def run(**by_key):
        p, st = _copy(params0), _copy(state0)
        _by_position(p, _copy(grads), st, lr, mu, **by_key)
        return _outputs(p, st)

    exp_p, exp_s = _copy(params0), _copy(state0)
    optim.momentum_step(exp_p, grads, exp_s, lr, mu)
    pair = ("params, grads and state hold the same keys, but grads and state list them in "
            "other orders than params here: pair the values by key (grads[k], state[k] for k "
            "in params), not by position")
    got = {n: (got_p if n.startswith("params") else got_s).get(n.split("'")[1])
           for n in _outputs(exp_p, exp_s)}
    with hinted(f"{pair} (does your loop zip the dicts' values or items together?)",
                "keys-paired-by-position"):
        compare(got, _outputs(exp_p, exp_s), rtol=RTOL,
                what=f"the reference after a step where grads lists its keys as "
                     f"{', '.join(grads)} and state as {', '.join(state0)}, params as "
                     f"{', '.join(params0)} (lr = {lr:.3f}, mu = {mu:.3f})", mistakes=[
                    Mistake("dicts-by-position", f"{pair}: your step pairs params, grads and "
                            "state by position (zip of their .values() or .items())", run),
                    Mistake("grads-by-position", f"{pair}: your step pairs params with grads "
                            "by position (zip of their .values() or .items())",
                            lambda: run(state_by_key=True)),
                    Mistake("state-by-position", f"{pair}: your step pairs params with state "
                            "by position (zip of their .values() or .items())",
                            lambda: run(grads_by_key=True))])


def _check_zero_mu(momentum_step, seed):
    """mu = 0 (momentum_schedule(t, 0) gives it): the same rule, v <- -lr * g, p <- p + v."""
    r = np.random.default_rng([seed, 43])
    shapes = _shapes(r)
    params0 = {k: r.normal(size=s) for k, s in shapes.items()}
    state0 = {k: r.normal(scale=0.3, size=s) for k, s in shapes.items()}
    grads = {k: r.normal(size=s) for k, s in shapes.items()}
    lr = float(r.uniform(0.05, 0.5))
    got_p, got_s = _copy(params0), _copy(state0)
    momentum_step(got_p, _copy(grads), got_s, lr, 0.0)
    exp_p, exp_s = _copy(params0), _copy(state0)
    optim.momentum_step(exp_p, grads, exp_s, lr, 0.0)
    got = {n: (got_p if n.startswith("params") else got_s).get(n.split("'")[1])
           for n in _outputs(exp_p, exp_s)}
    with hinted("with mu = 0 the rule is still v <- mu * v - lr * g, p <- p + v: the velocity "
                "becomes -lr * g and p moves by it; no special case for mu = 0", "zero-mu"):
        compare(got, _outputs(exp_p, exp_s), rtol=RTOL,
                what=f"the reference after a step with mu = 0 (lr = {lr:.3f}) from a non-zero "
                     "velocity", mistakes=[
                    Mistake("zero-mu-velocity-kept", "with mu = 0 the velocity is still "
                            "updated: v <- mu * v - lr * g = -lr * g. Your params took the plain "
                            "SGD step, but state kept the old velocity, which the next step "
                            "(with mu > 0) then decays and adds: no special case for mu = 0 "
                            "(a plain SGD step there must still store v = -lr * g in state)",
                            lambda: _outputs(exp_p, state0))])


# --- 4.2 Nesterov ----------------------------------------------------------------------------


def _nest(ahead, step, with_lr=False):
    """A Nesterov-like rule: g = grad(ahead(p, v, mu)); (p, v) <- step(p, v, g, lr, mu).
    with_lr: ahead(p, v, mu, lr) (a look-ahead that uses the learning rate)."""
    def rule(params, objective, state, lr, mu):
        g = objective.grad({k: ahead(params[k], state[k], mu, lr) if with_lr else
                            ahead(params[k], state[k], mu) for k in params})
        for k in params:
            params[k], state[k] = step(params[k], state[k], g[k], lr, mu)
    return rule


def _classic(p, v, g, lr, mu):
    return p + mu * v - lr * g, mu * v - lr * g


NESTEROV_MISTAKES = [
    ("gradient-at-params", "the gradient must be taken at the look-ahead point "
     "params + mu * v, not at params (that is classical momentum)",
     _nest(lambda p, v, mu: p, _classic)),
    ("look-behind", "look ahead along the velocity: the gradient at params + mu * v, "
     "not params - mu * v", _nest(lambda p, v, mu: p - mu * v, _classic)),
    ("look-ahead-by-lr-v", "the look-ahead point is params + mu * v: you moved by lr * v",
     _nest(lambda p, v, mu, lr: p + lr * v, _classic, with_lr=True)),
    ("look-ahead-by-v", "look ahead by mu * v, not by the whole velocity v",
     _nest(lambda p, v, mu: p + v, _classic)),
    ("bengio-form", "this is the reformulation that tracks the look-ahead point "
     "(p <- p + mu * v_new - lr * g, gradient at p); this task asks for the Sutskever et al. "
     "2013 form: v <- mu * v - lr * grad(p + mu * v), p <- p + v",
     _nest(lambda p, v, mu: p, lambda p, v, g, lr, mu: (p + mu * (mu * v - lr * g) - lr * g,
                                                        mu * v - lr * g))),
    ("ascent", "the step goes uphill: v <- mu * v - lr * grad(...)",
     _nest(lambda p, v, mu: p + mu * v, lambda p, v, g, lr, mu: (p + mu * v + lr * g,
                                                                  mu * v + lr * g))),
    ("state-not-stored", "state was not updated: store the new velocity in state[k]",
     _nest(lambda p, v, mu: p + mu * v, lambda p, v, g, lr, mu: (p + mu * v - lr * g, v))),
    ("unchanged", UNCHANGED, _nest(lambda p, v, mu: p, lambda p, v, g, lr, mu: (p, v))),
    ("old-velocity", "params moved by the old velocity: compute the new v first, then p <- p + v",
     _nest(lambda p, v, mu: p + mu * v, lambda p, v, g, lr, mu: (p + v, mu * v - lr * g))),
]


def check_nesterov(nesterov_step, *, seed):
    rng = np.random.default_rng(seed)
    a, b = (int(s) for s in rng.choice(np.arange(2, 8), size=2, replace=False))
    obj = optim.Quadratic({"u": optim.spd(a, 0.2, 2.0, rng), "w": optim.spd(b, 0.2, 2.0, rng)})
    params0 = {"u": rng.normal(size=a), "w": rng.normal(size=b)}
    state0 = {"u": rng.normal(scale=0.3, size=a), "w": rng.normal(scale=0.3, size=b)}
    _trajectory("nesterov_step", nesterov_step, optim.nesterov_step,
                NESTEROV_MISTAKES + _substituted(optim.nesterov_step, "Nesterov"),
                lambda i: obj, params0, state0, rng, check_grads=False)
    # an objective whose keys interact: every key's gradient is taken at one look-ahead point
    obj = Coupled(optim.spd(a + b, 0.2, 2.0, rng), {"u": a, "w": b})
    params0 = {"u": rng.normal(size=a), "w": rng.normal(size=b)}
    state0 = {"u": rng.normal(scale=0.3, size=a), "w": rng.normal(scale=0.3, size=b)}
    _trajectory("nesterov_step", nesterov_step, nesterov_formula, NESTEROV_MISTAKES + [
        ("lookahead-per-key", "the gradient of every key is taken at one look-ahead point, "
         "params + mu * v for all keys before any of them moves; yours is recomputed inside "
         "the loop, after earlier keys have moved (here the objective couples the keys): "
         "compute ahead and objective.grad(ahead) once, before the loop over keys",
         lambda p, o, s, lr, mu: nesterov_formula(p, o, s, lr, mu, per_key=True))],
        lambda i: obj, params0, state0, rng, check_grads=False)


def nesterov_formula(params, objective, state, lr, mu, per_key=False):
    """v <- mu * v - lr * grad(params + mu * v); p <- p + v (per_key: the look-ahead redone
    for every key, after the keys before it have moved)."""
    g = objective.grad({k: params[k] + mu * state[k] for k in params})
    for k in params:
        if per_key:
            g = objective.grad({j: params[j] + mu * state[j] for j in params})
        state[k] = mu * state[k] - lr * g[k]
        params[k] = params[k] + state[k]


# --- 4.3 schedule ----------------------------------------------------------------------------


def _schedule(t, mu_max, *, log=np.log2, floor=np.floor, cap=np.minimum, div=250.0):
    return cap(1.0 - 2.0 ** (-1.0 - log(floor(t / div) + 1)), mu_max)


SCHEDULE_MISTAKES = [
    ("no-floor", "floor(t / 250) is missing: mu should stay constant for 250 steps at a time",
     dict(floor=lambda x: x)),
    ("round", "use floor(t / 250), not round: mu changes at t = 250, 500, ...",
     dict(floor=np.round)),
    ("ceil", "use floor(t / 250) (round down), not ceil: mu changes at t = 250, 500, ..., "
     "and stays at 0.5 for t = 0-249", dict(floor=np.ceil)),
    ("no-cap", "mu must never exceed mu_max: take the min with mu_max",
     dict(cap=lambda a, b: a + 0 * b)),
    ("max-not-min", "take the min with mu_max, not the max", dict(cap=np.maximum)),
    ("natural-log", "the formula uses the log base 2 (np.log2), not the natural log",
     dict(log=np.log)),
    ("log10", "the formula uses the log base 2 (np.log2), not log10", dict(log=np.log10)),
    ("no-division", "divide t by 250 before the floor: mu rises every 250 steps",
     dict(div=1.0)),
    *[(f"period-{d}", f"your mu changes every {d} steps: it changes every 250 (floor(t / 250))",
       dict(div=float(d))) for d in (10, 25, 50, 100, 125, 200, 500, 1000)],
]


def check_schedule(momentum_schedule, *, seed):
    rng = np.random.default_rng(seed)
    ts = np.concatenate([[0, 1, 249, 250, 251, 499, 500, 749, 750, 999, 1000, 1999, 2000,
                          4999, 5000, 12345, 10**6], rng.integers(0, 6000, size=20)])
    mus = np.concatenate([[0.9, 0.99, 0.9995], rng.uniform(0.5, 0.9999, size=1)])
    tt, mm = (a.ravel() for a in np.meshgrid(ts, mus, indexing="ij"))
    got = []
    for t, mu_max in zip(tt, mm, strict=True):
        v = momentum_schedule(int(t), float(mu_max))
        if not (np.isscalar(v) or (isinstance(v, np.ndarray) and v.size == 1)) \
                or isinstance(v, (str, bool)):
            raise CheckFailed(f"momentum_schedule({int(t)}, {float(mu_max)}) returned a "
                              f"{describe(v)}, expected a float")
        got.append(float(np.asarray(v, dtype=float).reshape(())))
    got = np.array(got)
    exp = _schedule(tt, mm)
    capped = _schedule(tt, mm, cap=lambda a, b: a + 0 * b) > mm
    regions = {"the cap mu_max applies (the formula exceeds mu_max)": capped,
               "the formula is below mu_max": ~capped,
               "t is a multiple of 250": tt % 250 == 0, "t is not a multiple of 250": tt % 250 != 0}
    try:
        wrong = _rel(got, exp) > 1e-12
        if wrong.sum() > 1 and not wrong[~capped].any() and np.ptp(got[wrong]) == 0:
            raise CheckFailed("mu differs from the schedule where the cap applies", [
                f"where the formula exceeds mu_max you return {got[wrong][0]:.6g} for every "
                f"mu_max ({', '.join(f'{m:.4g}' for m in np.unique(mm[wrong]))})"],
                hint="the cap is the argument mu_max, not a constant: min(formula, mu_max)",
                mistake="constant-cap")
        compare({"mu": got}, {"mu": exp}, rtol=1e-12, what="the schedule", regions=regions,
                mistakes=[
            Mistake(n, h, lambda kw=kw: {"mu": _schedule(tt, mm, **kw)})
            for n, h, kw in SCHEDULE_MISTAKES])
    except CheckFailed as e:
        i = int(np.argmax(_rel(got, exp)))
        e.details.insert(0, f"momentum_schedule(t={int(tt[i])}, mu_max={mm[i]:.4g}) returned "
                            f"{got[i]:.6g}, expected {exp[i]:.6g}")
        raise
    # a ceiling at or below the first block's 0.5 (the text's learning-rate sweep runs
    # mu_max = 0.5): min(formula, mu_max) caps mu from t = 0, there is no first block apart
    low = [0.0, round(float(rng.uniform(0.05, 0.45)), 4), 0.5]
    for mu_max in low:
        for t in (0, 1, 249, 250, 500, 1000):
            v = float(np.asarray(momentum_schedule(t, mu_max), dtype=float).reshape(()))
            want = float(_schedule(t, mu_max))
            if abs(v - want) > 1e-12 * max(abs(want), 1e-300):
                first = t < 250 and abs(v - 0.5) <= 1e-12 and mu_max < 0.5
                err = CheckFailed(
                    f"momentum_schedule({t}, {mu_max:g}) returned {v:.6g}, expected {want:.6g}",
                    [f"at t = {t} the formula gives {float(_schedule(t, 1.0)):.6g}; with "
                     f"mu_max = {mu_max:g}, mu = min(formula, mu_max) = {want:.6g}"],
                    hint="mu_max caps mu at every step, the first 250 included: no special "
                         "case for t < 250, mu = min(formula, mu_max) always" if first else
                    "mu = min(formula, mu_max) at every t, whatever mu_max is (a ceiling below "
                    "0.5 caps from t = 0)", mistake="cap-skips-first-block" if first else
                    "low-cap")
                raise known(err) if first else err


def _rel(a, b):
    return np.abs(a - b) / (np.abs(a) + np.abs(b) + 1e-300)


# --- 4.4 the loop ----------------------------------------------------------------------------


def _loop(obj, params, method, lr, mu_max, n_steps, *, mu_of=optim.momentum_schedule,
          nesterov=optim.nesterov_step, reset_every=None):
    state = optim.zeros_like(params)
    losses = [obj.loss(params)]
    for t in range(n_steps):
        mu = mu_of(t, mu_max)
        if reset_every and t % reset_every == 0:
            state = optim.zeros_like(params)
        if method == "nesterov" and nesterov is optim.nesterov_step:
            nesterov(params, obj, state, lr, mu)
        elif method == "sgd":
            optim.sgd_step(params, obj.grad(params), state, lr, mu)
        else:
            optim.momentum_step(params, obj.grad(params), state, lr, mu)
        losses.append(obj.loss(params))
    return np.array(losses)


def check_optimise(optimise, *, seed):
    rng = np.random.default_rng(seed)
    a, b = (int(s) for s in rng.choice(np.arange(3, 10), size=2, replace=False))
    obj = optim.Quadratic({"x": optim.spd(a, 0.02, 1.0, rng), "y": optim.spd(b, 0.02, 1.0, rng)})
    start = {"x": rng.normal(size=a), "y": rng.normal(size=b)}
    # the schedule gives 0.5, 0.75, then 0.833 from t = 500: a mu_max of 0.6 or 0.7 caps it
    # from t = 250, so a loop that ignores mu_max shows
    lr, mu_max, n_steps = float(rng.uniform(0.5, 1.5)), float(rng.choice([0.6, 0.7])), 520
    for method in ("sgd", "momentum", "nesterov"):
        _check_method(optimise, obj, start, method, lr, mu_max, n_steps)
    _check_diverging(optimise, rng)
    _check_no_steps(optimise, seed)


def _check_no_steps(optimise, seed):
    """n_steps = 0: the text's n_steps + 1 losses is one, the loss before any step, and params
    stay as they are."""
    r = np.random.default_rng([seed, 46])
    n = int(r.integers(3, 8))
    obj = optim.Quadratic({"x": optim.spd(n, 0.1, 1.0, r)})
    start = {"x": r.normal(size=n)}
    method = str(r.choice(["sgd", "momentum", "nesterov"]))
    lr, mu_max = float(r.uniform(0.1, 1.0)), 0.9
    first = float(obj.loss(_copy(start)))
    params = _copy(start)
    call = f"optimise(objective, params, '{method}', lr={lr:.3f}, mu_max={mu_max}, n_steps=0)"
    losses = optimise(obj, params, method, lr, mu_max, 0)
    arr = np.asarray(losses, dtype=float) if losses is not None and np.ndim(losses) == 1 else None
    expect(arr is not None, f"{call} returned {describe(losses)}; expected a list of 1 float, "
           "the loss before any step")
    if arr.size != 1:
        err = CheckFailed(
            f"with n_steps = 0, optimise returned {arr.size} losses; expected 1: the loss "
            "before any step", [f"{call} returned "
                                + ("an empty list" if arr.size == 0 else describe(losses)),
                                "the list has n_steps + 1 entries: losses[0] is the loss at "
                                f"the start, objective.loss(params) = {first:.6g}"],
            hint="the loss before the first step is recorded inside the loop (at t == 0), so "
                 "with n_steps = 0 it never is: record it before the loop, losses = "
                 "[objective.loss(params)], then one loss after each step"
            if arr.size == 0 else None, mistake="no-initial-loss" if arr.size == 0 else None)
        raise known(err) if arr.size == 0 else err
    expect(abs(arr[0] - first) <= 1e-12 * abs(first),
           f"with n_steps = 0, optimise returned [{arr[0]:.6g}]; expected [{first:.6g}], the "
           "loss before any step", f"{call}",
           hint="losses[0] is objective.loss(params) at the start, before any step")
    expect(isinstance(params, dict) and np.array_equal(params.get("x"), start["x"]),
           "with n_steps = 0, optimise changed params", f"{call}: no step, so params stay as "
           "they are", hint="the loop runs n_steps times: no step at all when n_steps = 0")


def _check_diverging(optimise, rng):
    """A learning rate of 4 / (largest curvature): SGD's iterate grows 3x per step, so the loss
    overflows to inf near step 320 of 400, while the params stay finite. The text asks for
    n_steps + 1 losses whatever they are: a loop that stops at an inf or a rising loss shows."""
    n = int(rng.integers(3, 8))
    obj = optim.Quadratic({"x": optim.spd(n, 0.1, 1.0, rng)})
    start, lr, n_steps = {"x": rng.normal(size=n)}, 4.0, 400
    with np.errstate(over="ignore", invalid="ignore"):
        # before the student's call: obj is theirs to read (and to spoil) once they have it
        exp = np.asarray(_loop(obj, _copy(start), "sgd", lr, 0.9, n_steps), dtype=float)
        losses = optimise(obj, _copy(start), "sgd", lr, 0.9, n_steps)
    if losses is None:
        raise CheckFailed("optimise returned None", ["return the list of losses"])
    arr = np.asarray(losses, dtype=float) if np.ndim(losses) == 1 else None
    expect(arr is not None, f"optimise should return a list of floats, got {describe(losses)}")
    where = (f"on a run that diverges (sgd, lr = {lr} on curvatures up to 1: the loss grows "
             f"about 9x per step and overflows to inf at step {int(np.argmax(~np.isfinite(exp)))})")
    expect(arr.size == n_steps + 1,
           f"optimise('sgd', n_steps={n_steps}) returned {arr.size} losses {where}, expected "
           f"{n_steps + 1}",
           hint=f"the loop ends after {arr.size - 1} of its {n_steps} steps: a `break` or "
                "`return` on a loss that is not finite, or that went up? The loop runs all "
                "n_steps steps whatever the loss does: a diverging run is a result to see, "
                "not an error" if arr.size < n_steps + 1 else None)
    bad = np.isfinite(arr) != np.isfinite(exp)
    bad |= np.isfinite(exp) & ~np.isclose(arr, exp, rtol=1e-8, atol=0)
    if bad.any():
        i = int(np.argmax(bad))
        raise CheckFailed(f"losses differ from the reference {where}",
                          [f"losses[{i}]: expected {exp[i]:.4g}, got {arr[i]:.4g}"],
                          hint="record each loss as objective.loss(params) returns it, even "
                               "when it is inf: no clipping or replacing")


def _check_method(optimise, obj, start, method, lr, mu_max, n_steps):
    losses = optimise(obj, _copy(start), method, lr, mu_max, n_steps)
    if losses is None:
        raise CheckFailed("optimise returned None", ["return the list of losses"])
    arr = np.asarray(losses, dtype=float) if np.ndim(losses) == 1 else None
    expect(arr is not None, f"optimise should return a list of floats, got {describe(losses)}")
    first = obj.loss(_copy(start))
    expect(arr.size == n_steps + 1,
           f"optimise('{method}', n_steps={n_steps}) returned {arr.size} losses, "
           f"expected {n_steps + 1}",
           hint="your first loss is the one before any step, so one step (or its loss) is "
                "missing: the loop runs n_steps times, t = 0, 1, ..., n_steps - 1, each step "
                "followed by its loss"
                if arr.size == n_steps and abs(arr[0] - first) <= 1e-12 * abs(first) else
                "record the loss before the first step as well as after each step: "
                "n_steps + 1 values" if arr.size == n_steps else
                "two losses per step were recorded: one before the loop, then one after each "
                "step" if arr.size == 2 * n_steps else
                f"only the loss before the first step came back: no step's loss is appended "
                f"when method = '{method}'" + (
                    " (with 'sgd' each one is): is the append inside the 'sgd' branch?"
                    if method != "sgd" else "") if arr.size == 1 else
                f"the loop ends after {arr.size - 1} of its {n_steps} steps: a `break` or "
                "`return` inside it (the loop runs all n_steps steps, whatever the loss does)?"
                if 1 < arr.size < n_steps else None)
    exp = _loop(obj, _copy(start), method, lr, mu_max, n_steps)
    mistakes = [
        Mistake("constant-mu", f"momentum stayed at mu_max = {mu_max}: at step t use "
                "mu = momentum_schedule(t, mu_max)",
                lambda: {"losses": _loop(obj, _copy(start), method, lr, mu_max, n_steps,
                                         mu_of=lambda t, m: m)}),
        Mistake("mu-max-ignored", f"mu went above mu_max = {mu_max} from step 250 on: "
                "the cap is the argument mu_max, so pass it on: "
                "momentum_schedule(t, mu_max), not a number of your own",
                lambda: {"losses": _loop(obj, _copy(start), method, lr, mu_max, n_steps,
                                         mu_of=lambda t, m: optim.momentum_schedule(t, 1.0))}),
        Mistake("schedule-from-1", "the first step is t = 0: call momentum_schedule(t, "
                "mu_max) with t = 0, 1, ..., n_steps - 1",
                lambda: {"losses": _loop(obj, _copy(start), method, lr, mu_max, n_steps,
                                         mu_of=lambda t, m: optim.momentum_schedule(t + 1, m))}),
        Mistake("schedule-once", "mu was 0.5 at every step, the schedule's value at t = 0: "
                "is momentum_schedule evaluated once, before the loop, or called with its "
                "arguments swapped (mu_max, t)? Call momentum_schedule(t, mu_max) inside the "
                "loop, at each step t",
                lambda: {"losses": _loop(obj, _copy(start), method, lr, mu_max, n_steps,
                                         mu_of=lambda t, m: optim.momentum_schedule(0, m))}),
        Mistake("reset-at-stage", "the velocity went back to zero where mu changes (t = 250, "
                "500, ...): the state starts at zeros once, before the loop, and is kept across "
                "the schedule's stages",
                lambda: {"losses": _loop(obj, _copy(start), method, lr, mu_max, n_steps,
                                         reset_every=250)}),
        Mistake("no-momentum", f"'{method}' behaved like plain SGD: its velocity is zero at "
                f"every step (the {method} rule is never called, or gets a fresh state at every "
                "step instead of the one state kept across steps)",
                lambda: {"losses": _loop(obj, _copy(start), "sgd", lr, mu_max, n_steps)}),
        Mistake("nesterov-as-momentum", "'nesterov' behaved like classical momentum: call "
                "nesterov_step(params, objective, state, lr, mu)",
                lambda: {"losses": _loop(obj, _copy(start), "momentum", lr, mu_max,
                                         n_steps)}),
    ]
    compare({"losses": arr}, {"losses": exp}, rtol=1e-8,
            what=f"the reference losses of method '{method}' (lr = {lr:.3f}, "
                 f"mu_max = {mu_max})", mistakes=mistakes)
    if not isinstance(losses, list):
        raise known(CheckFailed(
            f"optimise returned the right losses as {kind(losses)}; the docstring asks for a "
            "list", [f"optimise('{method}', ...) returned {describe(losses)}"],
            hint="return the list itself (losses = [...]; losses.append(...)): no conversion "
                 "to an array or a tuple at the end", mistake="losses-not-list"))


# --- 4.5 training on spirals -----------------------------------------------------------------


def spirals_result(train_mlp_momentum, seed):
    """(training accuracy, full-data loss, per-step losses) after the TRAIN budget."""
    X, y = spirals(100, 3, 0.15, rng=np.random.default_rng(seed))
    out = named("train_mlp_momentum",
                train_mlp_momentum(X, y, [2, 64, 3], np.random.default_rng(seed + 1000), **TRAIN),
                ("params", "losses"))
    params = out["params"]
    expect(isinstance(params, dict) and all(f"W{i}" in params for i in (1, 2)),
           "train_mlp_momentum should return the params dict first",
           f"got {describe(params)}")
    losses = np.asarray(out["losses"], dtype=float)
    return (nn.accuracy(nn.mlp_forward(params, X)[0], y), optim.full_loss(params, X, y), losses)


def _schedule_run(seed, n_steps, mu_of, steps_per_epoch, losses=None):
    """Reference params after momentum training on identical examples: shuffling cannot matter.
    losses: a list to append each step's loss to, before its step (and the loss after the last)."""
    X, y, sizes, lr = _same_examples(seed)
    params = nn.mlp_init(sizes, np.random.default_rng(seed))
    state = optim.zeros_like(params)
    B = len(y) // steps_per_epoch
    for t in range(n_steps + 1):
        scores, caches = nn.mlp_forward(params, X[:B])
        loss, dscores = nn.softmax_cross_entropy(scores, y[:B])
        if losses is not None:
            losses.append(float(loss))
        if t == n_steps:
            break
        grads = nn.mlp_backward(dscores, caches)
        optim.momentum_step(params, grads, state, lr, mu_of(t, steps_per_epoch))
    return params


def _same_examples(seed):
    rng = np.random.default_rng([seed, 45])
    X = np.repeat(rng.normal(size=(1, 2)), 16, axis=0)
    return X, np.full(16, int(rng.integers(3))), [2, 8, 3], 0.02


def _init_params(seed):
    return nn.mlp_init(_same_examples(seed)[2], np.random.default_rng(seed))


def check_schedule_applied(train_mlp_momentum, seed, epochs=70, batch_size=4, mu_max=0.7):
    """The schedule is applied with t counted over all epochs (280 steps: mu changes at 250,
    where the cap mu_max = 0.7 takes over from the formula's 0.75). A batch_size that does not
    divide the 16 examples gives each epoch a short last batch, which is a step too."""
    X, y, sizes, lr = _same_examples(seed)
    K = -(-len(y) // batch_size)
    short = len(y) % batch_size
    out = named("train_mlp_momentum", train_mlp_momentum(
        X.copy(), y.copy(), list(sizes), np.random.default_rng(seed), lr=lr, mu_max=mu_max,
        epochs=epochs, batch_size=batch_size), ("params", "losses"))
    got = {k: out["params"][k] for k in ("W1", "b1", "W2", "b2")} \
        if isinstance(out["params"], dict) else {}
    run = lambda mu_of: _schedule_run(seed, epochs * K, mu_of, K)
    losses: list[float] = []
    exp = _schedule_run(seed, epochs * K, lambda t, k: optim.momentum_schedule(t, mu_max), K,
                        losses)
    compare(got, exp, rtol=1e-4,
            what=f"momentum training with the schedule over {epochs * K} steps ({epochs} epochs "
                 f"of {K} batches" + (f", the last of {short} example{'s' * (short > 1)}"
                                      if short else "") +
                 f"; all {len(y)} examples identical, so the order cannot matter)",
            mistakes=[Mistake("short-batch-not-counted", "the short last batch of each epoch is "
                              "a step too: count it in t (t += 1 after every step, whatever its "
                              "batch size)", lambda: run(lambda t, k: optim.momentum_schedule(
                                  t - t // k, mu_max)))] * bool(short) + [
                Mistake("counter-reset-each-epoch", "the step counter restarts every epoch: t "
                        "counts minibatch steps across epochs, so create it once, before the "
                        "epoch loop", lambda: run(lambda t, k: optim.momentum_schedule(t % k, mu_max))),
                Mistake("mu-max-ignored", f"mu went above mu_max = {mu_max} from step 250 on: "
                        "the cap is the argument mu_max, so pass it on: "
                        "momentum_schedule(t, mu_max), not a number of your own",
                        lambda: run(lambda t, k: optim.momentum_schedule(t, 1.0))),
                Mistake("constant-mu", f"momentum stayed at mu_max = {mu_max}: the schedule is "
                        "not applied; use momentum_schedule(t, mu_max) at step t",
                        lambda: run(lambda t, k: mu_max)),
                Mistake("no-update", "the parameters never changed: apply each step with "
                        "momentum_step(params, grads, state, lr, mu)", lambda: _init_params(seed)),
                Mistake("state-reset", "this is plain SGD: the velocity is lost between steps; "
                        "is the velocity state created once, before the loop, and kept?",
                        lambda: run(lambda t, k: 0.0)),
                Mistake("schedule-per-epoch", "the schedule was called with the epoch number: "
                        "t counts minibatch steps",
                        lambda: run(lambda t, k: optim.momentum_schedule(t // k, mu_max))),
            ])
    loops.check_losses_before_steps(out["losses"], losses[:epochs * K + 1], "momentum",
                                    "momentum_step", 1e-4)


def check_train(train_mlp_momentum, *, seed):
    Xp, yp = spirals(16, 3, 0.15, rng=np.random.default_rng([seed, 44]))
    loops.check_epochs("train_mlp_momentum", train_mlp_momentum, Xp, yp, [2, 16, 3], seed)
    loops.check_shuffle_follows_rng("train_mlp_momentum", train_mlp_momentum, seed)
    check_schedule_applied(train_mlp_momentum, seed)
    check_schedule_applied(train_mlp_momentum, seed, batch_size=5)     # 5, 5, 5, 1
    acc, loss, losses = spirals_result(train_mlp_momentum, seed)
    n_batches = TRAIN["epochs"] * math.ceil(300 / TRAIN["batch_size"])
    expect(losses.ndim == 1 and losses.size == n_batches,
           "losses should hold one loss per minibatch step",
           f"expected {n_batches} ({TRAIN['epochs']} epochs of {math.ceil(300 / 32)} batches), "
           f"got shape {losses.shape}")
    expect(bool(np.all(np.isfinite(losses))) and np.isfinite(loss),
           "the loss became nan or inf: the steps diverged",
           hint="is the update p <- p + v with v <- mu * v - lr * g?")
    k = max(1, losses.size // 10)
    first, last = losses[:k].mean(), losses[-k:].mean()
    ok = acc >= MIN_ACCURACY and loss <= MAX_LOSS
    if last > first:
        hint = "the loss grew: the update should go downhill"
    elif last > 0.9 * first:
        hint = "the loss hardly moved: are the parameters updated with fresh gradients each step?"
    else:
        hint = ("the loss fell, but too slowly: is the velocity state created once, before "
                "the loop, and does t count steps over all epochs?")
    expect(ok, f"after {TRAIN['epochs']} epochs the training accuracy is {acc:.3f} and the "
           f"loss {loss:.3f}; expected accuracy >= {MIN_ACCURACY} and loss <= {MAX_LOSS}",
           f"mean minibatch loss over the first 10% of steps {first:.3f}, over the last "
           f"10% {last:.3f}; lr = {TRAIN['lr']}, mu_max = {TRAIN['mu_max']}", hint=hint)


RULES = {n: f"course.reference.optim:{n}" for n in ("sgd_step", "momentum_step", "nesterov_step",
                                         "momentum_schedule", "zeros_like")}
NN = {n: f"course.reference.nn:{n}" for n in ("mlp_init", "mlp_forward", "mlp_backward",
                                    "softmax_cross_entropy")}

MODULE = Module("04_optim", "Optimisation", (
    Task("4.1", "momentum_step", 3, ("momentum_step",), check_momentum, help=(
        "compare params and state after the first step with the formula, by hand",
        "the velocity is updated first and the parameters move by the new velocity",
        "for each key: state[k] = mu * state[k] - lr * grads[k]; then params[k] += state[k]")),
    Task("4.2", "nesterov_step", 3, ("nesterov_step",), check_nesterov, help=(
        "the only difference from momentum is where the gradient is evaluated",
        "build a dict ahead = {k: params[k] + mu * state[k]} and call objective.grad(ahead)",
        "then, as for momentum: v <- mu * v - lr * g; p <- p + v")),
    Task("4.3", "momentum_schedule", 2, ("momentum_schedule",), check_schedule, help=(
        "mu is 0.5 for t < 250, 0.75 for 250 <= t < 500, then 5/6, 7/8, ...",
        "min(1 - 2 ** (-1 - np.log2(np.floor(t / 250) + 1)), mu_max)")),
    Task("4.4", "optimise", 2, ("optimise",), check_optimise, isolate=RULES, help=(
        "losses[0] is the loss at the start; losses[t + 1] the loss after step t",
        "step t uses mu = momentum_schedule(t, mu_max); nesterov_step takes the objective, "
        "the others objective.grad(params)")),
    Task("4.5", "train_mlp_momentum", 3, ("train_mlp_momentum",), check_train,
         isolate={**RULES, **NN}, help=(
             "start from module 02's train_mlp and replace the SGD step",
             "create state = zeros_like(params) once; count t over all minibatch steps",
             "momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))")),
))
