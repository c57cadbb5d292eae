"""Ninth held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('ids-to-tokens-returns-ids', '6.1', {
        'tokens.append(itos[i])':
            'tokens.append(i)',
    }, ''),
    Scenario('pad-batch-mask-set-for-every-row', '6.2', {
        'mask[i, :len(s)] = True':
            'mask[:, :len(s)] = True',
    }, ''),
    Scenario('bucket-reshuffled-before-chunking', '6.3', {
        '    chunks = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]\n'
        '    if bucket:\n        chunks = [chunks[k] for k in rng.permutation(len(chunks))]':
            '    if bucket:\n        order = order[rng.permutation(len(order))]\n'
            '    chunks = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]',
    }, ''),
    Scenario('masked-ce-loss-sign-dropped', '6.5', {
        'loss = -np.sum(logp[n_idx, t_idx, targets] * m) / count':
            'loss = np.sum(logp[n_idx, t_idx, targets] * m) / count',
    }, ''),
    Scenario('loss-output-weight-grad-last-step-only', '6.7', {
        '"W_out": np.einsum("nth,ntv->hv", h, dlogits)':
            '"W_out": h[:, -1].T @ dlogits[:, -1]',
    }, ''),
    Scenario('greedy-decoder-state-unpacked-c-then-h', '6.8', {
        'lp, h, c = decoder_step(params, prev, h, c)':
            'lp, c, h = decoder_step(params, prev, h, c)',
    }, ''),
    Scenario('beam-feeds-first-token', '6.9', {
        'toks[-1] if toks else BOS':
            'toks[0] if toks else BOS',
    }, ''),
    Scenario('beam-candidate-keeps-parent-state', '6.9', {
        'cand = (live[b][0] + [v], float(total[b, v]), hs[b], cs[b])':
            'cand = (live[b][0] + [v], float(total[b, v]), live[b][2], live[b][3])',
    }, ''),
    Scenario('accuracy-exact-any-position', '6.10', {
        'exact = np.mean(np.all(right | ~tgt_mask, axis=1))':
            'exact = np.mean(np.any(right | ~tgt_mask, axis=1))',
    }, ''),
    Scenario('train-targets-shifted-before-loss', '6.11', {
        'loss, grads = seq2seq_loss(params, batch["src"], batch["src_mask"], batch["tgt"],':
            'loss, grads = seq2seq_loss(params, batch["src"], batch["src_mask"], '
            'shift_right(batch["tgt"]),',
    }, ''),
]

VARIANTS = [
    Scenario('greedy-logp-take-along-axis', '6.8', {
        'logp += np.where(done, 0.0, lp[np.arange(N), prev])':
            'logp += np.take_along_axis(lp, prev[:, None], axis=1)[:, 0] * ~done',
    }, ''),
    Scenario('encoder-embedding-grad-row-loop', '6.6', {
        '        np.add.at(grads["E_src"], src[:, t], dx)\n':
            '        for n in range(src.shape[0]):\n            grads["E_src"][src[n, t]] += dx[n]\n',
    }, ''),
]
