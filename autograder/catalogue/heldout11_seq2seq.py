"""Eleventh held-out batch of module 06_seq2seq (issue 14): 10 mistakes and 2 variants.

Written blind: without reading the feedback code, the catalogue's hint strings or any
check's output on these edits; each was verified only mechanically (it applies once and
the mutated solution runs its cells without new errors). The whole batch is held out and
is measured once. Hints are empty; VARIANTS are correct code that differs from the
reference.
"""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('tokens-to-ids-returns-result-of-append', '6.1', {
        'ids = [stoi.get(t, UNK) for t in tokens] + [EOS]':
            'ids = [stoi.get(t, UNK) for t in tokens].append(EOS)',
    }, ''),
    Scenario('pad-batch-ids-recreated-for-each-row', '6.2', {
        '    ids = np.full((len(seqs), T), pad, dtype=np.int64)\n'
        '    mask = np.zeros((len(seqs), T), dtype=bool)\n    for i, s in enumerate(seqs):\n':
            '    mask = np.zeros((len(seqs), T), dtype=bool)\n    for i, s in enumerate(seqs):\n'
            '        ids = np.full((len(seqs), T), pad, dtype=np.int64)\n',
    }, ''),
    Scenario('loader-source-and-target-masks-swapped', '6.3', {
        '"src_mask": s_mask, "tgt": t, "tgt_mask": t_mask':
            '"src_mask": t_mask, "tgt": t, "tgt_mask": s_mask',
    }, ''),
    Scenario('masked-ce-grad-from-unnormalised-exponentials', '6.5', {
        'dlogits = np.exp(logp)':
            'dlogits = np.exp(z)',
    }, ''),
    Scenario('encoder-padded-step-keeps-hidden-as-cell', '6.6', {
        'c = np.where(m, c_new, c)':
            'c = np.where(m, c_new, h)',
    }, ''),
    Scenario('loss-logits-without-output-bias', '6.7', {
        'logits = h @ params["W_out"] + params["b_out"]':
            'logits = h @ params["W_out"]',
    }, ''),
    Scenario('greedy-log-taken-of-log-probabilities', '6.8', {
        'logp += np.where(done, 0.0, lp[np.arange(N), prev])':
            'logp += np.where(done, 0.0, np.log(lp[np.arange(N), prev]))',
    }, ''),
    Scenario('beam-strips-final-eos', '6.9', {
        '    tokens, logp, _, _ = max(finished, key=lambda f: f[1] / len(f[0]))\n':
            '    tokens, logp, _, _ = max(finished, key=lambda f: f[1] / len(f[0]))\n'
            '    if tokens and tokens[-1] == EOS:\n        tokens = tokens[:-1]\n',
    }, ''),
    Scenario('accuracy-exact-count-not-fraction', '6.10', {
        'exact = np.mean(np.all(':
            'exact = np.sum(np.all(',
    }, ''),
    Scenario('train-source-and-target-swapped', '6.11', {
        'loss, grads = seq2seq_loss(params, batch["src"], batch["src_mask"], batch["tgt"],\n'
        '                                       batch["tgt_mask"])':
            'loss, grads = seq2seq_loss(params, batch["tgt"], batch["tgt_mask"], batch["src"],\n'
            '                                       batch["src_mask"])',
    }, ''),
]

VARIANTS = [
    Scenario('pad-batch-ones-times-pad', '6.2', {
        'ids = np.full((len(seqs), T), pad, dtype=np.int64)':
            'ids = pad * np.ones((len(seqs), T), dtype=np.int64)',
    }, ''),
    Scenario('masked-ce-normaliser-last-axis-expanded', '6.5', {
        'logp = z - np.log(np.exp(z).sum(axis=2, keepdims=True))':
            'logp = z - np.log(np.sum(np.exp(z), axis=-1))[..., None]',
    }, ''),
]
