"""Mistakes students make in module 02, each an edit of solutions/02_backprop/02_backprop.py."""

from dataclasses import replace

from autograder.catalogue import Scenario, as_variants, named
from autograder.catalogue.design3_backprop import SCENARIOS as DESIGN3
from autograder.catalogue.design3_backprop import VARIANTS as VARIANTS3
from autograder.catalogue.heldout2_backprop import SCENARIOS as HELD_OUT2
from autograder.catalogue.heldout3_backprop import SCENARIOS as HELD_OUT3
from autograder.catalogue.heldout4_backprop import SCENARIOS as HELD_OUT4
from autograder.catalogue.heldout4_backprop import VARIANTS as VARIANTS4
from autograder.catalogue.heldout5_backprop import SCENARIOS as HELD_OUT5
from autograder.catalogue.heldout5_backprop import VARIANTS as VARIANTS5
from autograder.catalogue.heldout6_backprop import SCENARIOS as HELD_OUT6
from autograder.catalogue.heldout6_backprop import VARIANTS as VARIANTS6
from autograder.catalogue.heldout7_backprop import SCENARIOS as HELD_OUT7
from autograder.catalogue.heldout7_backprop import VARIANTS as VARIANTS7
from autograder.catalogue.heldout8_backprop import SCENARIOS as HELD_OUT8
from autograder.catalogue.heldout8_backprop import VARIANTS as VARIANTS8
from autograder.catalogue.heldout9_backprop import SCENARIOS as HELD_OUT9
from autograder.catalogue.heldout9_backprop import VARIANTS as VARIANTS9
from autograder.catalogue.heldout10_backprop import SCENARIOS as HELD_OUT10
from autograder.catalogue.heldout10_backprop import VARIANTS as VARIANTS10
from autograder.catalogue.heldout11_backprop import SCENARIOS as HELD_OUT11
from autograder.catalogue.heldout11_backprop import VARIANTS as VARIANTS11
from autograder.catalogue.heldout12_backprop import SCENARIOS as HELD_OUT12
from autograder.catalogue.heldout12_backprop import VARIANTS as VARIANTS12
from autograder.catalogue.heldout13_backprop import SCENARIOS as HELD_OUT13
from autograder.catalogue.heldout13_backprop import VARIANTS as VARIANTS13
from autograder.catalogue.heldout14_backprop import SCENARIOS as HELD_OUT14
from autograder.catalogue.heldout14_backprop import VARIANTS as VARIANTS14
from autograder.catalogue.heldout15_backprop import SCENARIOS as HELD_OUT15
from autograder.catalogue.heldout15_backprop import VARIANTS as VARIANTS15
from autograder.catalogue.heldout16_backprop import SCENARIOS as HELD_OUT16
from autograder.catalogue.heldout16_backprop import VARIANTS as VARIANTS16
from autograder.catalogue.heldout17_backprop import SCENARIOS as HELD_OUT17
from autograder.catalogue.heldout17_backprop import VARIANTS as VARIANTS17
from autograder.catalogue.heldout18_backprop import SCENARIOS as HELD_OUT18
from autograder.catalogue.heldout18_backprop import VARIANTS as VARIANTS18
from autograder.catalogue.heldout19_backprop import SCENARIOS as HELD_OUT19
from autograder.catalogue.heldout19_backprop import VARIANTS as VARIANTS19
from autograder.catalogue.heldout20_backprop import SCENARIOS as HELD_OUT20
from autograder.catalogue.heldout20_backprop import VARIANTS as VARIANTS20
from autograder.catalogue.heldout21_backprop import SCENARIOS as HELD_OUT21
from autograder.catalogue.heldout21_backprop import VARIANTS as VARIANTS21
from autograder.catalogue.heldout22_backprop import SCENARIOS as HELD_OUT22
from autograder.catalogue.heldout22_backprop import VARIANTS as VARIANTS22
from autograder.catalogue.heldout23_backprop import SCENARIOS as HELD_OUT23
from autograder.catalogue.heldout23_backprop import VARIANTS as VARIANTS23
from autograder.catalogue.heldout_backprop import SCENARIOS as HELD_OUT

SCENARIOS = [
    Scenario("bias-missing", "2.1", {"out = x @ w + b\n    cache": "out = x @ w\n    cache"},
             "without the bias"),
    Scenario("transposed-dw", "2.2", {"dw = x.T @ dout": "dw = (x.T @ dout).T"},
             "transposed"),
    Scenario("bias-gradient-not-summed", "2.2", {"db = dout.sum(axis=0)": "db = dout"},
             "sum the bias gradient over the batch"),
    Scenario("double-averaging", "2.2", {"dw = x.T @ dout": "dw = x.T @ dout / x.shape[0]"},
             "did you average over the batch?"),
    Scenario("relu-mask-on-output-gradient", "2.3", {"dx = dout * (x > 0)": "dx = dout * (dout > 0)"},
             "not from the upstream gradient dout"),
    Scenario("tanh-derivative-of-input", "2.4",
             {"def tanh_forward(x):": "def tanh_forward(x):",
              "    cache = out\n    ### END SOLUTION\n    return out, cache\n\n\ndef tanh_backward":
              "    cache = x\n    ### END SOLUTION\n    return out, cache\n\n\ndef tanh_backward"},
             "not 1 - x**2"),
    Scenario("softmax-without-max-shift", "2.5",
             {"z = logits - logits.max(axis=1, keepdims=True)": "z = logits"},
             "subtract each row's max"),
    Scenario("softmax-gradient-missing-onehot", "2.5",
             {"dlogits[np.arange(n), y] -= 1": "pass"}, "subtract 1 at the true class"),
    Scenario("one-sided-difference", "2.6",
             {"x[i] = old - h\n        fm = f(x)": "x[i] = old\n        fm = f(x)",
              "grad[i] = (fp - fm) / (2 * h)": "grad[i] = (fp - fm) / h"},
             "one-sided difference"),
    Scenario("relu-on-scores", "2.7", {"        if i < L:\n            h, relu_cache":
                                       "        if True:\n            h, relu_cache"},
             "no ReLU after it"),
    Scenario("gradient-ascent", "2.8", {"params[k] -= lr * grads[k]": "params[k] += lr * grads[k]"},
             "uphill"),
]

