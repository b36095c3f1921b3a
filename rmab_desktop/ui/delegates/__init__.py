"""UI delegates."""
