"""The quiz and lawful-basis scenario builders' models (pure: no widgets, no HTTP).

Form values to a content item, its problems by form field in the trainer's words, and its YAML;
an item on the site back to form values, to open and change it. The author area draws the forms
and publishes what they make (`publishing/`); ``case_builder`` is the case-study builder.
"""
