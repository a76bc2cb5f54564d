"""careerpath: the back end of a career guide and learning-path platform."""
