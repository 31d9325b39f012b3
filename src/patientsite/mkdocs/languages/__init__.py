"""MkDocs glue of patientsite.languages."""
