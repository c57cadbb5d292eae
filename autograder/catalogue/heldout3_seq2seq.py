"""Third held-out batch of module 06_seq2seq (issue 14), 11 of 22 mistakes.

22 new mistakes were written blind (without reading the feedback code, the
catalogue's hints or any check's output on them), kept in the order written,
shuffled with random.Random(2611).shuffle (a new Random per module) and split:
positions 0, 2, 4, ... are held out (heldout3_seq2seq.py), positions 1, 3, 5, ...
are the design half (design3_seq2seq.py). Hints are empty until measured.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('greedy-state-not-advanced', '6.8', {
        'lp, h, c = decoder_step(params, prev, h, c)':
            'lp, _, _ = decoder_step(params, prev, h, c)',
    }, ''),
    Scenario('train-steps-counted-as-epochs', '6.11', {
        '    while len(losses) < steps:\n'
        '        for batch in make_batches(src, tgt, batch_size, rng, bucket=True):':
            '    for _ in range(steps):\n'
            '        for batch in make_batches(src, tgt, batch_size, rng, bucket=True):',
        '            losses.append(float(loss))\n'
        '            if len(losses) == steps:\n'
        '                break':
            '            losses.append(float(loss))',
    }, ''),
    Scenario('loss-cell-gradient-dropped', '6.7', {
        'grads.update(encoder_backward(dh0, dc0, enc_cache))':
            'grads.update(encoder_backward(dh0, np.zeros_like(dc0), enc_cache))',
    }, ''),
    Scenario('loss-decoder-reads-targets', '6.7', {
        'x = params["E_tgt"][dec_in]':
            'x = params["E_tgt"][tgt]',
    }, ''),
    Scenario('ids-to-tokens-drops-unk', '6.1', {
        'if i != PAD and i != BOS:':
            'if i not in (PAD, BOS, UNK):',
    }, ''),
    Scenario('pad-batch-left-padding', '6.2', {
        '        ids[i, :len(s)] = s\n'
        '        mask[i, :len(s)] = True':
            '        ids[i, T - len(s):] = s\n'
            '        mask[i, T - len(s):] = True',
    }, ''),
    Scenario('bucket-sorts-unshuffled-indices', '6.3', {
        '        lengths = np.array([len(src[i]) for i in order])\n'
        '        order = order[np.argsort(lengths, kind="stable")]':
            '        order = np.argsort([len(s) for s in src], kind="stable")',
    }, ''),
    Scenario('greedy-done-before-write', '6.8', {
        '        out[:, t] = np.where(done, PAD, prev)\n'
        '        logp += np.where(done, 0.0, lp[np.arange(N), prev])\n'
        '        done = done | (prev == EOS)':
            '        done = done | (prev == EOS)\n'
            '        out[:, t] = np.where(done, PAD, prev)\n'
            '        logp += np.where(done, 0.0, lp[np.arange(N), prev])',
    }, ''),
    Scenario('accuracy-exact-is-mean-sequence-token-rate', '6.10', {
        'exact = np.mean(np.all(right | ~tgt_mask, axis=1))':
            'exact = np.mean(right.sum(axis=1) / tgt_mask.sum(axis=1))',
    }, ''),
    Scenario('tokens-eos-first', '6.1', {
        'ids = [stoi.get(t, UNK) for t in tokens] + [EOS]':
            'ids = [EOS] + [stoi.get(t, UNK) for t in tokens]',
    }, ''),
    Scenario('encoder-backward-gradient-through-padding', '6.6', {
        'lstm_step_backward(dh * m, dc * m, steps[t])':
            'lstm_step_backward(dh, dc, steps[t])',
    }, ''),
]
