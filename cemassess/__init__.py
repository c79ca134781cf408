"""cemassess: Customer Experience Management (CEM) maturity assessment."""

__version__ = "0.1.0"
APP_NAME = "cemassess"
