"""MkDocs glue of patientsite.pages."""
