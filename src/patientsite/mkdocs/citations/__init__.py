"""MkDocs glue of patientsite.citations."""
