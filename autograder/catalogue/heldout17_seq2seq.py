"""Seventeenth held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('ids-to-tokens-list-reset-inside-loop', '6.1', {
        '    tokens = []\n    for i in ids:\n':
            '    for i in ids:\n        tokens = []\n',
    }, ''),
    Scenario('bucket-batches-permuted-as-array', '6.3', {
        '        chunks = [chunks[k] for k in rng.permutation(len(chunks))]':
            '        chunks = list(rng.permutation(chunks))',
    }, ''),
    Scenario('shift-right-bos-written-to-first-row', '6.4', {
        '    dec_in[:, 0] = bos\n':
            '    dec_in[0] = bos\n',
    }, ''),
    Scenario('masked-ce-softmax-without-max-shift', '6.5', {
        '    z = logits - logits.max(axis=2, keepdims=True)\n'
        '    logp = z - np.log(np.exp(z).sum(axis=2, keepdims=True))':
            '    e = np.exp(logits)\n    logp = np.log(e / e.sum(axis=2, keepdims=True))',
    }, ''),
    Scenario('encoder-backward-zeros-for-every-parameter', '6.6', {
        'grads = {k: np.zeros_like(params[k]) for k in ("E_src", "enc_Wx", "enc_Wh", "enc_b")}':
            'grads = {k: np.zeros_like(v) for k, v in params.items()}',
    }, ''),
    Scenario('loss-tanh-derivative-on-projection-gradient', '6.7', {
        'dh = dlogits @ params["W_out"].T':
            'dh = (dlogits @ params["W_out"].T) * (1 - h**2)',
    }, ''),
    Scenario('greedy-argmax-over-batch-axis', '6.8', {
        'prev = lp.argmax(axis=1)':
            'prev = lp.argmax(axis=0)',
    }, ''),
    Scenario('beam-winner-by-lowest-normalised-score', '6.9', {
        'tokens, logp, _, _ = max(finished, key=lambda f: f[1] / len(f[0]))':
            'tokens, logp, _, _ = min(finished, key=lambda f: f[1] / len(f[0]))',
    }, ''),
    Scenario('accuracy-prediction-not-padded-to-target-length', '6.10', {
        '    p = np.full((N, T), PAD)\n    k = min(T, pred.shape[1])\n    p[:, :k] = pred[:, :k]\n'
        '    right = (p == tgt) & tgt_mask':
            '    right = (pred[:, :T] == tgt) & tgt_mask',
    }, ''),
    Scenario('train-first-batch-of-a-new-epoch-each-step', '6.11', {
        '    while len(losses) < steps:\n'
        '        for batch in make_batches(src, tgt, batch_size, rng, bucket=True):\n'
        '            loss, grads = seq2seq_loss(params, batch["src"], batch["src_mask"], batch["tgt"],\n'
        '                                       batch["tgt_mask"])\n'
        '            grads, _ = clip_grad_norm(grads, clip)\n'
        '            adam_step(params, grads, state, lr)\n'
        '            losses.append(float(loss))\n'
        '            if len(losses) == steps:\n'
        '                break\n':
            '    for _ in range(steps):\n'
            '        batch = make_batches(src, tgt, batch_size, rng, bucket=True)[0]\n'
            '        loss, grads = seq2seq_loss(params, batch["src"], batch["src_mask"], batch["tgt"],\n'
            '                                   batch["tgt_mask"])\n'
            '        grads, _ = clip_grad_norm(grads, clip)\n'
            '        adam_step(params, grads, state, lr)\n'
            '        losses.append(float(loss))\n',
    }, ''),
]

VARIANTS = [
    Scenario('encoder-final-state-gathered-by-length', '6.6', {
        '    steps = []\n    for t in range(S):':
            '    steps, hs, cs = [], [], []\n    for t in range(S):',
        '        h = np.where(m, h_new, h)\n        c = np.where(m, c_new, c)\n'
        '        steps.append(step)\n    cache = (src, src_mask, steps, params)':
            '        h, c = h_new, c_new\n        hs.append(h)\n        cs.append(c)\n'
            '        steps.append(step)\n    last = src_mask.sum(axis=1) - 1\n'
            '    h = np.stack(hs, axis=1)[np.arange(N), last]\n'
            '    c = np.stack(cs, axis=1)[np.arange(N), last]\n'
            '    cache = (src, src_mask, steps, params)',
    }, ''),
    Scenario('beam-winner-by-sorting', '6.9', {
        '    tokens, logp, _, _ = max(finished, key=lambda f: f[1] / len(f[0]))':
            '    finished.sort(key=lambda f: f[1] / len(f[0]), reverse=True)\n'
            '    tokens, logp = finished[0][0], finished[0][1]',
    }, ''),
]
