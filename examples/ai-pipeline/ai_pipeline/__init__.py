"""A resource server for TropiCal's tokens: see ../README.md."""
