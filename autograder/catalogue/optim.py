"""Mistakes students make in module 04, each an edit of solutions/04_optim/04_optim.py,
and VARIANTS: correct but different implementations that must pass every task."""

from autograder.catalogue import Scenario, as_variants, named
from autograder.catalogue.design3_optim import SCENARIOS as DESIGN3
from autograder.catalogue.design3_optim import VARIANTS as VARIANTS3
from autograder.catalogue.heldout2_optim import SCENARIOS as HELD_OUT2
from autograder.catalogue.heldout3_optim import SCENARIOS as HELD_OUT3
from autograder.catalogue.heldout4_optim import SCENARIOS as HELD_OUT4
from autograder.catalogue.heldout4_optim import VARIANTS as VARIANTS4
from autograder.catalogue.heldout5_optim import SCENARIOS as HELD_OUT5
from autograder.catalogue.heldout5_optim import VARIANTS as VARIANTS5
from autograder.catalogue.heldout6_optim import SCENARIOS as HELD_OUT6
from autograder.catalogue.heldout6_optim import VARIANTS as VARIANTS6
from autograder.catalogue.heldout7_optim import SCENARIOS as HELD_OUT7
from autograder.catalogue.heldout7_optim import VARIANTS as VARIANTS7
from autograder.catalogue.heldout8_optim import SCENARIOS as HELD_OUT8
from autograder.catalogue.heldout8_optim import VARIANTS as VARIANTS8
from autograder.catalogue.heldout9_optim import SCENARIOS as HELD_OUT9
from autograder.catalogue.heldout9_optim import VARIANTS as VARIANTS9
from autograder.catalogue.heldout10_optim import SCENARIOS as HELD_OUT10
from autograder.catalogue.heldout10_optim import VARIANTS as VARIANTS10
from autograder.catalogue.heldout11_optim import SCENARIOS as HELD_OUT11
from autograder.catalogue.heldout11_optim import VARIANTS as VARIANTS11
from autograder.catalogue.heldout12_optim import SCENARIOS as HELD_OUT12
from autograder.catalogue.heldout12_optim import VARIANTS as VARIANTS12
from autograder.catalogue.heldout13_optim import SCENARIOS as HELD_OUT13
from autograder.catalogue.heldout13_optim import VARIANTS as VARIANTS13
from autograder.catalogue.heldout14_optim import SCENARIOS as HELD_OUT14
from autograder.catalogue.heldout14_optim import VARIANTS as VARIANTS14
from autograder.catalogue.heldout15_optim import SCENARIOS as HELD_OUT15
from autograder.catalogue.heldout15_optim import VARIANTS as VARIANTS15
from autograder.catalogue.heldout16_optim import SCENARIOS as HELD_OUT16
from autograder.catalogue.heldout16_optim import VARIANTS as VARIANTS16
from autograder.catalogue.heldout17_optim import SCENARIOS as HELD_OUT17
from autograder.catalogue.heldout17_optim import VARIANTS as VARIANTS17
from autograder.catalogue.heldout18_optim import SCENARIOS as HELD_OUT18
from autograder.catalogue.heldout18_optim import VARIANTS as VARIANTS18
from autograder.catalogue.heldout19_optim import SCENARIOS as HELD_OUT19
from autograder.catalogue.heldout19_optim import VARIANTS as VARIANTS19
from autograder.catalogue.heldout20_optim import SCENARIOS as HELD_OUT20
from autograder.catalogue.heldout20_optim import VARIANTS as VARIANTS20
from autograder.catalogue.heldout21_optim import SCENARIOS as HELD_OUT21
from autograder.catalogue.heldout21_optim import VARIANTS as VARIANTS21
from autograder.catalogue.heldout22_optim import SCENARIOS as HELD_OUT22
from autograder.catalogue.heldout22_optim import VARIANTS as VARIANTS22
from autograder.catalogue.heldout23_optim import SCENARIOS as HELD_OUT23
from autograder.catalogue.heldout23_optim import VARIANTS as VARIANTS23
from autograder.catalogue.heldout_optim import SCENARIOS as HELD_OUT

MOMENTUM = ("        state[k] *= mu\n        state[k] -= lr * grads[k]\n"
            "        params[k] += state[k]\n")
SCHEDULE = "mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), mu_max)"
NESTEROV = ("    ahead = {k: params[k] + mu * state[k] for k in params}\n"
            "    g = objective.grad(ahead)\n")
TRAIN_STEP = "            scores, caches = mlp_forward(params, X[idx])\n"

