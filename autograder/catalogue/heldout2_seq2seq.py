"""Second held-out batch of module 06_seq2seq (issue 14): 15 new mistakes were written
before any diagnoser changed, shuffled with random.Random(1730).shuffle (a new Random per
module, in the order written) and every other one from the first (positions 0, 2, 4, ...) was
set aside here, measured once after the diagnosers were improved on the other half.
Hint phrases were filled in after that measurement; the module catalogue merges the
scenarios that have one (those still without a hint are not yet named)."""

from autograder.catalogue import Scenario

SCENARIOS = [
    Scenario('train-clip-result-discarded', '6.11', {
        'grads, _ = clip_grad_norm(grads, clip)':
            'clip_grad_norm(grads, clip)',
    }, 'without clipping'),
    Scenario('tokens-with-bos', '6.1', {
        'ids = [stoi.get(t, UNK) for t in tokens] + [EOS]':
            'ids = [BOS] + [stoi.get(t, UNK) for t in tokens] + [EOS]',
    }, 'an extra 1 (BOS)'),
    Scenario('masked-ce-softmax-over-time', '6.5', {
        'logp = z - np.log(np.exp(z).sum(axis=2, keepdims=True))':
            'logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))',
    }, 'normalised over axis 1'),
    Scenario('beam-ignores-history', '6.9', {
        'best = np.argsort(-total, axis=None':
            'best = np.argsort(-lp, axis=None',
    }, ''),
    Scenario('ids-to-tokens-keeps-bos', '6.1', {
        'if i != PAD and i != BOS:':
            'if i != PAD:',
    }, 'drop the special ids'),
    Scenario('encoder-cell-not-masked', '6.6', {
        'c = np.where(m, c_new, c)':
            'c = c_new',
    }, ''),
    Scenario('shift-right-aliases-target', '6.4', {
        'dec_in = np.empty_like(tgt)':
            'dec_in = tgt',
    }, '`tgt` itself where a new array belongs'),
    Scenario('bucket-argsort-positions', '6.3', {
        'order = order[np.argsort(lengths, kind="stable")]':
            'order = np.argsort(lengths, kind="stable")',
    }, ''),
]
