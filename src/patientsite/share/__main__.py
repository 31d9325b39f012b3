import sys

from patientsite.share.kit import main

sys.exit(main())