SCENARIOS = [
    Scenario("momentum-gradient-sign-flipped", "4.1",
             {"state[k] -= lr * grads[k]": "state[k] += lr * grads[k]"}, "goes uphill"),
    Scenario("momentum-applied-before-gradient", "4.1",
             {MOMENTUM: "        params[k] += state[k]\n        state[k] *= mu\n"
                        "        state[k] -= lr * grads[k]\n"}, "moved by the old velocity"),
    Scenario("momentum-learning-rate-twice", "4.1",
             {MOMENTUM: MOMENTUM.replace("params[k] += state[k]", "params[k] += lr * state[k]")},
             "learning rate is applied twice"),
    Scenario("momentum-state-not-stored", "4.1",
             {MOMENTUM: "        v = mu * state[k] - lr * grads[k]\n        params[k] += v\n"},
             "state was not updated"),
    Scenario("momentum-dampening", "4.1",
             {"state[k] -= lr * grads[k]": "state[k] -= (1 - mu) * lr * grads[k]"},
             "no (1 - mu) factor"),
    Scenario("momentum-grads-scaled-in-place", "4.1",
             {"state[k] -= lr * grads[k]": "grads[k] *= lr\n        state[k] -= grads[k]"},
             "grads[k] *= lr changes the caller's gradients"),
    Scenario("momentum-returns-new-dicts", "4.1",
             {MOMENTUM: "        pass\n    new_state = {k: mu * state[k] - lr * grads[k] for k in params}\n"
                        "    return {k: params[k] + new_state[k] for k in params}, new_state\n"},
             "update params and state in place"),
    Scenario("momentum-rebinds-local-dicts", "4.1",
             {MOMENTUM: "        pass\n    state = {k: mu * state[k] - lr * grads[k] for k in params}\n"
                        "    params = {k: params[k] + state[k] for k in params}\n"},
             "does not change the caller's dict"),
    Scenario("nesterov-gradient-at-params", "4.2",
             {"g = objective.grad(ahead)": "g = objective.grad(params)"},
             "must be taken at the look-ahead point"),
    Scenario("nesterov-look-behind", "4.2",
             {"params[k] + mu * state[k] for k in params": "params[k] - mu * state[k] for k in params"},
             "not params - mu * v"),
    Scenario("schedule-no-floor", "4.3", {"np.floor(t / 250)": "(t / 250)"},
             "floor(t / 250) is missing"),
    Scenario("schedule-natural-log", "4.3", {"np.log2(": "np.log("}, "log base 2"),
    Scenario("schedule-no-cap", "4.3",
             {SCHEDULE: "mu = 1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1))"},
             "must never exceed mu_max"),
    Scenario("optimise-constant-mu", "4.4",
             {"        mu = momentum_schedule(t, mu_max)\n": "        mu = mu_max\n"},
             "momentum stayed at mu_max"),
    Scenario("optimise-no-initial-loss", "4.4",
             {"losses = [objective.loss(params)]": "losses = []"},
             "before the first step"),
    Scenario("train-state-reset-every-step", "4.5",
             {TRAIN_STEP: "            state = zeros_like(params)\n" + TRAIN_STEP},
             "is the velocity state created once"),
]

VARIANTS = [
    Scenario("momentum-out-of-place", "",
             {MOMENTUM: "        v = mu * state[k] - lr * grads[k]\n        state[k] = v\n"
                        "        params[k] = params[k] + v\n"}),
    Scenario("momentum-loop-over-grads", "",
             {"    for k in params:\n        state[k] *= mu":
              "    for k, g in grads.items():\n        state[k] *= mu",
              "state[k] -= lr * grads[k]": "state[k] -= lr * g"}),
    Scenario("nesterov-look-ahead-in-place-and-restore", "",
             {NESTEROV: "    for k in params:\n        params[k] += mu * state[k]\n"
                        "    g = objective.grad(params)\n"
                        "    for k in params:\n        params[k] -= mu * state[k]\n"}),
    Scenario("schedule-closed-form", "",
             {SCHEDULE: "mu = min(1 - 0.5 / (t // 250 + 1), mu_max)"}),
    Scenario("schedule-math-module", "",
             {SCHEDULE: "import math\n    mu = min(1 - 2 ** (-1 - math.log2(math.floor(t / 250) "
                        "+ 1)), mu_max)"}),
    Scenario("optimise-dict-dispatch", "",
             {"        if method == \"nesterov\":\n": "        rules = {\"sgd\": sgd_step, "
              "\"momentum\": momentum_step}\n        if method == \"nesterov\":\n",
              "        elif method == \"momentum\":\n"
              "            momentum_step(params, objective.grad(params), state, lr, mu)\n"
              "        else:\n            sgd_step(params, objective.grad(params), state, lr, mu)\n":
              "        else:\n            rules[method](params, objective.grad(params), state, lr, mu)\n"}),
    Scenario("train-rng-choice-shuffle", "",
             {"order = rng.permutation(n)": "order = rng.choice(n, size=n, replace=False)"}),
    Scenario("train-float32-params", "",
             {"    state = zeros_like(params)\n    n = X.shape[0]":
              "    params = {k: v.astype(np.float32) for k, v in params.items()}\n"
              "    state = zeros_like(params)\n    n = X.shape[0]"}),
]

# New mistakes (issue 14), the half the diagnosers were designed on.
SCENARIOS += [
    Scenario('train-momentum-no-shuffle', '4.5', {
        '        order = rng.permutation(n)\n        for start':
            '        order = np.arange(n)\n        for start',
    }, 'shuffle'),
    Scenario('optimise-schedule-from-step-1', '4.4', {
        '        mu = momentum_schedule(t, mu_max)':
            '        mu = momentum_schedule(t + 1, mu_max)',
    }, 'the first step is t = 0'),
    Scenario('schedule-period-25', '4.3', {
        'np.floor(t / 250)':
            'np.floor(t / 25)',
    }, 'changes every 25 steps'),
    Scenario('schedule-cap-with-max', '4.3', {
        'mu = min(1.0 - 2.0':
            'mu = max(1.0 - 2.0',
    }, 'mu_max'),
    Scenario('train-momentum-counter-reset-each-epoch', '4.5', {
        '    t = 0\n    for _ in range(epochs):\n'
        '        order = rng.permutation(n)':
            '    for _ in range(epochs):\n        t = 0\n'
            '        order = rng.permutation(n)',
    }, 'across epochs'),
]

# New correct variants (issue 14).
VARIANTS += [
    Scenario('schedule-integer-division', '', {
        'np.floor(t / 250)':
            '(t // 250)',
    }),
    Scenario('momentum-velocity-one-expression', '', {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]\n'
        '        params[k] += state[k]':
            '        state[k][...] = mu * state[k] - lr * grads[k]\n'
            '        params[k] += state[k]',
    }),
]

# The held-out half of the new mistakes (issue 14), measured before it was merged here.
SCENARIOS += HELD_OUT

# Issue 14, second batch: the design half (the held-out half is in heldout2_optim.py).
SCENARIOS += [
    Scenario('momentum-decay-1-minus-mu', '4.1', {
        'state[k] *= mu':
            'state[k] *= 1 - mu',
    }, 'mu used as 1 - mu'),
    Scenario('nesterov-step-with-old-velocity', '4.2', {
        '        state[k] = mu * state[k] - lr * g[k]\n        params[k] += state[k]':
            '        params[k] += state[k]\n        state[k] = mu * state[k] - lr * g[k]',
    }, 'params moved by the old velocity'),
    Scenario('schedule-hardcoded-cap', '4.3', {
        'np.floor(t / 250) + 1)), mu_max)':
            'np.floor(t / 250) + 1)), 0.99)',
    }, 'except where the cap mu_max applies'),
    Scenario('schedule-ceil', '4.3', {
        'np.floor(t / 250)':
            'np.ceil(t / 250)',
    }, 'not ceil'),
]

