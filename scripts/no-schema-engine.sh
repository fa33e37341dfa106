#!/bin/sh
# Prisma's CLI insists on a schema-engine binary it cannot download here; generate needs none.
echo "The Prisma CLI's schema engine is not used by Stocktake: use npm run db:migrate (or npm run db:diff to write a migration)." >&2
exit 1
