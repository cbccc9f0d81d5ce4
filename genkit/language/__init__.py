"""A document's language: its layout words (strings.py, from templates/_common/strings/) and
how dates, numbers, money, phone numbers and hours are written in it (formatting.py).

Below the stages that need it: the plan checks a profile's languages, the rules word dates in
their messages, render's filters format every value.
"""
