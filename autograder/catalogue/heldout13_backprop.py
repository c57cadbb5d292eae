"""Thirteenth held-out batch of module 02_backprop (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('linear-cache-holds-bias', '2.1', {
        '    out = x @ w + b\n    cache = (x, w)\n':
            '    out = x @ w + b\n    cache = (x, b)\n',
    }, ''),
    Scenario('linear-backward-dx-left-transposed', '2.2', {
        'dx = dout @ w.T':
            'dx = w @ dout.T',
    }, ''),
    Scenario('linear-backward-adds-weight-decay', '2.2', {
        '    dw = x.T @ dout\n':
            '    dw = x.T @ dout + 1e-3 * w\n',
    }, ''),
    Scenario('relu-backward-mask-without-brackets', '2.3', {
        'dx = dout * (x > 0)':
            'dx = dout * x > 0',
    }, ''),
    Scenario('tanh-forward-tan-typed', '2.4', {
        'out = np.tanh(x)':
            'out = np.tan(x)',
    }, ''),
    Scenario('softmax-shifts-callers-logits-in-place', '2.5', {
        '    z = logits - logits.max(axis=1, keepdims=True)\n':
            '    z = logits\n'
            '    z -= z.max(axis=1, keepdims=True)\n',
    }, ''),
    Scenario('numgrad-half-step-each-side', '2.6', {
        '        x[i] = old + h\n'
        '        fp = f(x)\n'
        '        x[i] = old - h\n':
            '        x[i] = old + h / 2\n'
            '        fp = f(x)\n'
            '        x[i] = old - h / 2\n',
    }, ''),
    Scenario('mlp-backward-unpacks-dw-as-dx', '2.7', {
        'd, grads[f"W{i}"], grads[f"b{i}"] = linear_backward(d, lin_cache)':
            'grads[f"W{i}"], d, grads[f"b{i}"] = linear_backward(d, lin_cache)',
    }, ''),
    Scenario('mlp-backward-stops-before-first-layer', '2.7', {
        'for i in range(L, 0, -1):':
            'for i in range(L, 1, -1):',
    }, ''),
    Scenario('train-records-one-loss-per-epoch', '2.8', {
        '            sgd_step(params, grads, lr)\n'
        '            losses.append(float(loss))':
            '            sgd_step(params, grads, lr)\n'
            '        losses.append(float(loss))',
    }, ''),
]

VARIANTS = [
    Scenario('softmax-grad-subtract-at', '2.5', {
        '    dlogits[np.arange(n), y] -= 1\n':
            '    np.subtract.at(dlogits, (np.arange(n), y), 1)\n',
    }, ''),
    Scenario('sgd-step-subtract-with-out', '2.8', {
        '        params[k] -= lr * grads[k]':
            '        np.subtract(params[k], lr * grads[k], out=params[k])',
    }, ''),
]
