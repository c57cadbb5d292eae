"""Sixteenth held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('pad-batch-ids-float-array', '6.2', {
        'ids = np.full((len(seqs), T), pad, dtype=np.int64)':
            'ids = np.zeros((len(seqs), T)) + pad',
    }, ''),
    Scenario('loader-chunk-end-one-short', '6.3', {
        'chunks = [order[i:i + batch_size] for i in':
            'chunks = [order[i:i + batch_size - 1] for i in',
    }, ''),
    Scenario('shift-right-eos-replaced-by-pad', '6.4', {
        'dec_in[:, 1:] = tgt[:, :-1]':
            'dec_in[:, 1:] = np.where(tgt[:, :-1] == EOS, PAD, tgt[:, :-1])',
    }, ''),
    Scenario('masked-ce-grad-adds-one-hot', '6.5', {
        'dlogits[n_idx, t_idx, targets] -= 1':
            'dlogits[n_idx, t_idx, targets] += 1',
    }, ''),
    Scenario('encoder-backward-stops-before-first-step', '6.6', {
        'for t in reversed(range(src.shape[1])):':
            'for t in range(src.shape[1] - 1, 0, -1):',
    }, ''),
    Scenario('loss-final-cell-state-passed-as-its-gradient', '6.7', {
        'h, _, dec_cache = lstm_forward(':
            'h, c, dec_cache = lstm_forward(',
        'lstm_backward(dh, dec_cache)':
            'lstm_backward(dh, dec_cache, c[:, -1])',
    }, ''),
    Scenario('greedy-logp-length-normalised', '6.8', {
        '        if done.all():\n            break\n':
            '        if done.all():\n            break\n'
            '    logp = logp / np.maximum((out != PAD).sum(axis=1), 1)\n',
    }, ''),
    Scenario('beam-initial-score-one', '6.9', {
        'live = [([], 0.0, h[0], c[0])]':
            'live = [([], 1.0, h[0], c[0])]',
    }, ''),
    Scenario('accuracy-exact-is-error-rate', '6.10', {
        'exact = np.mean(np.all(right | ~tgt_mask, axis=1))':
            'exact = np.mean(np.any(tgt_mask & ~right, axis=1))',
    }, ''),
    Scenario('train-seq2seq-stop-test-one-late', '6.11', {
        '            losses.append(float(loss))\n            if len(losses) == steps:':
            '            losses.append(float(loss))\n            if len(losses) > steps:',
    }, ''),
]

VARIANTS = [
    Scenario('shift-right-list-rows', '6.4', {
        '    dec_in = np.empty_like(tgt)\n    dec_in[:, 0] = bos\n    dec_in[:, 1:] = tgt[:, :-1]\n':
            '    rows = [[bos] + list(row[:-1]) for row in tgt]\n'
            '    dec_in = np.array(rows, dtype=tgt.dtype).reshape(tgt.shape)\n',
    }, ''),
    Scenario('masked-ce-softmax-from-shifted-exponentials', '6.5', {
        '    dlogits = np.exp(logp)\n':
            '    e = np.exp(z)\n    dlogits = e / e.sum(axis=2, keepdims=True)\n',
    }, ''),
]
