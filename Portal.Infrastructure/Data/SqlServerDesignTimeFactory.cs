using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Infrastructure.Data;

// Used only by `dotnet ef` (see add-migration.sh). No database is contacted to add a migration,
// so the connection strings only need to be well-formed.

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerPortalDbContext>()
            .UseSqlServer("Server=localhost;Database=PortalDesign;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
