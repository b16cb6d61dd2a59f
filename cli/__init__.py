"""The command line: its flags (:mod:`cli.parser`) and what they make of a session
(:mod:`cli.flags`).  ``main.py`` runs them; the outputs are written by ``cli/outputs.py``."""
