"""The Flask service: one blueprint per concern, created by `server.create_app`."""
