"""Files that travel between people: assessment files, answer files, benchmark packs, exports.

Every reader validates completely before anything is handed on; nothing is half-loaded.
"""
