from mkdocs.config import base
from mkdocs.config import config_options as c


class PreviewConfig(base.Config):
    # Show a failed rebuild's messages over every page of `make serve` until a build succeeds.
    enabled = c.Type(bool, default=True)
