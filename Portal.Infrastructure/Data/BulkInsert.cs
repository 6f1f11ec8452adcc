using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Many rows into a derived table (matches), inside the caller's transaction, the fastest way each
/// provider offers: binary COPY on PostgreSQL; one prepared single-row INSERT re-run on SQLite
/// (SQLite looks parameters up by name one at a time, so a many-row statement costs the square of
/// its parameters); multi-row VALUES within SQL Server's 2,100-parameter limit elsewhere. Values
/// are converted by EF's own type mappings, so a Guid or a date is stored exactly as EF stores it.
/// </summary>
internal static class BulkInsert
{
    /// <summary>
    /// Entities of one mapped type, in the table and columns the model gives them, each value
    /// converted by the property's own mapping (an enum as its string, say), so rows read back
    /// exactly as EF's. Every column is written but a key the database numbers itself (an identity);
    /// a Guid key, which EF would make up on the client, is the caller's to give.
    /// </summary>
    /// <returns>Rows written.</returns>
    public static async Task<int> EntitiesAsync<T>(DbContext db, IReadOnlyList<T> entities, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        if (entities.Count == 0)
            return 0;
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entityType.GetTableName()!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var properties = entityType.GetProperties().Where(p => !(p.IsKey() && p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never && IsWholeNumber(p.ClrType))).ToArray();
        var columns = properties.Select(p => p.GetColumnName(store)!).ToArray();
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        // Each row's values are taken from its entity as it is written, into one reused array: a copy of
        // every row as boxed values first would hold the whole table twice (hundreds of megabytes for
        // the insight rollup's full run or the matches).
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var converters = mappings.Select(m => m.Converter).ToArray();
        var values = new object?[properties.Length];
        var rows = new Rows(entities.Count, i =>
        {
            var entity = entities[i];
            for (var c = 0; c < values.Length; c++)
            {
                var value = getters[c].GetClrValue(entity);
                values[c] = value is null ? null : converters[c] is { } converter ? converter.ConvertToProvider(value) : value;
            }
            return values;
        });
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql)
            return await CopyAsync(npgsql, table, columns, rows, cancellationToken);
        if (db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true)
        {
            rows = InIndexOrder(entityType, store, columns, rows);
            return await PreparedAsync(db.Database, connection, table, columns, rows, mappings, cancellationToken);
        }
        return await ValuesAsync(db.Database, table, columns, rows, cancellationToken);
    }

    /// <summary>
    /// The rows to write, in the order to write them: <see cref="Values"/> gives the <c>i</c>th one's
    /// provider values in an array that the next call overwrites.
    /// </summary>
    private sealed class Rows(int count, Func<int, object?[]> valuesAt, int[]? order = null)
    {
        public int Count => count;

        public object?[] Values(int i) => valuesAt(order is null ? i : order[i]);

        public Rows InOrder(int[] newOrder) => new(count, valuesAt, newOrder);
    }

    /// <summary>
    /// The rows in the order of the table's unique index as SQLite compares it (text, byte by byte):
    /// each row's index entry then lands beside the last one instead of on a random page, which over
    /// a million rows (the insight rollups) is most of the time the insert takes. Rows whose index
    /// holds a value with no plain text form stay as they came. Each index column's distinct values
    /// are ranked by their text once, so a row's place is a few whole numbers, not a string.
    /// </summary>
    private static Rows InIndexOrder(Microsoft.EntityFrameworkCore.Metadata.IEntityType entityType, Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier store, string[] columns, Rows rows)
    {
        var index = entityType.GetIndexes().FirstOrDefault(i => i.IsUnique);
        if (index is null || rows.Count < 2)
            return rows;
        var at = index.Properties.Select(p => Array.IndexOf(columns, p.GetColumnName(store))).ToArray();
        if (at.Any(i => i < 0))
            return rows;
        // Each index column's distinct values (numbered as first met) and the text SQLite compares them by.
        var width = at.Length;
        var numbers = new Dictionary<object, int>[width];
        var texts = new List<string>[width];
        for (var c = 0; c < width; c++)
        {
            numbers[c] = [];
            texts[c] = [];
        }
        var valueIds = new int[rows.Count * width];
        for (var r = 0; r < rows.Count; r++)
        {
            var values = rows.Values(r);
            for (var c = 0; c < width; c++)
            {
                var value = values[at[c]];
                if (value is null)
                    return rows;
                if (!numbers[c].TryGetValue(value, out var id))
                {
                    if (SqliteText(value) is not { } text)
                        return rows;
                    numbers[c].Add(value, id = texts[c].Count);
                    texts[c].Add(text);
                }
                valueIds[r * width + c] = id;
            }
        }
        // Rank each column's values by their text; a row's key is then its ranks, column by column,
        // which orders rows as their joined text would (no text here holds a character below '\0').
        var ranks = new int[width][];
        for (var c = 0; c < width; c++)
        {
            var byText = Enumerable.Range(0, texts[c].Count).OrderBy(id => texts[c][id], StringComparer.Ordinal).ToArray();
            ranks[c] = new int[byText.Length];
            for (var rank = 0; rank < byText.Length; rank++)
                ranks[c][byText[rank]] = rank;
        }
        var keys = new int[valueIds.Length];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = ranks[i % width][valueIds[i]];
        var order = new int[rows.Count];
        for (var r = 0; r < order.Length; r++)
            order[r] = r;
        Array.Sort(order, (a, b) =>
        {
            for (var c = 0; c < width; c++)
            {
                var compared = keys[a * width + c].CompareTo(keys[b * width + c]);
                if (compared != 0)
                    return compared;
            }
            return a.CompareTo(b);
        });
        return rows.InOrder(order);
    }

    /// <summary>How Microsoft.Data.Sqlite writes a value as text (a Guid in capitals, a date as yyyy-MM-dd), or null for a value it does not write as text.</summary>
    private static string? SqliteText(object? value) => value switch
    {
        string text => text,
        Guid guid => guid.ToString("D").ToUpperInvariant(),
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private static bool IsWholeNumber(Type type) => type == typeof(long) || type == typeof(int) || type == typeof(short);

    private static string Head(string table, string[] columns) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";

    private static async Task<int> CopyAsync(NpgsqlConnection connection, string table, string[] columns, Rows rows, CancellationToken cancellationToken)
    {
        // The connection is the context's, already open and in its transaction.
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var r = 0; r < rows.Count; r++)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var value in rows.Values(r))
            {
                if (value is null)
                    await writer.WriteNullAsync(cancellationToken);
                else
                    await writer.WriteAsync(value, cancellationToken);
            }
        }
        return (int)await writer.CompleteAsync(cancellationToken);
    }

    private static async Task<int> PreparedAsync(DatabaseFacade database, DbConnection connection, string table, string[] columns, Rows rows, RelationalTypeMapping[] mappings, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = Head(table, columns) + "(" + string.Join(", ", columns.Select((_, i) => $"@p{i}")) + ")";
        var parameters = new DbParameter[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            parameters[c] = mappings[c].CreateParameter(command, $"@p{c}", null);
            command.Parameters.Add(parameters[c]);
        }
        await command.PrepareAsync(cancellationToken);
        var written = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows.Values(r);
            for (var c = 0; c < columns.Length; c++)
                parameters[c].Value = row[c] ?? DBNull.Value;
            written += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return written;
    }

    private static async Task<int> ValuesAsync(DatabaseFacade database, string table, string[] columns, Rows rows, CancellationToken cancellationToken)
    {
        // SQL Server takes at most 2,100 parameters a statement.
        var perStatement = Math.Max(1, 2_000 / columns.Length);
        var head = Head(table, columns);
        var written = 0;
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            var sql = new StringBuilder(head);
            var values = new object[count * columns.Length];
            var next = 0;
            for (var r = 0; r < count; r++)
            {
                var row = rows.Values(start + r);
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    sql.Append(c == 0 ? "{" : ", {").Append(next).Append('}');
                    values[next++] = row[c] ?? DBNull.Value;
                }
                sql.Append(')');
            }
            written += await database.ExecuteSqlRawAsync(sql.ToString(), values, cancellationToken);
        }
        return written;
    }
}
