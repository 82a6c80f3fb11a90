// Helpers for tests that run the built `credeau` binary come here.