# Correct but different: each must pass every task.
VARIANTS = [
    Scenario("einsum-instead-of-matmul", "", {
        "dx = dout @ w.T\n    dw = x.T @ dout\n    db = dout.sum(axis=0)":
        "dx = np.einsum('nm,dm->nd', dout, w)\n    dw = np.einsum('nd,nm->dm', x, dout)\n"
        "    db = np.einsum('nm->m', dout)",
        "out = x @ w + b\n    cache": "out = np.einsum('nd,dm->nm', x, w) + b[None, :]\n    cache"}),
    Scenario("masking-in-place-on-a-copy", "", {
        "dx = dout * (x > 0)": "dx = dout.copy()\n    dx[x <= 0] = 0"}),
    Scenario("loops-instead-of-vectorised-softmax", "", {
        "    loss = -logp[np.arange(n), y].mean()":
        "    loss = 0.0\n    for row in range(n):\n        loss -= logp[row, y[row]] / n"}),
    Scenario("gradient-checker-with-nditer-and-helper", "", {
        "    grad = np.zeros_like(x, dtype=float)\n    for i in np.ndindex(x.shape):":
        "    def bump(i, delta):\n        x[i] = old + delta\n        return f(x)\n\n"
        "    grad = np.empty(x.shape)\n    it = np.nditer(x, flags=['multi_index'])\n"
        "    for _ in it:\n        i = it.multi_index",
        "        x[i] = old + h\n        fp = f(x)\n        x[i] = old - h\n        fm = f(x)":
        "        fp, fm = bump(i, h), bump(i, -h)"}),
    Scenario("shuffle-with-a-different-rng-call", "", {
        "        order = rng.permutation(n)": "        order = np.arange(n)\n        rng.shuffle(order)"}),
    Scenario("renamed-variables-and-reversed-cache", "", {
        "    grads = {}\n    d = dscores\n    L = len(caches)\n    for i in range(L, 0, -1):\n"
        "        lin_cache, relu_cache = caches[i - 1]":
        "    g = {}\n    d = dscores\n"
        "    for i, (lin_cache, relu_cache) in reversed(list(enumerate(caches, 1))):",
        "        d, grads[f\"W{i}\"], grads[f\"b{i}\"] = linear_backward(d, lin_cache)":
        "        d, g[f\"W{i}\"], g[f\"b{i}\"] = linear_backward(d, lin_cache)\n    grads = g"}),
]

# New mistakes (issue 14), the half the diagnosers were designed on.
SCENARIOS += [
    Scenario('softmax-onehot-by-column', '2.5', {
        'dlogits[np.arange(n), y] -= 1':
            'dlogits[:, y] -= 1',
    }, 'the true class of row n'),
    Scenario('train-global-rng-shuffle', '2.8', {
        'order = rng.permutation(n)':
            'order = np.random.permutation(n)',
    }, 'rng'),
    Scenario('tanh-backward-reads-global', '2.4', {
        '    out = np.tanh(x)\n    cache = out':
            '    global _tanh_out\n    out = np.tanh(x)\n    cache = out\n'
            '    _tanh_out = out',
        'dx = dout * (1 - cache**2)':
            'dx = dout * (1 - _tanh_out**2)',
    }, 'cache'),
    Scenario('train-loss-per-epoch', '2.8', {
        '            sgd_step(params, grads, lr)\n'
        '            losses.append(float(loss))':
            '            sgd_step(params, grads, lr)\n'
            '        losses.append(float(loss))',
    }, 'one loss per epoch was recorded'),
    Scenario('mlp-no-relu-on-last-hidden', '2.7', {
        '        if i < L:\n            h, relu_cache':
            '        if i < L - 1:\n            h, relu_cache',
    }, 'without the ReLU after hidden layer'),
]

# New correct variants (issue 14).
VARIANTS += [
    Scenario('relu-backward-where', '', {
        'dx = dout * (x > 0)':
            'dx = np.where(x > 0, dout, 0.0)',
    }),
    Scenario('tanh-caches-input', '', {
        '    out = np.tanh(x)\n    cache = out':
            '    out = np.tanh(x)\n    cache = x',
        'dx = dout * (1 - cache**2)':
            'dx = dout * (1 - np.tanh(cache) ** 2)',
    }),
    Scenario('train-batches-by-array-split', '', {
        '        for start in range(0, n, batch_size):\n'
        '            idx = order[start:start + batch_size]':
            '        for idx in np.array_split(order, range(batch_size, n, batch_si'
            'ze)):',
    }),
]

# The held-out half of the new mistakes (issue 14), measured before it was merged here.
SCENARIOS += HELD_OUT

# Issue 14, second batch: the design half (the held-out half is in heldout2_backprop.py).
SCENARIOS += [
    Scenario('linear-forward-bias-subtracted', '2.1', {
        'out = x @ w + b\n    cache':
            'out = x @ w - b\n    cache',
    }, 'subtracted instead of added'),
    Scenario('bias-gradient-averaged', '2.2', {
        'db = dout.sum(axis=0)':
            'db = dout.mean(axis=0)',
    }, 'db is the mean over the batch, not the sum'),
    Scenario('tanh-derivative-precedence', '2.4', {
        'dx = dout * (1 - cache**2)':
            'dx = dout * (1 - cache)**2',
    }, 'mind the brackets'),
    Scenario('softmax-normalised-over-batch-axis', '2.5', {
        'logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))':
            'logp = z - np.log(np.exp(z).sum(axis=0, keepdims=True))',
    }, 'normalised over the batch'),
]

