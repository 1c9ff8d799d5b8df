#!/usr/bin/env bash
# Kept for CI scripts that still call it: the package test does all this and more.
exec bash "$(dirname "$0")/package-test.sh" "$@"
