"""Content of the kit (TOML), shipped inside the wheel as exback_kit.data."""