VARIANTS += [
    Scenario('sgd-rebinds-entries', "", {
        'params[k] -= lr * grads[k]':
            'params[k] = params[k] - lr * grads[k]',
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
    'tanh-backward-tanh-of-cached-output':
        '`tanh` applied to `cache` where it should not be',
    'softmax-loss-picks-columns':
        'written as `logp[:, y].mean()`',
    'numgrad-minus-from-plus':
        'with `old - h` written as `old`',
    'train-full-batch-gradient':
        'with `X[idx]`, `y[idx]` written as `X`, `y`',
    'mlp-backward-relu-after-linear':
        'your mlp_backward raises the same error as the correct code would with',
    'tanh-backward-derivative-not-squared':
        'the derivative is 1 - tanh(x)**2, not 1 - tanh(x)',
    'numgrad-missing-factor-two':
        'centred difference without the 2: divide by 2h',
    'mlp-backward-forward-loop':
        'your mlp_backward raises the same error as the correct code would with',
    'softmax-grad-unnormalised-exp':
        'with `np.exp(logp)` written as `np.exp(z)`',
}
IN_PLACE3 = {'relu-forward-clobbers-input'}
SCENARIOS += named(DESIGN3 + HELD_OUT3, HINTS3)
VARIANTS += as_variants(VARIANTS3) + as_variants(DESIGN3 + HELD_OUT3, IN_PLACE3)
# A backward that zeroes `dout` in place was a variant until session 10: two blind batches
# (13 and 20) wrote changing an argument in place as a mistake, and the notebooks now say that
# a backward leaves `dout` and its cache as they were (diagnose._clobbered).
SCENARIOS += named(DESIGN3, {'relu-backward-zeroes-upstream-in-place':
                             'relu_backward changed its argument `dout`'})

# Fourth batch: written blind, held out whole, measured once, merged like the third.
HINTS4 = {
    'bias-gradient-summed-over-everything':
        'with `dout.sum(axis=0)` written as `dout.sum()`',
    'tanh-backward-missing-upstream':
        'dx is the local derivative alone: multiply it by dout',
    'softmax-loss-summed-over-batch':
        'with `-logp[np.arange(n), y].mean()` written as `-logp[np.arange(n), y].sum()`',
    'mlp-backward-skips-relu':
        'without `if relu_cache is not None:`',
    'sgd-step-builds-new-dict':
        'sgd_step must update params in place (params[k] -= ...)',
    'train-batch-slice-absolute-end':
        'with `order[start:start + batch_size]` written as `order[start:batch_s',
}
SCENARIOS += named(HELD_OUT4, HINTS4)
VARIANTS += as_variants(VARIANTS4)

# Fifth batch: the same, measured once with the final diagnoser.
HINTS5 = {
    'relu-forward-minimum':
        'with `np.maximum(0, x)` written as `np.minimum(0, x)`',
    'softmax-shift-by-column-max':
        'with `logits - logits.max(axis=1, keepdims=True)` written as `logits -',
    'numgrad-minus-step-from-perturbed':
        'with `old - h` written as `old`',
    'train-records-full-data-loss':
        'with `X[idx]`, `y[idx]` written as `X`, `y`',
}
SCENARIOS += named(HELD_OUT5, HINTS5)
VARIANTS += as_variants(VARIANTS5)

# Sixth batch (issue 14, fourth session): written blind, measured once; the mistakes
# whose feedback names the cause, with the phrase it shows (after the design that
# followed the measurement).
HINTS6 = {
    'linear-forward-bias-inside-matmul':
        'with `x @ w + b` written as `x @ (w + b)`',
    'linear-backward-dw-loop-overwrites':
        'with `x.T @ dout` written as `x[-1:].T @ dout[-1:]`',
    'relu-backward-sign-of-input':
        'dx is right everywhere except where x <= 0',
    'tanh-forward-from-sigmoid-without-doubling':
        'with `x` scaled by 1/2',
    'softmax-grad-onehot-indexes-rows':
        'with `dlogits[np.arange(n), y]` written as `dlogits[y]`',
    'softmax-grad-averaged-before-onehot':
        'with `dlogits[np.arange(n), y] -= 1` and `dlogits /= n` in the other order',
    'numgrad-difference-reversed':
        'with `(fp - fm) / (2 * h)` written as `(fm - fp) / (2 * h)`',
    'mlp-hidden-layers-use-tanh':
        'with `relu_forward(h)` written as `tanh_forward(h)`',
    'train-one-step-per-epoch':
        'one per epoch: call sgd_step after every minibatch',
}
SCENARIOS += named(HELD_OUT6, HINTS6)
VARIANTS += as_variants(VARIANTS6)

# Seventh batch (issue 14, fourth session): written blind, measured once; the mistakes
# whose feedback names the cause, with the phrase it shows (after the design that
# followed the measurement).
HINTS7 = {
    'relu-backward-times-output':
        'dx is wrong exactly where x > 0 and right elsewhere',
    'tanh-backward-sigmoid-derivative':
        'with `dout * (1 - cache ** 2)` written as `dout * (cache * (1 - cache))`',
    'softmax-grad-from-log-probs':
        'with `np.exp(logp)` written as `logp`',
    'numgrad-returns-inside-loop':
        'with `return grad` inside the loop',
    'sgd-step-rebinds-loop-variable':
        'sgd_step must update params in place',
    'train-reshuffles-every-batch':
        'with `order = rng.permutation(n)` redone at every step of the loop',
}
SCENARIOS += named(HELD_OUT7, HINTS7)
VARIANTS += as_variants(VARIANTS7)

# Eighth batch (issue 14, fourth session): written blind, measured once; the mistakes
# whose feedback names the cause, with the phrase it shows (after the design that
# followed the measurement).
HINTS8 = {
    'linear-backward-bias-summed-over-outputs':
        'with `dout.sum(axis=0)` written as `dout.sum(axis=1)`',
    'relu-forward-clipped-at-one':
        'out is right everywhere except where x > 0',
    'tanh-backward-times-two-not-squared':
        'with `1 - cache ** 2` written as `1 - cache * 2`',
    'softmax-log-probs-from-unshifted-logits':
        'with `z - np.log(np.exp(z).sum(axis=1, keepdims=True))` written as `logits - ',
    'train-batch-start-steps-by-one':
        'keep the last, short batch',
}
SCENARIOS += named(HELD_OUT8, HINTS8)
VARIANTS += as_variants(VARIANTS8)

# Batch 6: named since the fifth session by the line where the function goes wrong
# (autograder/locate.py), designed on after its measurement.
LOCATED6 = {
    'numgrad-shifts-whole-array':
        'never computes is `x + h',
}
SCENARIOS += named(HELD_OUT6, LOCATED6)

# Batch 7: named since the fifth session by the line where the function goes wrong
# (autograder/locate.py), designed on after its measurement.
LOCATED7 = {
    'linear-backward-dw-outer-of-batch-sums':
        'never computes is `x.sum(axis=0)',
    'linear-backward-dx-through-pseudo-inverse':
        'never computes is `np.linalg.pinv(w)',
    'numgrad-relative-step':
        'never computes is `1 + h',
}
SCENARIOS += named(HELD_OUT7, LOCATED7)

# Batch 8: named since the fifth session by the line where the function goes wrong
# (autograder/locate.py), designed on after its measurement.
LOCATED8 = {
    'linear-backward-dx-through-dw':
        'never computes is `dout @ dw.T',
    'train-reinitialises-every-epoch':
        'never computes is `mlp_init(sizes, rng)',
}
SCENARIOS += named(HELD_OUT8, LOCATED8)

# Ninth batch (issue 14, fifth session): written blind, measured once; the mistakes whose
# feedback names the cause, with the phrase it shows.
HINTS9 = {
    'linear-forward-applies-relu':
        'never computes is `np.maximum(0, out)',
    'relu-backward-mask-inverted':
        'with `dout * (x > 0)` written as `dout * (x < 0)`',
    'tanh-backward-squares-upstream':
        'with `1 - cache ** 2` written as `1 - dout ** 2`: `dout` is',
    'softmax-grad-of-log-likelihood':
        'the gradient is onehot - softmax: it should be softmax - onehot',
    'softmax-loss-true-logit-without-normaliser':
        'with `logp[np.arange(n), y]` written as `z[np.arange(n), y]`',
    'mlp-forward-returns-probabilities':
        'never computes is `h.max(axis=1, keepdims=True)',
    'train-lr-divided-by-batch-size':
        'with `sgd_step(params, grads, lr)` written as `sgd_step(para',
}
SCENARIOS += named(HELD_OUT9, HINTS9)
VARIANTS += as_variants(VARIANTS9)

# Tenth batch (issue 14, fifth session): written blind, measured once after the second
# design round; the mistakes whose feedback names the cause, with the phrase it shows.
HINTS10 = {
    'linear-backward-bias-gradient-keeps-dims':
        'the values it gives `db` are right, but in the shape (1, ',
    'relu-forward-absolute-value':
        'out is wrong exactly where x < 0 and right elsewhere',
    'relu-backward-clipped-input':
        'dx is right everywhere except where x > 0',
    'tanh-backward-cosh-of-output':
        'with `1 - cache ** 2` written as `1 - np.tanh(cache) ** 2`:',
    'softmax-grad-divided-by-classes':
        'dlogits equals the expected value times N/C = 1.143: divided by C wher',
    'softmax-grad-subtracts-label-value':
        'with `dlogits[np.arange(n), y] -= 1` multiplied by `y`: an e',
    'numgrad-minus-side-after-restore':
        'with `old - h` written as `old`: a term is missing',
    'mlp-forward-relu-on-inputs':
        'never computes is `relu_forward(x)',
    'mlp-backward-through-tanh':
        'with `relu_backward(d, relu_cache)` written as `tanh_backwar',
    'train-batches-drawn-with-replacement':
        'never computes is `rng.integers(0, n, size=batch_size)',
}
SCENARIOS += named(HELD_OUT10, HINTS10)
VARIANTS += as_variants(VARIANTS10)

# Eleventh batch (issue 14, fifth session): written blind, measured once on the tree batch
# 10 was measured on (a confirmation); the mistakes whose feedback names the cause.
HINTS11 = {
    'linear-forward-first-bias-only':
        'never computes is `b[0]',
    'linear-backward-dx-times-input':
        'never computes is `dout @ w.T * x',
    'relu-backward-mask-nonzero-input':
        'never computes is `x != 0',
    'tanh-backward-plus-square':
        'with `dout * (1 - cache ** 2)` written as `dout * (1 + cache',
    'softmax-log-of-exp-summed':
        'never computes is `np.log(np.exp(z)).sum(axis=1, keepdims=True)',
    'softmax-grad-times-sigmoid-style-derivative':
        'never computes is `1 - p',
    'train-one-epoch-short':
        'with `range(epochs)` written as `range(1, epochs)`',
    'train-backprops-scores':
        'with `mlp_backward(dscores, caches)` written as `mlp_backwar',
}
SCENARIOS += named(HELD_OUT11, HINTS11)
VARIANTS += as_variants(VARIANTS11)

# Batches 10 and 11 again: the mistakes whose feedback names the cause only after the
# sixth session's design round, which was designed on them (so no part of a measure).
DESIGNED11 = {
    'numgrad-grad-aliases-input':
        'x now holds the very gradient returned',
    'mlp-forward-caches-activation-as-relu-cache':
        'the error is in what your `mlp_forward` puts in its cache',
}
SCENARIOS += named(HELD_OUT11, DESIGNED11)

# Twelfth batch (issue 14, sixth session): written blind, measured once after the sixth
# session's first design round; the mistakes whose feedback named the cause then.
HINTS12 = {
    'linear-forward-loop-adds-bias-twice':
        'with `b` scaled by 2: an extra factor 2 on `b`; out every row ',
    'linear-backward-dw-from-dx':
        'with `x.T @ dout` written as `dx.T @ dout`: `dx` is read where',
    'relu-backward-where-keeps-input':
        'goes wrong in line 14: `dx = np.where(x > 0, dout, x)` (its fi',
    'tanh-backward-expanded-drops-upstream':
        'with `dout * (1 - cache ** 2)` written as `dout * 1 - cache **',
    'softmax-grad-minus-one-everywhere':
        'with `dlogits[np.arange(n), y]` written as `dlogits[np.arange(n)]`',
    'softmax-loss-missing-minus':
        'with `-logp[np.arange(n), y].mean()` written as `logp[np.arang',
    'numgrad-returns-flat-list':
        'goes wrong in line 17: `grad = np.array(grad)` (its first valu',
    'mlp-forward-one-layer-short':
        'with `range(1, L + 1)` written as `range(1, L)`: a term is mis',
    'train-permutes-inputs-and-labels-separately':
        'goes wrong in line 20: `X_shuf, y_shuf = rng.permutation(X), r',
}
SCENARIOS += named(HELD_OUT12, HINTS12)
VARIANTS += as_variants(VARIANTS12)
# ... and those named only after the second design round, which was designed on them.
DESIGNED12 = {
    'mlp-backward-zero-based-keys':
        'it has gradients for W0, b0, which params does not have: its l',
}
SCENARIOS += named(HELD_OUT12, DESIGNED12)

# Thirteenth batch (issue 14, seventh session): written blind, measured once after the seventh
# session's first design round; the mistakes whose feedback named the cause then.
HINTS13 = {
    'linear-backward-dx-left-transposed':
        'your linear_backward behaves like the correct code with `dout @ ',
    'linear-backward-adds-weight-decay':
        'your linear_backward goes wrong in line 10: `dw = x.T @ dout + 1',
    'relu-backward-mask-without-brackets':
        'your relu_backward behaves like the correct code with `(x > 0)` ',
    'tanh-forward-tan-typed':
        'your tanh_forward goes wrong in line 4: `out = np.tan(x)` (its f',
    'numgrad-half-step-each-side':
        'grad equals the expected value times 0.5 in every entry: a missi',
    'train-records-one-loss-per-epoch':
        'your train_mlp behaves like the correct code with `losses.append',
}
SCENARIOS += named(HELD_OUT13, HINTS13)
VARIANTS += as_variants(VARIANTS13)
# ... and those named only after the second design round, which was designed on them.
DESIGNED13 = {
    'linear-cache-holds-bias':
        'cache[1] holds the argument `b` where `w` belongs: the wrong var',
    'mlp-backward-unpacks-dw-as-dx':
        'your mlp_backward raises the same error as the correct code woul',
    'mlp-backward-stops-before-first-layer':
        "only the first layer's gradients are missing: does the loop over",
}
SCENARIOS += named(HELD_OUT13, DESIGNED13)

# Fourteenth batch (issue 14, seventh session): written blind, measured once after the seventh
# session's second design round; the mistakes whose feedback named the cause then.
HINTS14 = {
    'linear-cache-keeps-bias-too':
        'cache should be the tuple (x, w)',
    'linear-backward-dx-without-transpose':
        'your linear_backward raises the same error as the correct code w',
    'relu-backward-boolean-indexes-upstream':
        'your relu_backward goes wrong in line 14: `dx = dout[x > 0]` (it',
    'softmax-normaliser-without-keepdims':
        'your softmax_cross_entropy raises the same error as the correct ',
    'train-example-count-from-feature-axis':
        'your train_mlp behaves like the correct code with `X.shape[0]` w',
}
SCENARIOS += named(HELD_OUT14, HINTS14)
# the global max breaks the stability the notebook asks for ('subtracting each row's
# maximum'): rows far below it underflow to log 0. Written as a variant, graded as a mistake.
VARIANTS += as_variants([v for v in VARIANTS14 if v.name != 'softmax-shift-by-global-max'])
SCENARIOS += [replace(v, task='2.5', hint='subtract each row\'s max before exponentiating')
              for v in VARIANTS14 if v.name == 'softmax-shift-by-global-max']
# ... and those named only after the third design round, which was designed on them.
DESIGNED14 = {
}
SCENARIOS += named(HELD_OUT14, DESIGNED14)

# Fifteenth batch (issue 14, seventh session): written blind, measured once after the seventh
# session's third design round; the mistakes whose feedback named the cause then.
HINTS15 = {
    'linear-forward-scaled-by-root-fan-in':
        'your linear_forward goes wrong in line 8: `out = x @ w / np.sqrt',
    'linear-backward-dx-summed-over-batch':
        'your linear_backward goes wrong in line 9: `dx = (dout @ w.T).su',
    'relu-forward-abs-sum-not-halved':
        'your relu_forward goes wrong in line 4: `out = x + np.abs(x)` (i',
    'tanh-backward-one-minus-abs':
        'your tanh_backward behaves like the correct code with `1 - cache',
    'softmax-normaliser-summed-over-whole-batch':
        'your softmax_cross_entropy goes wrong in line 10: `logp = z - np',
    'softmax-loss-weighted-by-label-value':
        'your softmax_cross_entropy goes wrong in line 11: `loss = -np.me',
    'numgrad-hard-coded-step-divided-by-h':
        'grad equals the expected value times 0.01 in every entry: a miss',
    'sgd-step-clips-gradients':
        'your sgd_step goes wrong in line 5: `params[k] -= lr * np.clip(g',
}
SCENARIOS += named(HELD_OUT15, HINTS15)
VARIANTS += as_variants(VARIANTS15)
# ... and those named only after the fourth design round, which was designed on them.
DESIGNED15 = {
    'mlp-forward-caches-before-relu':
        'your mlp_backward gives the right result when it is given the ca',
    'train-array-split-into-batch-size-pieces':
        'each epoch made 8 steps, the batch size: cut it into pieces of b',
}
SCENARIOS += named(HELD_OUT15, DESIGNED15)

# Sixteenth batch (issue 14, eighth session): written blind, measured once after the eighth
# session's first design round; the mistakes whose feedback named the cause then.
HINTS16 = {
    'linear-backward-dw-by-np-outer':
        'your linear_backward goes wrong in line 10: `dw = np.outer(x, do',
    'linear-backward-db-after-dout-reassigned':
        'your linear_backward passes this check with one change (line 10)',
    'tanh-backward-via-sigmoid-missing-inner-factor':
        'your tanh_backward passes this check with one change (line 14): ',
    'softmax-grad-subtracts-at-predicted-class':
        'your softmax_cross_entropy goes wrong in line 13: `dlogits[np.ar',
    'softmax-loss-from-probabilities-after-grad-edit':
        'your softmax_cross_entropy goes wrong in line 12: `dlogits[np.ar',
    'numgrad-basis-vector-never-cleared':
        'your numerical_gradient passes this check with one change (line ',
    'mlp-backward-layer-count-halved':
        'your mlp_backward passes this check with one change (line 30): `',
}
SCENARIOS += named(HELD_OUT16, HINTS16)
VARIANTS += as_variants(VARIANTS16)
# ... and those named only after the eighth session's last design round, designed on them.
DESIGNED16 = {
    'mlp-forward-appends-cache-after-loop':
        'your mlp_forward passes this check with one change (line 16): `c',
    'sgd-step-returns-inside-loop':
        'your sgd_step leaves its loop (line 4) on its first pass: the `r',
    'train-batch-offset-multiplied-by-batch-size':
        'with lr = 0 nothing moves, so a loss of nan comes from the batch',
}
SCENARIOS += named(HELD_OUT16, DESIGNED16)

# Seventeenth batch (issue 14, eighth session): written blind, measured once after the eighth
# session's second design round; the mistakes whose feedback named the cause then.
HINTS17 = {
    'linear-forward-weights-used-transposed':
        'your linear_forward passes this check with one change (line 8): ',
    'linear-backward-db-local-derivative-only':
        'your linear_backward goes wrong in line 11: `db = np.ones(dout.s',
    'relu-forward-max-reduction':
        'your relu_forward goes wrong in line 4: `out = np.max(x, 0)` (it',
    'tanh-backward-sech-not-squared':
        'your tanh_backward goes wrong in line 13: `dx = dout / np.cosh(c',
    'numgrad-minus-side-two-steps-back':
        'your numerical_gradient passes this check with one change (line ',
    'mlp-forward-drops-relu-output':
        'your mlp_forward passes this check with one change (line 15): `h',
    'train-hard-coded-batch-size':
        'your train_mlp behaves like the correct code ignoring the argume',
}
SCENARIOS += named(HELD_OUT17, HINTS17)
VARIANTS += as_variants(VARIANTS17)
# ... and those named only after the eighth session's last design round, designed on them.
DESIGNED17 = {
    'softmax-grad-true-class-set-to-minus-one':
        'your softmax_cross_entropy passes this check with one change (li',
    'mlp-backward-keys-numbered-from-the-top': 'the numbers count from the other end',
}
SCENARIOS += named(HELD_OUT17, DESIGNED17)

# Mistakes of earlier batches named only once the eighth session's fix search existed.
DESIGNED14_FIX = {
    'tanh-forward-exp-formula-missing-brackets':   # its fix overflows at x = 1000 (issue 14)
        'your tanh_forward goes wrong in line 4',
    'numgrad-saved-input-is-an-alias':
        'your numerical_gradient passes this check with one change (line 9)',
}
SCENARIOS += named(HELD_OUT14, DESIGNED14_FIX)

# Promises no check exercised (issue 14, AUD-1): any shape, large inputs, the argument h, the
# rng of the shuffle, log of a rounded softmax; each now fails by name.
_NG_LOOP = ("    for i in np.ndindex(x.shape):\n        old = x[i]\n        x[i] = old + h\n"
            "        fp = f(x)\n        x[i] = old - h\n        fm = f(x)\n        x[i] = old\n"
            "        grad[i] = (fp - fm) / (2 * h)")
PROMISES14 = [
    Scenario('relu-forward-flattens-to-2d', '2.3', {
        '    out = np.maximum(0, x)\n    cache = x':
            '    out = np.maximum(0, x.reshape(x.shape[0], -1))\n    cache = x',
    }),
    Scenario('relu-forward-loops-over-two-axes', '2.3', {
        '    out = np.maximum(0, x)\n    cache = x':
            '    out = np.zeros_like(x)\n    for i in range(x.shape[0]):\n'
            '        for j in range(x.shape[1]):\n            out[i, j] = max(0.0, x[i, j])\n'
            '    cache = x',
    }),
    Scenario('tanh-forward-exp-ratio-overflows', '2.4', {
        'out = np.tanh(x)': 'out = (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))',
    }),
    Scenario('tanh-forward-flattens-to-2d', '2.4', {
        'out = np.tanh(x)': 'out = np.tanh(x).reshape(x.shape[0], -1)',
    }),
    Scenario('softmax-loss-log-of-shifted-softmax', '2.5', {
        '    loss = -logp[np.arange(n), y].mean()':
            '    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)\n'
            '    loss = -np.log(p[np.arange(n), y]).mean()',
    }),
    Scenario('softmax-loss-log-plus-eps', '2.5', {
        '    loss = -logp[np.arange(n), y].mean()':
            '    loss = -np.log(np.exp(logp[np.arange(n), y]) + 1e-12).mean()',
    }),
    Scenario('numgrad-loops-over-two-axes', '2.6', {
        _NG_LOOP: "    for i in range(x.shape[0]):\n        for j in range(x.shape[1]):\n"
                  "            old = x[i, j]\n            x[i, j] = old + h\n            fp = f(x)\n"
                  "            x[i, j] = old - h\n            fm = f(x)\n            x[i, j] = old\n"
                  "            grad[i, j] = (fp - fm) / (2 * h)",
    }),
    Scenario('numgrad-own-step-ignores-h', '2.6', {
        _NG_LOOP: _NG_LOOP.replace("old + h", "old + 1e-5").replace("old - h", "old - 1e-5")
                          .replace("(2 * h)", "(2 * 1e-5)"),
    }),
    Scenario('numgrad-restores-by-adding-and-subtracting', '2.6', {
        '        x[i] = old + h\n        fp = f(x)\n        x[i] = old - h\n        fm = f(x)\n'
        '        x[i] = old\n':
            '        x[i] += h\n        fp = f(x)\n        x[i] -= 2 * h\n        fm = f(x)\n'
            '        x[i] += h\n',
    }),
    Scenario('train-shuffles-with-own-fixed-generator', '2.8', {
        '    n = X.shape[0]\n    for _ in range(epochs):\n        order = rng.permutation(n)':
            '    n = X.shape[0]\n    shuffle_rng = np.random.default_rng(0)\n'
            '    for _ in range(epochs):\n        order = shuffle_rng.permutation(n)',
    }),
    Scenario('train-shuffle-generator-seeded-by-epoch', '2.8', {
        '    for _ in range(epochs):\n        order = rng.permutation(n)':
            '    for epoch in range(epochs):\n'
            '        order = np.random.default_rng(epoch).permutation(n)',
    }),
    Scenario('train-seeds-global-rng-for-shuffle', '2.8', {
        '    n = X.shape[0]\n    for _ in range(epochs):\n        order = rng.permutation(n)':
            '    n = X.shape[0]\n    np.random.seed(0)\n    for _ in range(epochs):\n'
            '        order = np.random.permutation(n)',
    }),
]
SCENARIOS += named(PROMISES14, {
    'relu-forward-flattens-to-2d': 'relu is elementwise: out and dx keep the shape of x',
    'relu-forward-loops-over-two-axes': 'no loops over two axes',
    'tanh-forward-exp-ratio-overflows': 'overflows to inf beyond x = 709',
    'tanh-forward-flattens-to-2d': 'tanh is elementwise',
    'softmax-loss-log-of-shifted-softmax': 'take the log-softmax directly',
    'softmax-loss-log-plus-eps': 'take the log-softmax directly',
    'numgrad-loops-over-two-axes': 'visit every index of x whatever its shape',
    'numgrad-own-step-ignores-h': 'perturb x by the argument h',
    'numgrad-restores-by-adding-and-subtracting':
        'adding h and taking it away again does not give back the same float',
    'train-shuffles-with-own-fixed-generator': 'shuffled the examples into the same order',
    'train-shuffle-generator-seeded-by-epoch': 'shuffled the examples into the same order',
    'train-seeds-global-rng-for-shuffle': 'shuffled the examples into the same order',
})

# Eighteenth batch (issue 14, ninth session): written blind, measured once after the ninth
# session's first design round; the mistakes whose feedback named the cause then.
HINTS18 = {
    'linear-backward-loop-bias-outside-loop':
        'your linear_backward passes this check with one change (line 15)',
    'relu-forward-step-function':
        'out is wrong exactly where x > 0 and right elsewhere; your relu_',
    'tanh-backward-derivative-negated':
        'your tanh_backward passes this check with one change (line 13): ',
    'softmax-loss-loop-overwrites-total':
        'your softmax_cross_entropy passes this check with one change (li',
    'softmax-max-subtracted-twice':
        'your softmax_cross_entropy passes this check with one change (li',
    'numgrad-saves-value-after-perturbing':
        'your numerical_gradient passes this check with one change (line ',
    'mlp-backward-divides-dscores-by-batch':
        'your mlp_backward passes this check with one change (line 29): `',
    'train-losses-reset-every-epoch':
        'your train_mlp passes this check with one change (line 20): with',
}
SCENARIOS += named(HELD_OUT18, HINTS18)
VARIANTS += as_variants(VARIANTS18)
# ... and those named only after the ninth session's last design round, designed on them.
DESIGNED18 = {
    'train-loss-recomputed-after-step':
        'your train_mlp passes this check with one change (line 27): with',
    'train-batch-slice-ignores-start': 'every batch of the epoch holds the same examples',
}
SCENARIOS += named(HELD_OUT18, DESIGNED18)
# The nineteenth held-out batch (written blind, measured once on 33bfb1e): those whose
# feedback named the cause at that measurement ...
HINTS19 = {
    'linear-forward-drops-bias':
        'out is x @ w without the bias b',
    'linear-backward-db-averaged-over-batch':
        'your linear_backward passes this check with one change (line 11)',
    'relu-backward-passes-gradient-at-zero':
        'your relu_backward passes this check with one change (line 14): ',
    'tanh-forward-exp-formula-overflows':
        'tanh(x) is +-1 for large |x|, but exp(x) overflows to inf beyond',
    'tanh-backward-tanh-of-cached-output':
        'your tanh_backward passes this check with one change (line 13): ',
    'softmax-shift-by-column-max':
        'your softmax_cross_entropy passes this check with one change (li',
    'numgrad-input-not-restored':
        'restore each entry after perturbing it',
    'mlp-forward-relu-on-scores':
        'your mlp_forward passes this check with one change (line 14): `i',
    'train-shuffles-with-global-numpy-random':
        'shuffle with the rng you are given (rng.permutation(n)), never n',
    'train-drops-last-partial-batch':
        'keep the last, short batch: range(0, n, batch_size), or some exa',
}
SCENARIOS += named(HELD_OUT19, HINTS19)
VARIANTS += as_variants(VARIANTS19)
# ... and those detected or named only after the tenth session's design round on them.
DESIGNED19 = {
}
SCENARIOS += named(HELD_OUT19, DESIGNED19)
# The twentieth held-out batch (written blind, measured once on 4559d66): those whose
# feedback named the cause at that measurement ...
HINTS20 = {
    'linear-backward-dw-divided-by-batch':
        'your linear_backward passes this check with one change (line 10)',
    'tanh-caches-input-not-output':
        'your tanh_forward passes this check with one change (line 5): `x',
    'tanh-backward-square-outside-brackets':
        'your tanh_backward passes this check with one change (line 13): ',
    'softmax-loss-picks-columns-not-pairs':
        'your softmax_cross_entropy behaves like the correct code with `l',
    'mlp-backward-bias-grad-before-relu-mask':
        'your mlp_backward passes this check with one change (line 33): `',
    'train-shuffles-once-before-epochs':
        'your train_mlp passes this check with one change (line 19): `ord',
    'train-inputs-sliced-without-permutation':
        'your train_mlp behaves like the correct code with `X[idx]` writt',
}
SCENARIOS += named(HELD_OUT20, HINTS20)
VARIANTS += as_variants(VARIANTS20)
# ... and those detected or named only after the tenth session's design round on them.
DESIGNED20 = {
    'linear-cache-keeps-output':
        'cache[0] holds `out` (the output) where `x` belongs: the wrong v',
    'relu-backward-zeroes-upstream-in-place':
        'relu_backward changed its argument `dout`',
    # session 11: a loop over `np.ndindex(x.shape)` written as one over `range(len(x))`
    'numgrad-loops-over-first-axis-only':
        'the loop visits one index per row (the first axis), not every entry',
}
SCENARIOS += named(HELD_OUT20, DESIGNED20)
# The twenty-first held-out batch (written blind, measured once on bf711f5): those whose
# feedback named the cause at that measurement ...
HINTS21 = {
    'linear-forward-bias-subtracted':
        'your linear_forward passes this check with one change (line 8):',
    'linear-backward-db-summed-to-scalar':
        'your linear_backward passes this check with one change (line 11)',
    'relu-backward-mask-from-upstream':
        'your relu_backward passes this check with one change (line 14):',
    'tanh-backward-scales-upstream-in-place':
        'compute the result into a new array (`dx = dout * mask`), not in',
    'softmax-grad-unnormalised-exponentials':
        'your softmax_cross_entropy passes this check with one change (li',
    'numgrad-divides-then-multiplies-by-h':
        'your numerical_gradient passes this check with one change (line',
    'numgrad-one-sided-difference':
        'this is the one-sided difference (f(x+h) - f(x)) / h, accurate t',
    'mlp-forward-relu-condition-one-layer-short':
        'your mlp_forward passes this check with one change (line 14): `i',
    'sgd-step-adds-the-gradient':
        'your sgd_step passes this check with one change (line 5): `lr *',
    'train-decays-learning-rate-each-epoch':
        'your train_mlp passes this check with one change (line 28): `lr',
}
SCENARIOS += named(HELD_OUT21, HINTS21)
VARIANTS += as_variants(VARIANTS21)
# ... and those detected or named only after the twelfth session's design round on them.
DESIGNED21 = {
}
SCENARIOS += named(HELD_OUT21, DESIGNED21)
# The twenty-second held-out batch (written blind, measured once on d21b67a) ...
HINTS22 = {
    'linear-forward-augmented-bias-row-misaligned':
        'your linear_forward goes wrong in line 8: `out = np.hstack([x, n',
    'linear-backward-dw-transposed':
        'your linear_backward passes this check with one change (line 10)',
    'relu-caches-output-mask-inclusive':
        'your relu_backward passes this check with one change (line 14):',
    'softmax-grad-probabilities-from-raw-logits':
        "exp of a large logit overflows: subtract each row's max before e",
    'numgrad-perturbs-copy-evaluates-original':
        'grad is all zeros: is it ever computed (or passed on) and return',
    'mlp-forward-bias-key-typo-defaults-to-zero':
        'your mlp_forward goes wrong in line 12: `h, lin_cache = linear_f',
    'mlp-backward-grads-dict-shared-across-calls':
        'your mlp_backward passes this check with one change (line 28): i',
    'sgd-step-adds-weight-decay':
        'your sgd_step passes this check with one change (line 5): `lr *',
    'train-last-batch-wraps-around':
        'cut the shuffled order into consecutive pieces of batch_size exa',
}
SCENARIOS += named(HELD_OUT22, HINTS22)
VARIANTS += as_variants(VARIANTS22)
# ... and those detected or named only after the twelfth session's design round on them.
DESIGNED22 = {
    'tanh-backward-squares-cache-through-alias':
        "the cache is the forward's output, an array its caller holds too",
}
SCENARIOS += named(HELD_OUT22, DESIGNED22)
# The twenty-third held-out batch (written blind, measured once on 1b8e805) ...
HINTS23 = {
    'relu-backward-mask-any-example-active':
        'your relu_backward passes this check with one change (line 14):',
    'tanh-forward-clips-input-at-five':
        'your tanh_forward passes this check with one change (line 4): `n',
    'softmax-shift-by-row-mean':
        "exp of a large logit overflows: subtract each row's max before e",
    'softmax-loss-probability-floored':
        'dlogits is right but the loss is not: with logits this large the',
    'mlp-backward-pops-callers-caches':
        'compute the result into a new array (`dx = dout * mask`), not in',
    'train-init-from-fixed-seed-generator':
        'your train_mlp behaves like the correct code with `mlp_init(size',
}
SCENARIOS += named(HELD_OUT23, HINTS23)
VARIANTS += as_variants(VARIANTS23)
# ... and those detected or named only after the thirteenth session's design round on them.
DESIGNED23 = {
    'linear-backward-dx-written-into-cached-input':
        'dx was written into x itself (np.matmul(..., out=...), or x[...]',
    'numgrad-indices-from-argwhere':
        'grad is 0 at every entry where x is 0 and right elsewhere: the l',
    'train-batch-loop-breaks-on-small-loss':
        'every epoch runs every one of its batches, however small the',
}
SCENARIOS += named(HELD_OUT23, DESIGNED23)
# written as mistakes, but correct by the notebook's text
VARIANTS += as_variants(HELD_OUT23, {'linear-forward-row-loop-loses-shape-on-empty-batch'})


# --- promise audit, session 10 (AUD4): promises no check exercised, each now checked
SCENARIOS += [
    Scenario('numgrad-loops-for-1d-and-2d-only', '2.6', {
        '    for i in np.ndindex(x.shape):\n':
            ('    idx = [(a, b) for a in range(x.shape[0]) for b in'
             ' range(x.shape[1])] if x.ndim == 2 else range(x.shape[0])\n'
             '    for i in idx:\n'),
    }, 'whatever its number of axes'),
    Scenario('mlp-layer-count-from-max-key', '2.7', {
        ('    L = len(params) // 2\n'
         '    caches = []'):
            ('    L = int(max(params)[1:])\n'
             '    caches = []'),
    }, "sorts before 'W2'"),
    Scenario('mlp-weights-by-sorted-keys', '2.7', {
        ('        h, lin_cache = linear_forward(h, params[f"W{i}"],'
         ' params[f"b{i}"])'):
            ('        h, lin_cache = linear_forward(h, params[sorted(k for k in'
             " params if k[0] == 'W')[i - 1]], params[sorted(k for k in params if"
             " k[0] == 'b')[i - 1]])"),
    }, "sorts before 'W2'"),
    Scenario('mlp-first-layer-always-relu', '2.7', {
        ('    h = x\n'
         '    for i in range(1, L + 1):\n'
         '        h, lin_cache = linear_forward(h, params[f"W{i}"],'
         ' params[f"b{i}"])\n'
         '        relu_cache = None\n'
         '        if i < L:'):
            ("    h, lin_cache = linear_forward(x, params['W1'], params['b1'])\n"
             '    h, relu_cache = relu_forward(h)\n'
             '    caches.append((lin_cache, relu_cache))\n'
             '    for i in range(2, L + 1):\n'
             '        h, lin_cache = linear_forward(h, params[f"W{i}"],'
             ' params[f"b{i}"])\n'
             '        relu_cache = None\n'
             '        if i < L:'),
    }, 'there is no hidden layer'),
]
VARIANTS += [
    Scenario('linear-cache-holds-copies', '', {
        ('    out = x @ w + b\n'
         '    cache = (x, w)\n'):
            ('    out = x @ w + b\n'
             '    cache = (x.copy(), w.copy())\n'),
    }),
    Scenario('relu-cache-holds-output', '', {
        ('    cache = x\n'
         '    ### END SOLUTION\n'
         '    return out, cache'):
            ('    cache = out\n'
             '    ### END SOLUTION\n'
             '    return out, cache'),
    }),
    Scenario('tanh-backward-from-cosh-of-input', '', {
        ('    cache = out\n'
         '    ### END SOLUTION\n'
         '    return out, cache\n'
         '\n'
         '\n'
         'def tanh_backward'):
            ('    cache = x\n'
             '    ### END SOLUTION\n'
             '    return out, cache\n'
             '\n'
             '\n'
             'def tanh_backward'),
        'dx = dout * (1 - cache**2)':
            'dx = dout / np.cosh(cache)**2',
    }),
    Scenario('numgrad-perturbs-a-copy-each-entry', '', {
        '    for i in np.ndindex(x.shape):\n':
            ('    for i in np.ndindex(x.shape):\n'
             '        x = x.copy()\n'),
    }),
    Scenario('sgd-step-loops-over-grads', '', {
        ('    for k in params:\n'
         '        params[k] -= lr * grads[k]'):
            ('    for k in grads:\n'
             '        params[k] -= lr * grads[k]'),
    }),
    Scenario('train-shuffles-an-arange-in-place', '', {
        '        order = rng.permutation(n)\n':
            ('        order = np.arange(n)\n'
             '        rng.shuffle(order)\n'),
    }),
]


# --- survivor audit, session 11: one-edit rewrites of the reference that passed their check
SCENARIOS += [
    Scenario('sgd-step-returns-after-first-key', '2.8', {
        '        params[k] -= lr * grads[k]\n':
            '        params[k] -= lr * grads[k]\n        return\n',
    }, 'a return or break inside the loop ends it after the first'),
]
