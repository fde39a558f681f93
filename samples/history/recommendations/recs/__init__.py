"""recommendations: ranks products per user for the storefront's "for you" lists."""

__version__ = "0.9.4"
