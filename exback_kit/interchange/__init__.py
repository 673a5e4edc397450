"""Files in and out: exports and their import, Daylio, the iCalendar reminders, the demo journal."""
