"""Write the share kit (links, QR codes, e-mail snippets per page) into site/share/.

Run after `make site`: `make share`, or `.venv/bin/python scripts/share.py [--site site]`.
"""

import sys

from patientsite.share.kit import main

if __name__ == "__main__":
    sys.exit(main())
