"""Transformation: findings -> edits (tags, operators) and, for tables, small-group suppression."""
