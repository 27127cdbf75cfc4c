#!/bin/sh
# Prisma generate needs an engine path but never runs it; this machine cannot download one.
exit 1
