"""The share kit and the share page: what clinic staff need to send a page to a patient.

kit.py writes the files (QR codes, e-mail snippets) and the pages; page.py lays out the page
for staff; labels.py is the typed table of its words (src/patientsite/words/<lang>.yml).
"""