VARIANTS += [
    Scenario('momentum-rebinds-state-entry', "", {
        '        state[k] *= mu\n        state[k] -= lr * grads[k]':
            '        state[k] = mu * state[k] - lr * grads[k]',
    }),
]

# The second held-out half (issue 14), measured before it was merged: those whose
# feedback now names the cause.
SCENARIOS += [s for s in HELD_OUT2 if s.hint]

# Third batch (issue 14, third session): written blind by another author, half measured as
# held out (heldout3_*.py) after the design half (design3_*.py). The mistakes whose feedback
# names the cause are merged with the phrase it shows; no notebook forbids a function to
# change an argument in place, so those edits are correct variants.
HINTS3 = {
    'momentum-mu-scales-gradient-too':
        'mu multiplies the old velocity only: v <- mu * v - lr * g, not mu * (v',
    'optimise-works-on-a-copy':
        'change the entries of `params` itself (e.g. `p[k] -= ...` or `p[k] = .',
    'optimise-method-name-capitalised':
        "'nesterov' behaved like plain SGD: its velocity is zero at every step",
    'schedule-bucket-off-by-one':
        'with `np.floor(t / 250)` written as `np.floor((t + 1) / 250)`',
    'optimise-if-instead-of-elif':
        "with the `elif` after `if method == 'nesterov'` written as a new `if`",
    'momentum-velocity-accumulates-raw-gradient':
        'this is the form v <- mu * v + g, p <- p - lr * v',
    'train-momentum-calls-sgd-step':
        'this is plain SGD: the velocity is lost between steps',
    'train-momentum-schedule-by-epoch':
        'the step counter restarts every epoch: t counts minibatch steps across',
    'nesterov-lookahead-without-mu':
        'look ahead by mu * v, not by the whole velocity v',
}
IN_PLACE3: set[str] = set()
SCENARIOS += named(DESIGN3 + HELD_OUT3, HINTS3)
VARIANTS += as_variants(VARIANTS3) + as_variants(DESIGN3 + HELD_OUT3, IN_PLACE3)

# Fourth batch: written blind, held out whole, measured once, merged like the third.
HINTS4 = {
    'momentum-param-step-scaled-by-mu':
        'with `params[k] += state[k]` multiplied by `mu`',
    'nesterov-velocity-not-decayed':
        'with `mu * state[k] - lr * g[k]` written as `state[k] - lr * g[k]`',
    'schedule-rounds-not-floors':
        'use floor(t / 250), not round: mu changes at t = 250, 500, ...',
    'optimise-records-loss-once-after-loop':
        'with `losses.append(objective.loss(params))` done once after the loop',
    'train-momentum-batch-start-not-multiplied':
        'keep the last, short batch: range(0, n, batch_size), or some examples ',
}
SCENARIOS += named(HELD_OUT4, HINTS4)
VARIANTS += as_variants(VARIANTS4)

# Fifth batch: the same, measured once with the final diagnoser.
HINTS5 = {
    'momentum-velocity-reassigned-not-updated':
        'ignoring the argument `mu` (as if it were all zeros)',
    'schedule-exponent-plus-one':
        'with `-1.0 - np.log2(np.floor(t / 250) + 1)` written as `1.0 - np.log2',
    'train-momentum-schedule-by-batch-offset':
        'the step counter restarts every epoch: t counts minibatch steps across',
    'train-momentum-state-and-grads-swapped':
        '`grads` and `state` passed in the wrong order',
}
SCENARIOS += named(HELD_OUT5, HINTS5)
VARIANTS += as_variants(VARIANTS5)

# Sixth batch (issue 14, fourth session): written blind, measured once; the mistakes
# whose feedback names the cause, with the phrase it shows (after the design that
# followed the measurement).
HINTS6 = {
    'momentum-returns-after-first-key':
        'with `return` inside the loop `for k in params:`',
    'momentum-velocity-without-lr':
        'with `lr * grads[k]` written as `grads[k]`',
    'schedule-exponent-product':
        'with `-` written as `*` in',
    'optimise-gradient-computed-once':
        'with `objective.grad(params)` computed once, before the loop',
    'optimise-one-step-too-many':
        'with `range(n_steps)` written as `range(n_steps + 1)`',
    'train-momentum-shuffles-once':
        'with `rng.permutation(n)` computed once, before the loop',
    'train-momentum-inputs-not-shuffled-with-labels':
        'with `X[idx]` written as `X[start:start + batch_size]`',
    'train-momentum-global-numpy-shuffle':
        'shuffle with the rng you are given',
}
SCENARIOS += named(HELD_OUT6, HINTS6)
VARIANTS += as_variants(VARIANTS6)

# Seventh batch (issue 14, fourth session): written blind, measured once; the mistakes
# whose feedback names the cause, with the phrase it shows (after the design that
# followed the measurement).
HINTS7 = {
    'momentum-lr-and-mu-roles-swapped':
        'with lr and mu swapped',
    'optimise-nesterov-at-mu-max':
        'momentum stayed at mu_max',
    'optimise-momentum-lr-mu-positions-swapped':
        'with `momentum_step(params, objective.grad(params), state, lr, mu)` written as',
    'train-momentum-reshuffles-every-batch':
        'with `order = rng.permutation(n)` redone at every step of the loop',
}
SCENARIOS += named(HELD_OUT7, HINTS7)
VARIANTS += as_variants(VARIANTS7)

