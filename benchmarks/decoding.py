"""How often each branch of the decoding checks (6.8 greedy, 6.9 beam) is taken.

    python -m benchmarks.decoding

Per seed: on 40 random sources of the beam check's model, the share where beam differs from
greedy and where each rule (length normalisation, EOS counted in the length, finished
prefixes leaving the beam) changes the answer; the distinct EOS positions reached; which
branches the chosen test sources cover. For greedy: distinct outputs and EOS positions.
"""

from __future__ import annotations

import numpy as np

from autograder.checks import seq2seq as C
from course.reference import seq2seq as ref


def main() -> None:
    print("seed width  beam!=greedy " + " ".join(f"{r:>14}" for r in C.BEAM_RULES)
          + "  EOS positions (beam)  covered by the test sources")
    for seed in range(10):
        params, width, cases, covered = C.beam_setup(seed)
        rng = np.random.default_rng([seed, 99])
        V = params["W_out"].shape[1]
        flips = {r: 0 for r in C.BEAM_RULES}
        differs, ends = 0, set()
        for _ in range(40):
            s = np.array(C._random_seqs(rng, 1, 1, 5, V)[0])
            et, f, d = C.beam_branches(params, s, width, 6)
            differs += d
            for r in f:
                flips[r] += 1
            ends.add(len(et) if et[-1] == ref.EOS else "none")
        print(f"{seed:4d} {width:5d} {differs / 40:13.0%} "
              + " ".join(f"{flips[r] / 40:14.0%}" for r in C.BEAM_RULES)
              + f"  {sorted(ends, key=str)!s:20}  {len(covered)}/{len(C.BEAM_RULES) + 2} "
              f"{sorted(covered)}")
    print("\ngreedy (6.8): seed, distinct outputs of 6 sources, distinct EOS positions")
    for seed in range(10):
        params, src, mask = C._staggered(np.random.default_rng(seed), 7)
        out = ref.greedy_decode(params, src, mask, 7)[0]
        ends = {r.tolist().index(ref.EOS) + 1 if ref.EOS in r else "none" for r in out}
        print(f"{seed:4d} {len({tuple(r) for r in out}):3d} {sorted(ends, key=str)}")


if __name__ == "__main__":
    main()
