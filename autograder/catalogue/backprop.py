"""Mistakes students make in module 02, each an edit of solutions/02_backprop/02_backprop.py."""

from autograder.catalogue import Scenario

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