# Eighth batch (issue 14, fourth session): written blind, measured once; the mistakes
# whose feedback names the cause, with the phrase it shows (after the design that
# followed the measurement).
HINTS8 = {
    'momentum-param-update-on-local-name':
        'leaves its argument `params` unchanged, which the correct code',
    'momentum-decay-line-left-out':
        'with mu left out',
    'nesterov-velocity-gradient-without-lr':
        'with `mu * state[k] - lr * g[k]` written as `mu * state[k] - g[k]`',
    'nesterov-velocity-not-written-back':
        'state was not updated',
    'schedule-one-minus-left-out':
        'with `1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1))` written as `2.0 **',
    'schedule-log-term-added-in-exponent':
        'with `2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1))` written as `2.0 ** (-1.0 + np.log2',
    'optimise-returns-inside-loop':
        'with `return losses` inside the loop',
    'train-momentum-velocity-reset-each-epoch':
        'with `state = zeros_like(params)` redone at every step of the loop',
}
SCENARIOS += named(HELD_OUT8, HINTS8)
VARIANTS += as_variants(VARIANTS8)

# Batch 6: named since the fifth session by the line where the function goes wrong
# (autograder/locate.py), designed on after its measurement.
LOCATED6 = {
    'nesterov-moves-from-lookahead-point':
        'never computes is `ahead[k] + state[k]',
}
SCENARIOS += named(HELD_OUT6, LOCATED6)

# Batch 7: named since the fifth session by the line where the function goes wrong
# (autograder/locate.py), designed on after its measurement.
LOCATED7 = {
    'momentum-velocity-kept-but-sgd-applied':
        'never computes is `params[k]',
    'nesterov-lookahead-includes-gradient-step':
        'never computes is `objective.grad(params)',
    'schedule-scaled-by-mu-max':
        'never computes is `mu_max * (1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1',
    'schedule-bucket-by-modulo':
        'never computes is `-1.0 - np.log2(t % 250 + 1)',
}
SCENARIOS += named(HELD_OUT7, LOCATED7)

# Ninth batch (issue 14, fifth session): written blind, measured once; the mistakes whose
# feedback names the cause, with the phrase it shows.
HINTS9 = {
    'momentum-decay-written-as-assignment':
        'with `state[k] *= ...` written as `state[k] = ...`: `state[k',
    'momentum-param-update-after-loop':
        'with `params[k] += state[k]` done once after the loop: it be',
    'nesterov-velocity-decays-lookahead-point':
        'with `mu * state[k]` written as `mu * ahead[k]`: `ahead` is',
    'schedule-closed-form-precedence':
        'never computes is `1.0 / (2 * t // 250 + 2)',
    'schedule-cap-applied-inside-log':
        'never computes is `np.log2(min(np.floor(t / 250) + 1, mu_max))',
    'train-momentum-reinitialises-each-epoch':
        'never computes is `mlp_init(sizes, rng)',
    'train-momentum-backward-from-scores':
        'with `mlp_backward(dscores, caches)` written as `mlp_backwar',
}
SCENARIOS += named(HELD_OUT9, HINTS9)
VARIANTS += as_variants(VARIANTS9)

# Tenth batch (issue 14, fifth session): written blind, measured once after the second
# design round; the mistakes whose feedback names the cause, with the phrase it shows.
HINTS10 = {
    'momentum-decay-sign-flipped':
        'with `mu` written as `-mu`: a sign: `-mu` where `mu` belongs',
    'momentum-lr-scales-decayed-velocity-too':
        'with `state[k] *= mu` multiplied by `lr`: an extra factor `l',
    'nesterov-position-moved-by-gradient-only':
        'never computes is `params[k]',
    'schedule-log-of-bucket-plus-two':
        'with `np.floor(t / 250) + 1` written as `np.floor(t / 250) +',
    'optimise-schedule-arguments-swapped':
        'or called with its arguments swapped (mu_max, t)?',
    'train-momentum-counter-counts-examples':
        'with `t += 1` multiplied by `batch_size`: an extra factor `b',
    'train-momentum-batches-sampled-with-replacement':
        'never computes is `rng.integers(0, n, size=n)',
}
SCENARIOS += named(HELD_OUT10, HINTS10)
VARIANTS += as_variants(VARIANTS10)

# Eleventh batch (issue 14, fifth session): written blind, measured once on the tree batch
# 10 was measured on (a confirmation); the mistakes whose feedback names the cause.
HINTS11 = {
    'momentum-velocity-decays-params':
        'with `mu * state[k]` written as `mu * params[k]`: `params` i',
    'momentum-params-assigned-velocity':
        'with `params[k] += ...` written as `params[k] = ...`: `param',
    'nesterov-gradient-added-to-velocity':
        'the step goes uphill: v <- mu * v - lr * grad(...)',
    'nesterov-mu-multiplies-whole-velocity-update':
        'with `mu * state[k] - lr * g[k]` written as `mu * (state[k]',
    'schedule-floor-taken-of-log':
        'never computes is `t / 250 + 1',
    'schedule-natural-exponential':
        'never computes is `np.exp(-1.0 - np.log2(np.floor(t / 250) + 1))',
    'optimise-loss-recorded-before-step-after-initial':
        "with `if method == 'nesterov':` and `losses.append(objective",
    'train-momentum-step-once-per-epoch':
        'with `momentum_step(params, grads, state, lr, momentu...` do',
}
SCENARIOS += named(HELD_OUT11, HINTS11)
VARIANTS += as_variants(VARIANTS11)

# Batches 10 and 11 again: the mistakes whose feedback names the cause only after the
# sixth session's design round, which was designed on them (so no part of a measure).
DESIGNED10 = {
    'nesterov-velocity-decayed-before-lookahead-and-again':
        '`state[k] *= mu`: every value it stores into `state`',
    'schedule-log-of-bucket-start-step':
        'np.log2(t - t % 250 + 1)), mu_max)` (the value it gives `mu`',
    'optimise-momentum-fresh-velocity-each-step':
        'or gets a fresh state at every step',
}
SCENARIOS += named(HELD_OUT10, DESIGNED10)
DESIGNED11 = {
    'optimise-loss-recorded-in-sgd-branch-only':
        "is the append inside the 'sgd' branch?",
    'train-momentum-shuffle-from-fixed-seed':
        'a new generator with a fixed seed made at each epoch',
}
SCENARIOS += named(HELD_OUT11, DESIGNED11)

