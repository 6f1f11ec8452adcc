using Portal.Infrastructure.Insight;

namespace Portal.Infrastructure.Tests.Insight;

/// <summary>
/// The pipeline rollup keeps its counts by numbered months, scopes and texts (a city's full run
/// counts 724,885): the rows it writes must say what was counted, in December as in January.
/// </summary>
public sealed class FigureCountsTests
{
    [Fact]
    public void EachCountComesBackUnderWhatItWasCountedAsAndTheSameKeyAddsUp()
    {
        var city = Guid.NewGuid();
        var employer = Guid.NewGuid();
        var counts = new FigureCounts();
        counts.Add(new DateOnly(2025, 12, 1), city, "applied", "route", "care-worker");
        counts.Add(new DateOnly(2025, 12, 1), city, "applied", "route", "care-worker");
        counts.Add(new DateOnly(2026, 1, 1), city, "applied", "route", "care-worker");
        counts.Add(new DateOnly(2025, 12, 1), employer, "applied", "route", "care-worker", 5);
        counts.Add(new DateOnly(2025, 12, 1), city, "route", "applied", "care-worker");
        counts.Add(new DateOnly(2025, 12, 1), city, "applied", "all", "");

        var rows = counts.Rows((month, scope, figure, dimension, category, count) => $"{month:yyyy-MM-dd} {(scope == city ? "city" : "employer")} {figure}/{dimension}/{category} {count}");

        Assert.Equal(5, rows.Count);
        Assert.Equal(
            [
                "2025-12-01 city applied/all/ 1",
                "2025-12-01 city applied/route/care-worker 2",
                "2025-12-01 city route/applied/care-worker 1",
                "2025-12-01 employer applied/route/care-worker 5",
                "2026-01-01 city applied/route/care-worker 1",
            ],
            rows.Order(StringComparer.Ordinal));
        Assert.Throws<ArgumentOutOfRangeException>(() => rows[5]);
    }

    [Fact]
    public void AStoredRowIsLeftAloneUpdatedOrDeletedAndOnlyTheRestAreInserted()
    {
        var city = Guid.NewGuid();
        var counts = new FigureCounts();
        counts.Add(new DateOnly(2026, 1, 1), city, "applied", "all", "", 3);
        counts.Add(new DateOnly(2026, 2, 1), city, "applied", "all", "", 4);
        counts.Add(new DateOnly(2026, 3, 1), city, "applied", "all", "", 5);

        Assert.Equal(FigureCounts.StoredRow.Same, counts.Settle(new DateOnly(2026, 1, 1), city, "applied", "all", "", 3, out _));
        Assert.Equal(FigureCounts.StoredRow.Update, counts.Settle(new DateOnly(2026, 2, 1), city, "applied", "all", "", 2, out var now));
        Assert.Equal(4, now);
        Assert.Equal(FigureCounts.StoredRow.Delete, counts.Settle(new DateOnly(2025, 12, 1), city, "applied", "all", "", 1, out _));
        Assert.Equal(FigureCounts.StoredRow.Delete, counts.Settle(new DateOnly(2026, 1, 1), Guid.NewGuid(), "applied", "all", "", 3, out _));
        Assert.Equal(FigureCounts.StoredRow.Delete, counts.Settle(new DateOnly(2026, 1, 1), city, "hired", "all", "", 3, out _));

        Assert.Equal(["2026-03-01 5"], counts.Rows((month, _, _, _, _, count) => $"{month:yyyy-MM-dd} {count}"));
    }
}
