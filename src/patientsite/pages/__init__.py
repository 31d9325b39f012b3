"""MkDocs plugin `patientsite/pages`: review dates, glossary tooltips and the clinic's details."""
