"""Live preview (`make serve`): a failed rebuild shows its message in the browser."""
