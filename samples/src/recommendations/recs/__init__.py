"""recommendations: ranks products per user for the storefront's "for you" lists."""

__version__ = "0.10.0"