# Twelfth batch (issue 14, sixth session): written blind, measured once after the sixth
# session's first design round; the mistakes whose feedback named the cause then.
HINTS12 = {
    'momentum-gradient-scaled-by-terminal-speed':
        'goes wrong in line 11: `state[k] -= lr / (1 - mu) * grads[k]` ',
    'nesterov-lookahead-undone-with-new-velocity':
        'goes wrong in line 14: `params[k] -= mu * state[k]` (its first',
    'nesterov-params-assigned-velocity':
        'with `params[k] += ...` written as `params[k] = ...`: `params[',
    'schedule-log-left-out':
        'goes wrong in line 4: `mu = min(1.0 - 2.0 ** (-1.0 - np.floor(',
    'train-momentum-batch-slice-one-short':
        'with `order[start:start + batch_size]` written as `order[start',
}
SCENARIOS += named(HELD_OUT12, HINTS12)
VARIANTS += as_variants(VARIANTS12)
# ... and those named only after the second design round, which was designed on them.
DESIGNED12 = {
    'optimise-stops-when-loss-rises':
        'the loop ends after 2 of its 520 steps: a `break` or `return` ',
}
SCENARIOS += named(HELD_OUT12, DESIGNED12)
# ... and those named only after the seventh session's design round, also designed on them.
DESIGNED12B = {
    'momentum-decay-applied-after-step':
        'but your code has `state[k] *= mu`: not where it takes effect',
    'schedule-half-base-exponent-sign-kept':
        '`mu = min(1.0 - 0.5 ** (-1.0 - np.log2(',
}
SCENARIOS += named(HELD_OUT12, DESIGNED12B)

# Thirteenth batch (issue 14, seventh session): written blind, measured once after the seventh
# session's first design round; the mistakes whose feedback named the cause then.
HINTS13 = {
    'momentum-velocity-as-gradient-average':
        'your momentum_step goes wrong in line 10: `state[k] = mu * state',
    'optimise-preallocated-losses-index-off-by-one':
        'losses is shifted by one entry: your entry k holds the expected ',
    'optimise-losses-relative-to-start':
        'losses equals the expected value times 0.3592 in every entry: a ',
    'train-momentum-one-epoch-short':
        'your train_mlp_momentum behaves like the correct code with `rang',
    'train-momentum-inputs-permuted-twice':
        'each epoch: one permutation of all n examples, cut into consecut',
}
SCENARIOS += named(HELD_OUT13, HINTS13)
VARIANTS += as_variants(VARIANTS13)
# ... and those named only after the second design round, which was designed on them.
DESIGNED13 = {
    'momentum-velocity-stored-with-opposite-sign':
        'your state holds minus the velocity (v <- mu * v + lr * g, p <- ',
    'nesterov-params-rebound-to-new-dict':
        'your nesterov_step leaves its argument `params` unchanged, which',
    'optimise-momentum-test-or-string':
        'your optimise has a condition that is always true, in line 14: `',
    'train-momentum-learning-rate-hard-coded':
        'your train_mlp_momentum behaves like the correct code ignoring t',
}
SCENARIOS += named(HELD_OUT13, DESIGNED13)

# Fourteenth batch (issue 14, seventh session): written blind, measured once after the seventh
# session's second design round; the mistakes whose feedback named the cause then.
HINTS14 = {
    'momentum-velocity-plus-equals-full-update':
        'your momentum_step goes wrong in line 10: `state[k] += mu * stat',
    'momentum-velocity-keeps-only-gradient-step':
        'your momentum_step goes wrong in line 11: `state[k] = -lr * grad',
    'nesterov-position-moved-by-decayed-velocity':
        'your nesterov_step behaves like the correct code with `params[k]',
    'nesterov-velocity-added-to-gradient-not-to-point':
        'your nesterov_step goes wrong in line 9: `g = objective.grad(par',
    'schedule-closed-form-half-times-bucket':
        'your momentum_schedule goes wrong in line 4: `mu = min(1.0 - 1.0',
    'schedule-power-typed-as-product':
        'your momentum_schedule behaves like the correct code with `1.0 -',
    'optimise-records-log-loss':
        'your optimise goes wrong in line 9: `losses = [np.log(objective.',
    'train-momentum-batch-slice-end-not-offset':
        'your train_mlp_momentum behaves like the correct code with `orde',
    'train-momentum-inputs-and-labels-shuffled-separately':
        'each epoch: one permutation of all n examples, cut into consecut',
}
SCENARIOS += named(HELD_OUT14, HINTS14)
VARIANTS += as_variants(VARIANTS14)
# ... and those named only after the third design round, which was designed on them.
DESIGNED14 = {
    'optimise-initial-loss-prepended-after-loop':
        'losses holds right values in the wrong place (your entry 0 is th',
}
SCENARIOS += named(HELD_OUT14, DESIGNED14)

# Fifteenth batch (issue 14, seventh session): written blind, measured once after the seventh
# session's third design round; the mistakes whose feedback named the cause then.
HINTS15 = {
    'momentum-velocity-reads-params-not-grads':
        'your momentum_step behaves like the correct code with `lr * grad',
    'nesterov-lookahead-mu-scales-params-too':
        'your nesterov_step goes wrong in line 9: `ahead = {k: mu * (para',
    'nesterov-velocity-plus-equals':
        'your nesterov_step goes wrong in line 12: `state[k] += mu * stat',
    'schedule-log-base-ten':
        'the formula uses the log base 2 (np.log2), not log10',
    'schedule-no-momentum-in-first-bucket':
        'mu is right everywhere except where the formula is below mu_max;',
    'optimise-nesterov-params-and-state-swapped':
        'your optimise behaves like the correct code with `nesterov_step(',
    'optimise-momentum-gradient-at-lookahead':
        'your optimise behaves like the correct code with the `method == ',
    'train-momentum-labels-sliced-unshuffled':
        'your train_mlp_momentum behaves like the correct code with `y[id',
}
SCENARIOS += named(HELD_OUT15, HINTS15)
VARIANTS += as_variants(VARIANTS15)
# ... and those named only after the fourth design round, which was designed on them.
DESIGNED15 = {
}
SCENARIOS += named(HELD_OUT15, DESIGNED15)

