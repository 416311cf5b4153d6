"""hkcase: an offline case tracker for Hong Kong talent-visa consultants."""

__version__ = "0.1.0"
APP_NAME = "hkcase"
