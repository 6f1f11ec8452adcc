using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Which database the portal runs on, read once at start-up. A wrong setting stops start-up with
/// one line that says what to fix, rather than failing on the first request.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStartup)
{
    public const string ConnectionStringName = "Portal";
    private const string DefaultSqliteFile = "App_Data/portal.db";

    public static DatabaseSettings Read(IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Database");
        var providerName = section["Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerName) && !Enum.TryParse(providerName, ignoreCase: true, out provider))
            throw new PortalConfigurationException(
                $"Database:Provider '{providerName}' is not known: use Sqlite, Postgres or SqlServer.");

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Sqlite)
            connectionString = ResolveSqlite(connectionString, contentRootPath);
        else if (string.IsNullOrWhiteSpace(connectionString))
            throw new PortalConfigurationException(
                $"ConnectionStrings:{ConnectionStringName} is missing: Database:Provider {provider} needs a connection string " +
                $"(set ConnectionStrings__{ConnectionStringName} in the environment).");

        // The embedded database migrates itself; a shared server is migrated deliberately (the migrate command)
        // unless an operator opts in, so two nodes starting together never race on a schema change.
        var migrate = section.GetValue<bool?>("MigrateOnStartup") ?? provider == DatabaseProvider.Sqlite;
        return new DatabaseSettings(provider, connectionString!, migrate);
    }

    /// <summary>
    /// The connection string the portal's own database contexts use. On PostgreSQL a connection going
    /// back to Npgsql's pool is not reset (<c>No Reset On Close</c>) unless the operator's string says
    /// otherwise: the reset is seven statements sent ahead of the next query on that connection
    /// (<c>RESET ALL</c>, <c>pg_advisory_unlock_all()</c>, ...), which a page of six to ten queries paid on
    /// every one of them, a third of the database's time on a learner's pages (issue 25). The portal
    /// leaves nothing on a session for it to clear: no <c>SET</c>, no session advisory lock (only
    /// transaction ones), no temporary table, no <c>LISTEN</c>; and a transaction left open by a failed
    /// request is still rolled back when its connection goes back to the pool. Background jobs'
    /// storage (Hangfire) keeps the string as given.
    /// </summary>
    public string ContextConnectionString
    {
        get
        {
            if (Provider != DatabaseProvider.Postgres)
                return ConnectionString;
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
            var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = ConnectionString };
            if (!given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("NoResetOnClose", StringComparison.OrdinalIgnoreCase)))
                builder.NoResetOnClose = true;
            return builder.ConnectionString;
        }
    }

    /// <summary>Which database, in words for an operator: the file, or the database and its server (never a password).</summary>
    public string Name
    {
        get
        {
            switch (Provider)
            {
                case DatabaseProvider.Sqlite:
                    return new SqliteConnectionStringBuilder(ConnectionString).DataSource;
                case DatabaseProvider.Postgres:
                    var postgres = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
                    return $"the PostgreSQL database '{postgres.Database}' on {postgres.Host}:{postgres.Port}";
                default:
                    var sqlServer = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(ConnectionString);
                    return $"the SQL Server database '{sqlServer.InitialCatalog}' on {sqlServer.DataSource}";
            }
        }
    }

    private static string ResolveSqlite(string? connectionString, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={DefaultSqliteFile}" : connectionString);
        var dataSource = builder.DataSource;
        var inMemory = builder.Mode == SqliteOpenMode.Memory || dataSource == ":memory:";
        if (!inMemory && !string.IsNullOrEmpty(dataSource))
        {
            var fullPath = Path.GetFullPath(Path.Combine(contentRootPath, dataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            builder.DataSource = fullPath;
        }

        return builder.ToString();
    }
}
