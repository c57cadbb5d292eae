"""Fifth held-out batch of module 06_seq2seq (issue 14): 7 mistakes and 3 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('ids-to-tokens-or-for-and', '6.1', {
        'if i != PAD and i != BOS:':
            'if i != PAD or i != BOS:',
    }, ''),
    Scenario('bucket-lengths-not-permuted', '6.3', {
        'lengths = np.array([len(src[i]) for i in order])':
            'lengths = np.array([len(s) for s in src])',
    }, ''),
    Scenario('encoder-mask-zeroes-state', '6.6', {
        'h = np.where(m, h_new, h)\n        c = np.where(m, c_new, c)':
            'h = h_new * m\n        c = c_new * m',
    }, ''),
    Scenario('loss-encoder-gets-dh-as-dc', '6.7', {
        'encoder_backward(dh0, dc0, enc_cache)':
            'encoder_backward(dh0, dh0, enc_cache)',
    }, ''),
    Scenario('greedy-stops-when-any-done', '6.8', {
        'if done.all():':
            'if done.any():',
    }, ''),
    Scenario('beam-state-from-first-hypothesis', '6.9', {
        'float(total[b, v]), hs[b], cs[b])':
            'float(total[b, v]), hs[0], cs[0])',
    }, ''),
    Scenario('train-seq2seq-fresh-rng-each-pass', '6.11', {
        'make_batches(src, tgt, batch_size, rng, bucket=True)':
            'make_batches(src, tgt, batch_size, np.random.default_rng(0), bucket=True)',
    }, ''),
]

VARIANTS = [
    Scenario('tokens-to-ids-explicit-loop', '6.1', {
        'ids = [stoi.get(t, UNK) for t in tokens] + [EOS]':
            'ids = [stoi[t] if t in stoi else UNK for t in tokens]\n    ids.append(EOS)',
    }, ''),
    Scenario('masked-ce-loss-boolean-mean', '6.5', {
        'loss = -np.sum(logp[n_idx, t_idx, targets] * m) / count':
            'loss = -np.mean(logp[n_idx, t_idx, targets][mask])',
    }, ''),
    Scenario('accuracy-count-nonzero', '6.10', {
        'token = right.sum() / tgt_mask.sum()':
            'token = np.sum(right) / np.count_nonzero(tgt_mask)',
    }, ''),
]
