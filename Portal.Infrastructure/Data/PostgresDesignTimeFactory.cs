using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Infrastructure.Data;

// Used only by `dotnet ef` (see add-migration.sh). No database is contacted to add a migration,
// so the connection strings only need to be well-formed.

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>()
            .UseNpgsql("Host=localhost;Database=portal_design").Options);
}
