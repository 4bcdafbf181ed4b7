"""The installed version, read once from the package metadata."""

from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("redactor")
except PackageNotFoundError:  # running from a source tree that was never installed
    VERSION = "0.0.0"