# Sixteenth batch (issue 14, eighth session): written blind, measured once after the eighth
# session's first design round; the mistakes whose feedback named the cause then.
HINTS16 = {
    'momentum-decay-added-to-velocity':
        'your momentum_step behaves like the correct code with `*` writte',
    'momentum-position-sum-not-assigned':
        'your momentum_step leaves its argument `params` unchanged, which',
    'nesterov-momentum-step-on-lookahead-copy':
        'your nesterov_step passes this check with one change (line 11): ',
    'nesterov-velocity-pulled-by-lookahead-point':
        'your nesterov_step passes this check with one change (line 12): ',
    'schedule-complement-capped-with-mu-max':
        'your momentum_schedule goes wrong in line 4: `mu = 1.0 - max(2.0',
    'optimise-losses-restarted-inside-loop':
        'your optimise passes this check with one change (line 9): `losse',
    'optimise-sgd-lr-and-mu-positions-swapped':
        'your optimise passes this check with one change (line 17): `sgd_',
    'train-momentum-schedule-capped-at-lr':
        'your train_mlp_momentum passes this check with one change (line ',
    'train-momentum-loss-divided-by-batch':
        'your train_mlp_momentum passes this check with one change (line ',
}
SCENARIOS += named(HELD_OUT16, HINTS16)
VARIANTS += as_variants(VARIANTS16)
# ... and those named only after the eighth session's last design round, designed on them.
DESIGNED16 = {
    'optimise-momentum-params-and-grads-swapped':
        'your optimise passes this check with one change (line 15): `mome',
}
SCENARIOS += named(HELD_OUT16, DESIGNED16)

# Seventeenth batch (issue 14, eighth session): written blind, measured once after the eighth
# session's second design round; the mistakes whose feedback named the cause then.
HINTS17 = {
    'momentum-gradient-added-again-to-step':
        'your momentum_step passes this check with one change (line 12): ',
    'momentum-coefficient-typed-as-constant':
        'your momentum_step passes this check with one change (line 10): ',
    'nesterov-lookahead-point-without-params':
        'your nesterov_step behaves like the correct code with `{k: param',
    'schedule-stage-loop-lags-one-bucket':
        'your momentum_schedule passes this check with one change (line 5',
    'schedule-simplified-to-one-over-k-plus-2':
        'your momentum_schedule goes wrong in line 4: `mu = min(1.0 - 1.0',
    'optimise-loss-recorded-before-and-after-each-step':
        'your optimise passes this check with one change (line 11): witho',
    'optimise-nesterov-given-gradient-dict':
        'your optimise raises it in line 13: `nesterov_step(params, objec',
    'train-momentum-loss-and-gradient-unpacked-swapped':
        'your train_mlp_momentum passes this check with one change (line ',
    'train-momentum-array-split-into-batch-size-pieces':
        'each epoch made 8 steps, the batch size: cut it into pieces of b',
}
SCENARIOS += named(HELD_OUT17, HINTS17)
VARIANTS += as_variants(VARIANTS17)
# ... and those named only after the eighth session's last design round, designed on them.
DESIGNED17 = {
    'nesterov-velocity-set-to-lookahead-point':
        "state['u'] equals the expected params['u']: it is computed as params['u'] should be",
}
SCENARIOS += named(HELD_OUT17, DESIGNED17)

# Mistakes of earlier batches named only once the eighth session's fix search existed.
DESIGNED13_FIX = {
    'schedule-bucket-by-while-loop':
        'your momentum_schedule passes this check with one change (line 5)',
}
SCENARIOS += named(HELD_OUT13, DESIGNED13_FIX)
DESIGNED15_FIX = {
    'momentum-velocity-zeroed-at-every-call':
        'your momentum_step passes this check with one change (line 10)',
}
SCENARIOS += named(HELD_OUT15, DESIGNED15_FIX)

# Audit of the promises no check exercised (issue 14, AUD-2): each passed every check before.
SCENARIOS += [
    Scenario('nesterov-look-ahead-redone-per-key', '4.2', {
        NESTEROV + '    for k in params:\n':
            '    for k in params:\n'
            '        g = objective.grad({j: params[j] + mu * state[j] for j in params})\n',
    }, 'compute ahead and objective.grad(ahead) once'),
    Scenario('optimise-mu-max-hard-coded', '4.4', {
        '        mu = momentum_schedule(t, mu_max)\n':
            '        mu = momentum_schedule(t, 0.9)\n',
    }, 'mu went above mu_max'),
    Scenario('train-momentum-mu-max-hard-coded', '4.5', {
        'momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))':
            'momentum_step(params, grads, state, lr, momentum_schedule(t, 0.9))',
    }, 'mu went above mu_max'),
    Scenario('train-momentum-array-split-into-nearly-equal-pieces', '4.5', {
        '        for start in range(0, n, batch_size):\n'
        '            idx = order[start:start + batch_size]\n':
            '        for idx in np.array_split(order, int(np.ceil(n / batch_size))):\n',
    }, 'the batches are not of batch_size examples'),
    Scenario('train-momentum-own-generator-made-once', '4.5', {
        '    t = 0\n    for _ in range(epochs):\n        order = rng.permutation(n)':
            '    t = 0\n    shuffler = np.random.default_rng(0)\n    for _ in range(epochs):\n'
            '        order = shuffler.permutation(n)',
    }, 'shuffled the examples into the same order'),
    Scenario('train-momentum-global-rng-seeded-once', '4.5', {
        '    t = 0\n    for _ in range(epochs):\n        order = rng.permutation(n)':
            '    t = 0\n    np.random.seed(0)\n    for _ in range(epochs):\n'
            '        order = np.random.permutation(n)',
    }, 'shuffled the examples into the same order'),
]

