using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Portal.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
