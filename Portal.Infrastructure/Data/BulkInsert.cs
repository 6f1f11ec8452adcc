using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Many rows in few statements, for derived tables rewritten in bulk (matches). Multi-row VALUES
/// with parameters typed by EF's own mappings, so a Guid or a date is stored exactly as EF stores
/// it on each provider. Runs inside the caller's transaction.
/// </summary>
internal static class BulkInsert
{
    /// <returns>Rows written.</returns>
    public static async Task<int> RunAsync(DatabaseFacade database, string table, IReadOnlyList<string> columns, IReadOnlyList<object[]> rows, CancellationToken cancellationToken)
    {
        // SQL Server takes at most 2,100 parameters a statement; SQLite 32,766; PostgreSQL 65,535.
        var limit = database.ProviderName?.Contains("SqlServer", StringComparison.Ordinal) == true ? 2_000 : 30_000;
        var perStatement = Math.Max(1, Math.Min(1_000, limit / columns.Count));
        var head = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
        var written = 0;
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            var sql = new StringBuilder(head, head.Length + (count * columns.Count * 8));
            var values = new object[count * columns.Count];
            var next = 0;
            for (var r = 0; r < count; r++)
            {
                var row = rows[start + r];
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    if (c > 0)
                        sql.Append(", ");
                    sql.Append('{').Append(next).Append('}');
                    values[next++] = row[c];
                }
                sql.Append(')');
            }
            written += await database.ExecuteSqlRawAsync(sql.ToString(), values, cancellationToken);
        }
        return written;
    }
}
