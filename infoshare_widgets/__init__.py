"""infoshare: interactive training on information sharing to safeguard children and adults.

The package holds behaviour only; every word a learner reads comes from the content folder.
"""

__version__ = "0.1.0"
