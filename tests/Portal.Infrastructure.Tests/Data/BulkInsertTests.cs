using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Data;

/// <summary>
/// The rollups and the match run write hundreds of thousands of rows with <see cref="BulkInsert"/>,
/// which takes each row's values from its entity as it writes them (issue 25: a copy of every row
/// first held the weekly rollup's 724,885 rows twice). What a reader of the table sees must be what
/// EF Core would have written, in whatever order the rows came.
/// </summary>
public abstract class BulkInsertTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    protected const string Figure = "bulk-insert-test";

    protected TDatabase Database { get; } = database;

    [Fact]
    public async Task EveryRowReadsBackAsItWasGiven()
    {
        var figures = await WriteShuffledAsync();

        await using var db = Database.CreateContext();
        var read = await db.Set<InsightFigure>().AsNoTracking().Where(f => f.Figure == Figure).ToListAsync();
        Assert.Equal(
            figures.Select(Row).Order(StringComparer.Ordinal),
            read.Select(Row).Order(StringComparer.Ordinal));
    }

    /// <summary>The figures of four organisations, three months and categories that sort differently as text and as values, shuffled; written in one transaction.</summary>
    protected async Task<List<InsightFigure>> WriteShuffledAsync()
    {
        var organisations = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        DateOnly[] months = [new(2025, 12, 1), new(2026, 1, 1), new(2026, 10, 1)];
        string[] categories = ["", "a", "a b", "ab", "B", "é", "Ω 12"];
        var computedAt = new DateTime(2026, 12, 7, 9, 40, 0, DateTimeKind.Utc);
        var figures = (from organisation in organisations
                       from month in months
                       from dimension in new[] { InsightFigure.All, "route" }
                       from category in categories
                       select InsightFigure.Of(month, organisation, Figure, dimension, category, category.Length + month.Month, computedAt))
            .OrderBy(_ => Random.Shared.Next()).ToList();

        await using var db = Database.CreateContext();
        await db.Set<InsightFigure>().Where(f => f.Figure == Figure).ExecuteDeleteAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.Equal(figures.Count, await BulkInsert.EntitiesAsync(db, figures, CancellationToken.None));
        await transaction.CommitAsync();
        return figures;
    }

    private static string Row(InsightFigure f) =>
        $"{f.OrganisationId}|{f.Month:yyyy-MM-dd}|{f.Figure}|{f.Dimension}|{f.Category}|{f.Count}|{f.ComputedAtUtc.Ticks}";
}

public sealed class SqliteBulkInsertTests(SqliteTestDatabase database) : BulkInsertTests<SqliteTestDatabase>(database)
{
    /// <summary>
    /// On SQLite the rows are written in the order of the table's unique index, so each index entry
    /// lands beside the last (most of the weekly rollup's write time otherwise). The numbers the
    /// table gives the rows as they arrive must follow the order SQLite's own index keeps.
    /// </summary>
    [Fact]
    public async Task RowsArriveInTheOrderOfTheUniqueIndex()
    {
        await WriteShuffledAsync();

        await using var db = Database.CreateContext();
        var byArrival = await db.Set<InsightFigure>().Where(f => f.Figure == Figure).OrderBy(f => f.Id).Select(f => f.Id).ToListAsync();
        var byIndex = await db.Database.SqlQueryRaw<long>(
            "SELECT \"Id\" AS \"Value\" FROM \"InsightFigures\" WHERE \"Figure\" = {0} ORDER BY \"OrganisationId\", \"Month\", \"Figure\", \"Dimension\", \"Category\"", Figure).ToListAsync();
        Assert.Equal(4 * 3 * 2 * 7, byArrival.Count);
        Assert.Equal(byIndex, byArrival);
    }
}

public sealed class PostgresBulkInsertTests(PostgresTestDatabase database) : BulkInsertTests<PostgresTestDatabase>(database);
