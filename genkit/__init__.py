"""genkit: rollout documents for alternative 911 response programs, from one profile each."""

__version__ = "0.1.0"
