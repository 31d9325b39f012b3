"""Everything that knows MkDocs, Material or static-i18n: the glue between them and our code.

One package per plugin (`config.py` for its options, `plugin.py` for its hooks), the kiosk
build's hooks, and the checked adjustments to Material's output (`languages/material.py`).
The rest of patientsite imports none of these tools (tests/test_glue.py checks it), so moving
to another site generator means rewriting this package only.
"""
