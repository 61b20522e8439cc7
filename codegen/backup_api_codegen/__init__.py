"""Code generation driver: spec/backup-api.yaml -> generated/."""
