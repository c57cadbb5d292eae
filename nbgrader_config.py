"""The repository root is an nbgrader course: nbgrader's folders mapped onto ours.

Run `course build` first: it writes solutions/<module>/<module>.ipynb from the text source
(solutions/<module>/<module>.py) and regenerates exercises/.
"""

c = get_config()  # noqa: F821 - provided by nbgrader

c.CourseDirectory.course_id = "dl-first-principles"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
c.CourseDirectory.submitted_directory = "submitted"
c.CourseDirectory.autograded_directory = "autograded"
c.CourseDirectory.feedback_directory = "feedback"
# The text sources stay out of releases; so does anything generated while working.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "*.py",
                            ".jupytext*"]

# The slowest check trains a small network for about a second; the slowest experiment
# cell trains for well under a minute on a 2-core laptop.
c.Execute.timeout = 180
c.ClearSolutions.code_stub = {
    "python": '# YOUR CODE HERE\nraise NotImplementedError("replace this line with your code")'
}
c.ClearHiddenTests.begin_test_delimeter = "BEGIN HIDDEN TESTS"
c.ClearHiddenTests.end_test_delimeter = "END HIDDEN TESTS"

# Feedback shows each task's message, never the hidden tests' source.
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import ClearHiddenTests, GetGrades  # noqa: E402
from traitlets import List  # noqa: E402


class FeedbackClearHiddenTests(ClearHiddenTests):
    """ClearHiddenTests, quiet in the HTML exporter: nbconvert configures display_data_priority
    on every preprocessor, and nbgrader declares it without config=True, hence a warning."""

    display_data_priority = List(ClearHiddenTests.display_data_priority.default_value,
                                 config=True)


c.GenerateFeedback.preprocessors = [GetGrades, FeedbackClearHiddenTests, CSSHTMLHeaderPreprocessor]
