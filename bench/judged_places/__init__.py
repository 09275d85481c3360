"""Place mentions judged by reading (issue 12): see ``__main__``."""
