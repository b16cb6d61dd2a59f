"""Reading a trained model: head detectors, the seeded probe they read, and switching heads off."""
