"""MkDocs glue of patientsite.preview."""
