"""Reference implementations of the graded functions, one file per module's answers.

| file | module |
|---|---|
| induction.py | 01_induction |
| nn.py, gradcheck.py | 02_backprop |
| init.py | 03_init |
| optim.py | 04_optim |
| rnn.py, sequence_tasks.py | 05_rnn |
| seq2seq.py, seq2seq_data.py | 06_seq2seq |

This folder is the boundary of the student release: `course release` ships a file here only
when its module is published (answers released); for an unpublished module the release holds
a stand-in with the same names that serves the student's *own* earlier code (see
autograder/release/). Everything else in `course/` ships to students.
"""

MODULE_FILES = {
    "01_induction": ("induction",),
    "02_backprop": ("nn", "gradcheck"),
    "03_init": ("init",),
    "04_optim": ("optim",),
    "05_rnn": ("rnn", "sequence_tasks"),
    "06_seq2seq": ("seq2seq", "seq2seq_data"),
}
