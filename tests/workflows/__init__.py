"""Static tests of the GitHub workflows and the dependabot configuration."""