# Eighteenth batch (issue 14, ninth session): written blind, measured once after the ninth
# session's first design round; the mistakes whose feedback named the cause then.
HINTS18 = {
    'momentum-decay-applied-twice':
        'your momentum_step passes this check with one change (line 11): ',
    'momentum-position-moved-between-decay-and-gradient':
        'your momentum_step passes this check with one change (line 11): ',
    'nesterov-library-form-gradient-at-params':
        'your nesterov_step goes wrong in line 9: `g = objective.grad(par',
    'nesterov-velocity-dict-rebound':
        'state was not updated: store the new velocity in state[k]',
    'schedule-capped-at-one-minus-mu-max':
        'your momentum_schedule passes this check with one change (line 4',
    'schedule-exponent-constant-minus-two':
        'your momentum_schedule passes this check with one change (line 4',
    'optimise-np-append-result-discarded':
        'the result of your optimise behaves like the correct code withou',
    'train-momentum-stride-is-batch-count':
        'each epoch made 8 steps, the batch size: cut it into pieces of b',
}
SCENARIOS += named(HELD_OUT18, HINTS18)
VARIANTS += as_variants(VARIANTS18)
# ... and those named only after the ninth session's last design round, designed on them.
DESIGNED18 = {
    'train-momentum-velocity-initialised-like-params':
        'the parameters move without a gradient: does the velocity (the o',
}
SCENARIOS += named(HELD_OUT18, DESIGNED18)
# The nineteenth held-out batch (written blind, measured once on 33bfb1e): those whose
# feedback named the cause at that measurement ...
HINTS19 = {
    'momentum-gradient-scaled-in-place':
        'compute lr * grads[k] into a new array instead of scaling grads ',
    'momentum-velocity-stored-without-lr-step-scaled':
        'what your momentum_step does to `state` behaves like the correct',
    'nesterov-lookahead-behind-params':
        'your nesterov_step passes this check with one change (line 9): `',
    'schedule-bucket-boundary-one-step-early':
        'your momentum_schedule passes this check with one change (line 4',
    'schedule-cap-with-max':
        'your momentum_schedule passes this check with one change (line 4',
    'optimise-schedule-step-counted-from-one':
        'the first step is t = 0: call momentum_schedule(t, mu_max) with ',
    'optimise-params-copied-not-updated-in-place':
        'your optimise passes this check with one change (line 9): `{k: v',
    'train-momentum-step-counter-reset-each-epoch':
        'your train_mlp_momentum passes this check with one change (line ',
    'train-momentum-constant-mu-max-without-schedule':
        'momentum stayed at mu_max = 0.7: the schedule is not applied; us',
}
SCENARIOS += named(HELD_OUT19, HINTS19)
VARIANTS += as_variants(VARIANTS19)
# ... and those detected or named only after the tenth session's design round on them.
DESIGNED19 = {
    'nesterov-lookahead-shallow-copy-shifted-in-place':
        'passes this check with one change (line 9): `dict(params)` written as `{k: np.copy(v)',
}
SCENARIOS += named(HELD_OUT19, DESIGNED19)
# The twentieth held-out batch (written blind, measured once on 4559d66): those whose
# feedback named the cause at that measurement ...
HINTS20 = {
    'momentum-velocity-decayed-by-one-minus-mu':
        'your momentum_step passes this check with one change (line 10): ',
    'momentum-step-scaled-by-lr-again':
        'your momentum_step passes this check with one change (line 12): ',
    'nesterov-lookahead-rebuilt-per-key-after-updates':
        'your nesterov_step passes this check with one change (line 9): `',
    'nesterov-params-moved-before-velocity-update':
        'your nesterov_step passes this check with one change (line 12): ',
    'schedule-natural-log-for-log2':
        'the formula uses the log base 2 (np.log2), not the natural log',
    'schedule-floor-left-out':
        'your momentum_schedule passes this check with one change (line 4',
    'optimise-nesterov-run-as-momentum':
        "'nesterov' behaved like classical momentum: call nesterov_step(p",
    'optimise-lr-scaled-by-one-minus-mu':
        'your optimise passes this check with one change (line 13): `nest',
    'train-momentum-example-count-from-feature-axis':
        'your train_mlp_momentum passes this check with one change (line ',
    'train-momentum-counter-advanced-before-step':
        'your train_mlp_momentum passes this check with one change (line ',
}
SCENARIOS += named(HELD_OUT20, HINTS20)
VARIANTS += as_variants(VARIANTS20)
# ... and those detected or named only after the tenth session's design round on them.
DESIGNED20 = {
}
SCENARIOS += named(HELD_OUT20, DESIGNED20)
# The twenty-first held-out batch (written blind, measured once on bf711f5): those whose
# feedback named the cause at that measurement ...
HINTS21 = {
    'momentum-position-moved-by-lookahead-form-step':
        'your momentum_step goes wrong in line 12: `params[k] += mu * sta',
    'momentum-new-velocity-never-stored':
        'state was not updated: store the new velocity in state[k] so the',
    'nesterov-lookahead-without-mu':
        'look ahead by mu * v, not by the whole velocity v',
    'nesterov-velocity-not-decayed-after-lookahead':
        'your nesterov_step behaves like the correct code with `mu * stat',
    'schedule-bucket-rounded-not-floored':
        'your momentum_schedule passes this check with one change (line 4',
    'schedule-exponent-parentheses-dropped':
        'your momentum_schedule behaves like the correct code with `(-1.0',
    'train-momentum-counter-advanced-per-epoch':
        'your train_mlp_momentum passes this check with one change (line',
    'train-momentum-batch-gradient-averaged-again':
        'your train_mlp_momentum passes this check with one change (line',
}
SCENARIOS += named(HELD_OUT21, HINTS21)
VARIANTS += as_variants(VARIANTS21)
# ... and those detected or named only after the twelfth session's design round on them.
DESIGNED21 = {
    'optimise-stops-at-non-finite-loss':
        'your optimise passes this check with one change (line 19): witho',
    'optimise-schedule-evaluated-once-before-loop':
        "mu was 0.5 at every step, the schedule's value at t = 0: is mome",
}
SCENARIOS += named(HELD_OUT21, DESIGNED21)
# The twenty-second held-out batch (written blind, measured once on d21b67a) ...
HINTS22 = {
    'momentum-weight-decay-added-to-gradient':
        'your momentum_step passes this check with one change (line 11):',
    'nesterov-gradient-at-current-point':
        'your nesterov_step passes this check with one change (line 10):',
    'schedule-log-guarded-by-max-instead-of-plus-one':
        'your momentum_schedule goes wrong in line 4: `mu = min(1.0 - 2.0',
    'schedule-cap-result-discarded':
        'mu must never exceed mu_max: take the min with mu_max',
    'optimise-velocity-warm-started-with-gradient-step':
        'your optimise passes this check with one change (line 10): witho',
    'train-momentum-init-from-fixed-seed':
        'your train_mlp_momentum behaves like the correct code with `mlp_',
    'train-momentum-inputs-standardised':
        'your train_mlp_momentum passes this check with one change (line',
}
SCENARIOS += named(HELD_OUT22, HINTS22)
VARIANTS += as_variants(VARIANTS22)
# ... and those detected or named only after the twelfth session's design round on them.
DESIGNED22 = {
    'momentum-skips-keys-with-zero-gradient':
        'your momentum_step passes this check with one change (line 10):',
    'optimise-velocity-reset-at-each-schedule-stage':
        'the velocity went back to zero where mu changes (t = 250',
    'train-momentum-counter-skips-short-batch':
        'the short last batch of each epoch is a step too: count it in t',
}
SCENARIOS += named(HELD_OUT22, DESIGNED22)
# The twenty-third held-out batch (written blind, measured once on 1b8e805) ...
HINTS23 = {
    'nesterov-lookahead-shifts-one-key-at-a-time':
        'your nesterov_step goes wrong in line 13: `g[k] = objective.grad',
    'nesterov-position-moved-against-velocity':
        'your nesterov_step goes wrong in line 13: `params[k] -= state[k]',
    'schedule-first-stage-returns-half-uncapped':
        'mu_max caps mu at every step, the first 250 included: no special',
    'schedule-extra-ceiling-at-0.99':
        'mu is right everywhere except where the cap mu_max applies (the',
    'optimise-second-branch-if-not-elif':
        'your optimise behaves like the correct code with the `elif` afte',
    'train-momentum-short-last-batch-skipped':
        'your train_mlp_momentum passes this check with one change (line',
    'train-momentum-loss-logged-every-tenth-step':
        'your train_mlp_momentum passes this check with one change (line',
}
SCENARIOS += named(HELD_OUT23, HINTS23)
VARIANTS += as_variants(VARIANTS23)
# ... and those detected or named only after the thirteenth session's design round on them.
DESIGNED23 = {
    'momentum-dicts-paired-by-position':
        'params, grads and state hold the same keys, but grads and state',
    'momentum-zero-mu-shortcut-leaves-velocity':
        'with mu = 0 the velocity is still updated',
    'optimise-initial-loss-recorded-inside-loop':
        'the loss before the first step is recorded inside the loop (at t',
}
SCENARIOS += named(HELD_OUT23, DESIGNED23)

