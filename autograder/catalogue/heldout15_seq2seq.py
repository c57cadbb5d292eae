"""Fifteenth held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('ids-to-tokens-returns-joined-string', '6.1', {
        '            tokens.append(itos[i])\n':
            '            tokens.append(itos[i])\n    tokens = " ".join(tokens)\n',
    }, ''),
    Scenario('loader-batches-sliced-by-position-not-idx', '6.3', {
        '    for idx in chunks:\n'
        '        s, s_mask = pad_batch([src[i] for i in idx])\n'
        '        t, t_mask = pad_batch([tgt[i] for i in idx])\n':
            '    for b, idx in enumerate(chunks):\n'
            '        s, s_mask = pad_batch(src[b * batch_size:(b + 1) * batch_size])\n'
            '        t, t_mask = pad_batch(tgt[b * batch_size:(b + 1) * batch_size])\n',
    }, ''),
    Scenario('shift-right-insert-then-drops-bos', '6.4', {
        '    dec_in = np.empty_like(tgt)\n    dec_in[:, 0] = bos\n    dec_in[:, 1:] = tgt[:, :-1]\n':
            '    dec_in = np.insert(tgt, 0, bos, axis=1)[:, 1:]\n',
    }, ''),
    Scenario('masked-ce-grad-times-softmax-derivative', '6.5', {
        '    dlogits = np.exp(logp)\n':
            '    dlogits = np.exp(logp) * (1 - np.exp(logp))\n',
    }, ''),
    Scenario('encoder-backward-loops-over-batch-axis', '6.6', {
        'for t in reversed(range(src.shape[1])):':
            'for t in reversed(range(src.shape[0])):',
    }, ''),
    Scenario('loss-decoder-cell-starts-at-zero', '6.7', {
        'h, _, dec_cache = lstm_forward(x, h0, c0, params["dec_Wx"]':
            'h, _, dec_cache = lstm_forward(x, h0, np.zeros_like(c0), params["dec_Wx"]',
    }, ''),
    Scenario('greedy-done-when-pad-emitted', '6.8', {
        'done = done | (prev == EOS)':
            'done = done | (prev == PAD)',
    }, ''),
    Scenario('beam-length-penalty-exponent', '6.9', {
        'key=lambda f: f[1] / len(f[0]))':
            'key=lambda f: f[1] / len(f[0]) ** 0.7)',
    }, ''),
    Scenario('accuracy-exact-over-token-count', '6.10', {
        'exact = np.mean(np.all(right | ~tgt_mask, axis=1))':
            'exact = np.all(right | ~tgt_mask, axis=1).sum() / tgt_mask.sum()',
    }, ''),
    Scenario('train-stop-test-before-recording-loss', '6.11', {
        '            adam_step(params, grads, state, lr)\n'
        '            losses.append(float(loss))\n'
        '            if len(losses) == steps:\n'
        '                break\n':
            '            adam_step(params, grads, state, lr)\n'
            '            if len(losses) == steps:\n'
            '                break\n'
            '            losses.append(float(loss))\n',
    }, ''),
]

VARIANTS = [
    Scenario('pad-batch-row-filled-from-padded-list', '6.2', {
        '        ids[i, :len(s)] = s\n':
            '        ids[i] = list(s) + [pad] * (T - len(s))\n',
    }, ''),
    Scenario('masked-ce-shift-by-global-max', '6.5', {
        'z = logits - logits.max(axis=2, keepdims=True)':
            'z = logits - logits.max()',
    }, ''),
]
