using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Data;

public sealed class MigrationSetTests
{
    public static TheoryData<string> Providers => new() { "Sqlite", "Postgres", "SqlServer" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void ModelHasNoChangesMissingFromTheMigrations(string provider)
    {
        using PortalDbContext db = provider switch
        {
            "Sqlite" => new SqliteDesignTimeFactory().CreateDbContext([]),
            "Postgres" => new PostgresDesignTimeFactory().CreateDbContext([]),
            _ => new SqlServerDesignTimeFactory().CreateDbContext([]),
        };

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} migrations are behind the model: run Portal.Infrastructure/Data/add-migration.sh <Name>.");
    }

    /// <summary>
    /// Identity maps passkeys only when its run-time options ask for schema version 3, which tools
    /// and contexts made outside the app never see: the model must hold them regardless.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public void ContextsMadeWithoutTheAppStillHavePasskeys(string provider)
    {
        using PortalDbContext db = provider switch
        {
            "Sqlite" => new SqliteDesignTimeFactory().CreateDbContext([]),
            "Postgres" => new PostgresDesignTimeFactory().CreateDbContext([]),
            _ => new SqlServerDesignTimeFactory().CreateDbContext([]),
        };

        var passkeys = db.Model.FindEntityType(typeof(Microsoft.AspNetCore.Identity.IdentityUserPasskey<string>));

        Assert.NotNull(passkeys);
        Assert.Equal("AspNetUserPasskeys", passkeys.GetTableName());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryProviderHasTheSameMigrationNames(string provider)
    {
        static IEnumerable<string> Names(IDesignTimeDbContextFactory<PortalDbContext> factory)
        {
            using var db = factory.CreateDbContext([]);
            return db.Database.GetMigrations().Select(m => m[15..]).ToList();
        }

        var sqlite = Names(new Factory<SqlitePortalDbContext>(new SqliteDesignTimeFactory()));
        var other = provider switch
        {
            "Postgres" => Names(new Factory<PostgresPortalDbContext>(new PostgresDesignTimeFactory())),
            "SqlServer" => Names(new Factory<SqlServerPortalDbContext>(new SqlServerDesignTimeFactory())),
            _ => sqlite,
        };

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, other);
    }

    private sealed class Factory<T>(IDesignTimeDbContextFactory<T> inner) : IDesignTimeDbContextFactory<PortalDbContext>
        where T : PortalDbContext
    {
        public PortalDbContext CreateDbContext(string[] args) => inner.CreateDbContext(args);
    }
}

public abstract class MigratedDatabaseTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task MigratedDatabaseHasEveryRole()
    {
        await using var db = database.CreateContext();

        var roles = await db.Roles.Select(r => r.Name).OrderBy(n => n).ToListAsync();

        Assert.Equal(PortalRoles.All.Order(), roles);
    }

    [Fact]
    public async Task MigratedDatabaseHasNoPendingMigrations()
    {
        await using var db = database.CreateContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}

public sealed class SqliteMigratedDatabaseTests(SqliteTestDatabase database) : MigratedDatabaseTests<SqliteTestDatabase>(database);

public sealed class PostgresMigratedDatabaseTests(PostgresTestDatabase database) : MigratedDatabaseTests<PostgresTestDatabase>(database);
