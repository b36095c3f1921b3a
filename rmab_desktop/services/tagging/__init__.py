"""Reading and writing audiobook tags with mutagen, sidecar files, and chapter merge."""
