// Jest setup: nothing global yet; cdktf matchers are registered by construct tests that need them.