# --- promise audit, session 10 (AUD5)
# Promises of the text and docstrings no check held: each mistake below passed every check.
AUD5_NESTEROV_STEP = ("        state[k] = mu * state[k] - lr * g[k]\n"
                      "        params[k] += state[k]\n")
AUD5_SCHEDULE = f"    {SCHEDULE}\n"
AUD5_LOSSES_END = "        losses.append(objective.loss(params))\n    ### END SOLUTION\n"
SCENARIOS += [
    # "changes params and state in place and returns nothing"
    Scenario('momentum-returns-params-as-well', '4.1', {
        MOMENTUM: MOMENTUM + "    return params\n",
    }, 'the update rules return nothing'),
    Scenario('nesterov-returns-params-and-state', '4.2', {
        AUD5_NESTEROV_STEP: AUD5_NESTEROV_STEP + "    return params, state\n",
    }, 'the update rules return nothing'),
    # "capped at mu_max", from t = 0: a ceiling below 0.5 caps the first block too
    Scenario('schedule-first-block-not-capped', '4.3', {
        AUD5_SCHEDULE: "    if t < 250:\n        mu = 0.5\n    else:\n    " + AUD5_SCHEDULE,
    }, 'no special case for t < 250'),
    Scenario('schedule-cap-applied-from-second-block', '4.3', {
        AUD5_SCHEDULE: "    mu = 1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1))\n"
                       "    if t >= 250:\n        mu = min(mu, mu_max)\n",
    }, 'no special case for t < 250'),
    Scenario('schedule-floored-at-one-half', '4.3', {
        AUD5_SCHEDULE: "    mu = max(0.5, min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), "
                       "mu_max))\n",
    }, 'no special case for t < 250'),
    # "Returns losses, a list of n_steps + 1 floats"
    Scenario('optimise-losses-converted-to-array', '4.4', {
        AUD5_LOSSES_END: "        losses.append(objective.loss(params))\n"
                         "    losses = np.array(losses)\n    ### END SOLUTION\n",
    }, 'the docstring asks for a list'),
    Scenario('optimise-losses-converted-to-tuple', '4.4', {
        AUD5_LOSSES_END: "        losses.append(objective.loss(params))\n"
                         "    losses = tuple(losses)\n    ### END SOLUTION\n",
    }, 'the docstring asks for a list'),
]
VARIANTS += [
    # SGD as momentum with mu = 0: the same step, p - lr * g
    Scenario('optimise-sgd-as-momentum-with-zero-mu', '', {
        "            sgd_step(params, objective.grad(params), state, lr, mu)\n":
            "            momentum_step(params, objective.grad(params), state, lr, 0.0)\n",
    }),
]
