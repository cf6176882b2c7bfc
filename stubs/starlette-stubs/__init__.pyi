# Stub for the starlette package itself, so that every checker (zuban 0.11
# included) keeps the runtime package: starlette/__init__.py defines only
# __version__ in every release from 0.13 to 1.x.
__version__: str
