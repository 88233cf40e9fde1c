"""Sources turn what a user points at (paths, globs, stdin, URLs, feeds, WARC) into Documents."""
