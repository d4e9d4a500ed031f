"""Writers of files other tools read (calendars, documents). Pure: they return text."""
