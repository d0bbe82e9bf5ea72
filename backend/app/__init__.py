"""Master Admin Portal backend."""
