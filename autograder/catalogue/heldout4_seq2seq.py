"""Fourth held-out batch of module 06_seq2seq (issue 14): 7 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('ids-to-tokens-keeps-eos', '6.1', {
        '        if i == EOS:\n'
        '            break':
            '        if i == EOS:\n'
            '            tokens.append(itos[i])\n'
            '            break',
    }, ''),
    Scenario('bucket-shuffles-inside-batches', '6.3', {
        'chunks = [chunks[k] for k in rng.permutation(len(chunks))]':
            'chunks = [rng.permutation(ch) for ch in chunks]',
    }, ''),
    Scenario('masked-ce-loss-mean-over-all-positions', '6.5', {
        'loss = -np.sum(logp[n_idx, t_idx, targets] * m) / count':
            'loss = -np.mean(logp[n_idx, t_idx, targets] * m)',
    }, ''),
    Scenario('encoder-uses-decoder-weights', '6.6', {
        'lstm_step_forward(x[:, t], h, c, params["enc_Wx"],\n'
        '                                               params["enc_Wh"], params["enc_b"])':
            'lstm_step_forward(x[:, t], h, c, params["dec_Wx"],\n'
            '                                               params["dec_Wh"], params["dec_b"])',
    }, ''),
    Scenario('greedy-done-not-carried', '6.8', {
        'done = done | (prev == EOS)':
            'done = prev == EOS',
    }, ''),
    Scenario('beam-keeps-lowest-scores', '6.9', {
        'best = np.argsort(-total, axis=None, kind="stable")[:beam_width]':
            'best = np.argsort(total, axis=None, kind="stable")[:beam_width]',
    }, ''),
    Scenario('accuracy-exact-counts-padding', '6.10', {
        'exact = np.mean(np.all(right | ~tgt_mask, axis=1))':
            'exact = np.mean(np.all(right, axis=1))',
    }, ''),
]

VARIANTS = [
    Scenario('bucket-longest-first', '6.3', {
        'order = order[np.argsort(lengths, kind="stable")]':
            'order = order[np.argsort(-lengths, kind="stable")]',
    }, ''),
    Scenario('accuracy-token-boolean-index', '6.10', {
        'token = right.sum() / tgt_mask.sum()':
            'token = right[tgt_mask].mean()',
    }, ''),
]
