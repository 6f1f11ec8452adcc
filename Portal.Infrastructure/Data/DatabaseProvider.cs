namespace Portal.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
